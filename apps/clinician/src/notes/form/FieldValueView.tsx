import type { TTemplateField } from '@hearth/contracts';
import { describeMse } from '@hearth/content';
import { List, Stack, Text } from '@mantine/core';
import { useInterventions } from '../../api/diagnoses';
import type { MseValue } from './field-values';
import { formatSimpleValue, progressLabel, riskLines } from './value-format';

/** One field of a read-only note: its label and the answer as written. */
export function FieldValueView({ field, value, id }: { field: TTemplateField; value: unknown; id?: string }) {
  return (
    <Stack gap={2} id={id} data-field={field.key}>
      <Text size="sm" fw={600}>
        {field.label}
      </Text>
      <ValueBody field={field} value={value} />
    </Stack>
  );
}

const NotAnswered = () => (
  <Text size="sm" c="dimmed">
    Not answered
  </Text>
);

function ValueBody({ field, value }: { field: TTemplateField; value: unknown }) {
  switch (field.type) {
    case 'diagnoses': {
      const list = Array.isArray(value) ? (value as { code: string; title?: string }[]) : [];
      if (!list.length) return <NotAnswered />;
      return (
        <List type="ordered" size="sm">
          {list.map((d) => (
            <List.Item key={d.code}>
              {d.code}
              {d.title ? ` — ${d.title}` : ''}
            </List.Item>
          ))}
        </List>
      );
    }
    case 'goal_progress': {
      const rows = Array.isArray(value) ? (value as { goal: string; rating: string; comment?: string }[]) : [];
      if (!rows.length) return <NotAnswered />;
      return (
        <List size="sm">
          {rows.map((r, i) => (
            <List.Item key={i}>
              <strong>{r.goal}</strong>: {progressLabel(r.rating)}
              {r.comment ? `. ${r.comment}` : ''}
            </List.Item>
          ))}
        </List>
      );
    }
    case 'interventions':
      return <InterventionsValue codes={Array.isArray(value) ? value.map(String) : []} />;
    case 'risk_assessment': {
      const lines = riskLines(value);
      if (!lines.length) return <NotAnswered />;
      return (
        <Stack gap={2}>
          {lines.map((l) => (
            <Text size="sm" key={l.label} style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{l.label}:</strong> {l.text}
            </Text>
          ))}
        </Stack>
      );
    }
    case 'mental_status_exam': {
      const lines = describeMse((value && typeof value === 'object' ? value : {}) as MseValue);
      if (!lines.length) return <NotAnswered />;
      return (
        <Stack gap={2}>
          {lines.map((l) => (
            <Text size="sm" key={l.key} style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{l.label}:</strong> {l.text}
            </Text>
          ))}
        </Stack>
      );
    }
    default: {
      const text = formatSimpleValue(field, value);
      return text === null ? (
        <NotAnswered />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Text>
      );
    }
  }
}

function InterventionsValue({ codes }: { codes: string[] }) {
  const list = useInterventions();
  if (!codes.length) return <NotAnswered />;
  const label = new Map((list.data ?? []).map((i) => [i.code, i.label]));
  return <Text size="sm">{codes.map((c) => label.get(c) ?? c).join(', ')}</Text>;
}

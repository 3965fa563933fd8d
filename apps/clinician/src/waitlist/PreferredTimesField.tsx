import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WEEKDAYS } from './waitlist-format';

export interface TimeRow {
  key: string;
  weekday: string;
  from: string;
  to: string;
}

interface Props {
  value: TimeRow[];
  onChange: (rows: TimeRow[]) => void;
  /** Errors by path, e.g. "preferredTimes.0.to". */
  errors: Record<string, unknown>;
}

let n = 0;
export const newTimeRow = (): TimeRow => ({ key: `t${n++}`, weekday: '1', from: '09:00', to: '17:00' });

/** Windows of the week that suit the patient; none means any time. */
export function PreferredTimesField({ value, onChange, errors }: Props) {
  const update = (i: number, patch: Partial<TimeRow>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (i: number, f: string) =>
    (errors[`preferredTimes.${i}.${f}`] as string | undefined) ?? undefined;
  return (
    <Fieldset legend="Preferred times of the week" variant="unstyled">
      <Stack gap="xs">
        {value.length === 0 ? (
          <Text c="dimmed">Any time. Add a window to limit suggestions to it.</Text>
        ) : null}
        {value.map((r, i) => (
          <Group key={r.key} align="flex-end" gap="xs" wrap="wrap">
            <Select
              label="Day"
              data={WEEKDAYS.map((d) => ({ value: d.value, label: d.label }))}
              value={r.weekday}
              allowDeselect={false}
              onChange={(v) => update(i, { weekday: v ?? '1' })}
              error={err(i, 'weekday')}
              w={150}
            />
            <TextInput
              label="From"
              type="time"
              value={r.from}
              onChange={(e) => update(i, { from: e.currentTarget.value })}
              error={err(i, 'from')}
              w={120}
            />
            <TextInput
              label="To"
              type="time"
              value={r.to}
              onChange={(e) => update(i, { to: e.currentTarget.value })}
              error={err(i, 'to')}
              w={120}
            />
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={`Remove preferred time ${i + 1}`}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => onChange([...value, newTimeRow()])}
          >
            Add a time window
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

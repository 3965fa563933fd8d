import type { TNoteContent, TTemplateDefinition, TTemplateField, TTemplateSection } from '@hearth/contracts';
import { Box, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { FieldInput } from './FieldInput';
import {
  carriedPath,
  contentPath,
  fieldDomId,
  isSectionEnabled,
  sectionsInScope,
  setFieldValue,
  type SectionScope,
} from './field-values';
import { FieldValueView } from './FieldValueView';
import { formatIsoDate } from './value-format';

export interface NoteFormProps {
  definition: TTemplateDefinition;
  content: TNoteContent;
  /** Called with the whole new content and the field that changed (to clear its carried-forward mark). */
  onChange?: (content: TNoteContent, changed: { section: string; field: string }) => void;
  /** Shows the answers as text (a signed note, a note awaiting co-signature). */
  readOnly?: boolean;
  /** Optional sections the writer switched on. */
  enabledSections: readonly string[];
  onToggleSection?: (sectionKey: string, enabled: boolean) => void;
  /** "section.field" paths copied from an earlier note and not edited since. */
  carriedForward?: readonly string[];
  /** The service date of the note they were copied from ('YYYY-MM-DD'), for the mark's wording. */
  carriedFromDate?: string | null;
  /** Group notes: only the sections of this scope; all sections when omitted. */
  scope?: SectionScope;
  /** Messages keyed by the server's field path ('content.<section>.<field>'). */
  errors?: Record<string, string>;
  /** The patient (for the problem list in diagnosis fields) and the date codes must be valid on. */
  patientId?: string;
  serviceDate?: string;
}

/**
 * A note's template sections, rendered from the template definition: every field type, required
 * marks, help text, optional sections switched on by the writer, and fields copied forward from an
 * earlier note marked until they are edited. Each field's first control has the id
 * `fieldDomId('content.<section>.<field>')` so a "missing" list can focus it.
 */
export function NoteForm(props: NoteFormProps) {
  const sections = sectionsInScope(props.definition, props.scope).filter(
    (s) => !props.readOnly || isSectionEnabled(s, props.enabledSections),
  );
  return (
    <Stack gap="md">
      {sections.map((s) => (
        <SectionCard key={s.key} section={s} {...props} />
      ))}
    </Stack>
  );
}

function SectionCard({ section, ...p }: NoteFormProps & { section: TTemplateSection }) {
  const enabled = isSectionEnabled(section, p.enabledSections);
  const headingId = `nf-section-${section.key}`;
  return (
    <Card component="section" aria-labelledby={headingId} withBorder data-section={section.key}>
      <Group justify="space-between" align="flex-start" mb={enabled ? 'sm' : 0}>
        <div>
          <Title order={3} id={headingId}>
            {section.title}
          </Title>
          {section.help && enabled ? (
            <Text size="sm" c="dimmed">
              {section.help}
            </Text>
          ) : null}
        </div>
        {section.optional && !p.readOnly ? (
          <Switch
            label="Include this section"
            checked={enabled}
            disabled={!p.onToggleSection}
            onChange={(e) => p.onToggleSection?.(section.key, e.currentTarget.checked)}
            aria-describedby={headingId}
          />
        ) : null}
      </Group>
      {enabled ? (
        <Stack gap="md">
          {section.fields.map((f) => (
            <FieldRow key={f.key} section={section} field={f} {...p} />
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}

function FieldRow({ section, field, ...p }: NoteFormProps & { section: TTemplateSection; field: TTemplateField }) {
  const path = contentPath(section.key, field.key);
  const id = fieldDomId(path);
  const value = p.content[section.key]?.[field.key];
  if (p.readOnly) return <FieldValueView field={field} value={value} id={id} />;

  const carried = p.carriedForward?.includes(carriedPath(section.key, field.key)) ?? false;
  const description: ReactNode =
    field.help || carried ? (
      <>
        {field.help ? <span>{field.help}</span> : null}
        {carried ? <CarriedMark fromDate={p.carriedFromDate} /> : null}
      </>
    ) : undefined;
  return (
    <Box
      data-carried={carried || undefined}
      style={
        carried
          ? { borderLeft: '3px solid var(--mantine-color-yellow-5)', paddingLeft: 'var(--mantine-spacing-sm)' }
          : undefined
      }
    >
      <FieldInput
        field={field}
        id={id}
        value={value}
        description={description}
        error={p.errors?.[path]}
        ctx={{ patientId: p.patientId, serviceDate: p.serviceDate }}
        onChange={(v) => p.onChange?.(setFieldValue(p.content, section.key, field.key, v), { section: section.key, field: field.key })}
      />
    </Box>
  );
}

function CarriedMark({ fromDate }: { fromDate?: string | null }) {
  return (
    <Group gap={4} component="span" mt={2} c="yellow.9" wrap="nowrap" style={{ display: 'flex' }}>
      <IconCopy size={14} aria-hidden="true" />
      <span>
        Copied from {fromDate ? `the ${formatIsoDate(fromDate)}` : 'the previous'} note — edit to confirm
      </span>
    </Group>
  );
}

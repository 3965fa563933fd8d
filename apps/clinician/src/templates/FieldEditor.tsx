import type { TFieldType, TPayerElement } from '@hearth/contracts';
import { ActionIcon, Alert, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import {
  elementsFor,
  FIELD_TYPES,
  isChoiceType,
  isNumberType,
  isTextType,
  type EditorAction,
  type EditorField,
} from './editor-model';
import { OptionsEditor } from './OptionsEditor';

interface Props {
  field: EditorField;
  section: number;
  index: number;
  count: number;
  dispatch: (a: EditorAction) => void;
  error: (key: string) => string | undefined;
  /** Focus the label (a field just added). */
  autoFocus: boolean;
}

const num = (v: number | string): number | null => (v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v));

/** One field of a section: what it asks, how it is answered, and what it stands for on a billable note. */
export function FieldEditor({ field, section, index, count, dispatch, error, autoFocus }: Props) {
  const update = (patch: Parameters<typeof patchAction>[2]) => dispatch(patchAction(section, index, patch));
  const name = field.label.trim() || `field ${index + 1}`;
  const elements = elementsFor(field.type);
  const itemError = error(field.uid);
  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={`Field: ${name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text fw={600} size="sm">
            Field {index + 1}
          </Text>
          <ActionIcon.Group>
            <ActionIcon variant="default" disabled={index === 0} aria-label={`Move ${name} up`} onClick={() => dispatch({ type: 'moveField', section, field: index, delta: -1 })}>
              <IconArrowUp size={16} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon variant="default" disabled={index === count - 1} aria-label={`Move ${name} down`} onClick={() => dispatch({ type: 'moveField', section, field: index, delta: 1 })}>
              <IconArrowDown size={16} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon variant="default" color="red" aria-label={`Remove ${name}`} onClick={() => dispatch({ type: 'removeField', section, field: index })}>
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </ActionIcon.Group>
        </Group>
        {itemError ? (
          <Alert color="red" p="xs" role="alert">
            {itemError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
          <TextInput
            label="Label"
            required
            autoFocus={autoFocus}
            value={field.label}
            maxLength={160}
            error={error(`${field.uid}.label`)}
            onChange={(e) => update({ label: e.currentTarget.value })}
            data-testid="field-label"
          />
          <TextInput
            label="Key"
            description={field.keyEdited ? 'Stored with each answer' : 'Made from the label'}
            value={field.key}
            maxLength={40}
            ff="monospace"
            error={error(`${field.uid}.key`)}
            onChange={(e) => update({ key: e.currentTarget.value })}
          />
          <Select
            label="Type"
            allowDeselect={false}
            value={field.type}
            data={FIELD_TYPES}
            error={error(`${field.uid}.type`)}
            onChange={(v) => v && update({ type: v as TFieldType })}
            comboboxProps={{ withinPortal: true }}
            data-testid="field-type"
          />
          <Select
            label="Payer element"
            description={elements.length ? 'What a billable note checks this field for' : 'Not for this type'}
            placeholder="None"
            clearable
            disabled={elements.length === 0}
            value={field.element}
            data={elements}
            error={error(`${field.uid}.element`)}
            onChange={(v) => update({ element: (v || null) as TPayerElement | null })}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label="Help text"
            description="Shown under the label while writing"
            value={field.help}
            maxLength={500}
            style={{ flex: 1, minWidth: 240 }}
            error={error(`${field.uid}.help`)}
            onChange={(e) => update({ help: e.currentTarget.value })}
          />
          <Checkbox
            label="Required to sign"
            checked={field.required}
            onChange={(e) => update({ required: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {isTextType(field.type) ? (
          <NumberInput
            label="Longest answer (characters)"
            description={`Blank for the default (${field.type === 'short_text' ? '200' : '20,000'})`}
            min={1}
            max={20000}
            allowDecimal={false}
            maw={280}
            value={field.maxLength ?? ''}
            error={error(`${field.uid}.maxLength`)}
            onChange={(v) => update({ maxLength: num(v) })}
          />
        ) : null}
        {isNumberType(field.type) ? (
          <Group gap="sm">
            <NumberInput
              label="Lowest allowed"
              description="Blank for no limit"
              maw={200}
              value={field.min ?? ''}
              error={error(`${field.uid}.min`)}
              onChange={(v) => update({ min: num(v) })}
            />
            <NumberInput
              label="Highest allowed"
              description="Blank for no limit"
              maw={200}
              value={field.max ?? ''}
              error={error(`${field.uid}.max`)}
              onChange={(v) => update({ max: num(v) })}
            />
          </Group>
        ) : null}
        {isChoiceType(field.type) ? <OptionsEditor field={field} section={section} index={index} dispatch={dispatch} error={error} /> : null}
      </Stack>
    </Paper>
  );
}

function patchAction(section: number, field: number, patch: Extract<EditorAction, { type: 'updateField' }>['patch']): EditorAction {
  return { type: 'updateField', section, field, patch };
}

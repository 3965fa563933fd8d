import { Accordion, ActionIcon, Alert, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { SCOPES, type EditorAction, type EditorSection, type SectionScope } from './editor-model';
import { FieldEditor } from './FieldEditor';

interface Props {
  section: EditorSection;
  index: number;
  count: number;
  dispatch: (a: EditorAction) => void;
  error: (key: string) => string | undefined;
  /** How many errors the section holds, shown while it is closed. */
  errorCount: number;
  /** Group templates choose whether a section is shared or per member. */
  isGroup: boolean;
  /** The uid of a section or field just added: its first input takes focus. */
  focusUid: string | null;
}

/** One section as an accordion item: its title, key, help, scope and optional flag, then its fields. */
export function SectionEditor({ section, index, count, dispatch, error, errorCount, isGroup, focusUid }: Props) {
  const title = section.title.trim() || `Section ${index + 1}`;
  const sectionError = error(section.uid) ?? error(`${section.uid}.fields`);
  return (
    <Accordion.Item value={section.uid} data-testid="template-section">
      <Group wrap="nowrap" gap="xs" pr="sm">
        <Accordion.Control>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{title}</Text>
            <Text c="dimmed" size="sm">
              {section.fields.length} field{section.fields.length === 1 ? '' : 's'}
            </Text>
            {section.optional ? (
              <Badge variant="outline" color="gray" tt="none" radius="sm">
                Optional
              </Badge>
            ) : null}
            {isGroup ? (
              <Badge variant="light" color={section.scope === 'member' ? 'indigo' : 'gray'} tt="none" radius="sm">
                {section.scope === 'member' ? 'Per member' : section.scope === 'shared' ? 'Shared' : 'Whole note'}
              </Badge>
            ) : null}
            {errorCount > 0 ? (
              <Badge color="red" variant="light" tt="none" radius="sm">
                {errorCount} to fix
              </Badge>
            ) : null}
          </Group>
        </Accordion.Control>
        <ActionIcon.Group>
          <ActionIcon variant="default" disabled={index === 0} aria-label={`Move section ${title} up`} onClick={() => dispatch({ type: 'moveSection', section: index, delta: -1 })}>
            <IconArrowUp size={16} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon variant="default" disabled={index === count - 1} aria-label={`Move section ${title} down`} onClick={() => dispatch({ type: 'moveSection', section: index, delta: 1 })}>
            <IconArrowDown size={16} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon variant="default" color="red" aria-label={`Remove section ${title}`} onClick={() => dispatch({ type: 'removeSection', section: index })}>
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </ActionIcon.Group>
      </Group>
      <Accordion.Panel>
        <Stack gap="sm">
          {sectionError ? (
            <Alert color="red" p="xs" role="alert">
              {sectionError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: isGroup ? 3 : 2 }} spacing="xs">
            <TextInput
              label="Title"
              required
              autoFocus={focusUid === section.uid}
              value={section.title}
              maxLength={120}
              error={error(`${section.uid}.title`)}
              onChange={(e) => dispatch({ type: 'updateSection', section: index, patch: { title: e.currentTarget.value } })}
              data-testid="section-title"
            />
            <TextInput
              label="Key"
              description={section.keyEdited ? 'Stored with each answer' : 'Made from the title'}
              value={section.key}
              maxLength={40}
              ff="monospace"
              error={error(`${section.uid}.key`)}
              onChange={(e) => dispatch({ type: 'updateSection', section: index, patch: { key: e.currentTarget.value } })}
            />
            {isGroup ? (
              <Select
                label="Written"
                allowDeselect={false}
                value={section.scope}
                data={SCOPES}
                error={error(`${section.uid}.scope`)}
                onChange={(v) => v && dispatch({ type: 'updateSection', section: index, patch: { scope: v as SectionScope } })}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
          </SimpleGrid>
          {!isGroup && error(`${section.uid}.scope`) ? (
            <Alert color="red" p="xs" role="alert">
              {error(`${section.uid}.scope`)}
            </Alert>
          ) : null}
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label="Help text"
              description="Shown under the section title while writing"
              value={section.help}
              maxLength={500}
              style={{ flex: 1, minWidth: 240 }}
              error={error(`${section.uid}.help`)}
              onChange={(e) => dispatch({ type: 'updateSection', section: index, patch: { help: e.currentTarget.value } })}
            />
            <Checkbox
              label="Optional: the writer switches it on"
              checked={section.optional}
              onChange={(e) => dispatch({ type: 'updateSection', section: index, patch: { optional: e.currentTarget.checked } })}
              mb={8}
            />
          </Group>
          {section.fields.map((f, j) => (
            <FieldEditor
              key={f.uid}
              field={f}
              section={index}
              index={j}
              count={section.fields.length}
              dispatch={dispatch}
              error={error}
              autoFocus={focusUid === f.uid}
            />
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              disabled={section.fields.length >= 60}
              onClick={() => dispatch({ type: 'addField', section: index })}
              data-testid="add-field"
            >
              Add field
            </Button>
          </Group>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

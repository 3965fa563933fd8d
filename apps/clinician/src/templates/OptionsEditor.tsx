import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { EditorAction, EditorField } from './editor-model';

interface Props {
  field: EditorField;
  section: number;
  index: number;
  dispatch: (a: EditorAction) => void;
  error: (key: string) => string | undefined;
}

/** The choices of a single choice, multiple choice or checklist field: label and stored value, in order. */
export function OptionsEditor({ field, section, index, dispatch, error }: Props) {
  const n = field.options.length;
  const fieldName = field.label.trim() || 'this field';
  return (
    <Input.Wrapper
      label="Choices"
      description="Each choice's value is what the note stores; it is made from the label until you change it."
      error={error(`${field.uid}.options`)}
    >
      <Stack gap={6} mt={6}>
        {field.options.map((o, k) => {
          const name = o.label.trim() || `choice ${k + 1}`;
          return (
            <Group key={o.uid} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`Label of choice ${k + 1} of ${fieldName}`}
                placeholder="Label"
                value={o.label}
                maxLength={120}
                style={{ flex: 2 }}
                error={error(`${o.uid}.label`)}
                onChange={(e) =>
                  dispatch({ type: 'updateOption', section, field: index, option: k, patch: { label: e.currentTarget.value } })
                }
              />
              <TextInput
                aria-label={`Value of choice ${k + 1} of ${fieldName}`}
                placeholder="value"
                value={o.value}
                maxLength={40}
                style={{ flex: 1 }}
                ff="monospace"
                error={error(`${o.uid}.value`) ?? error(o.uid)}
                onChange={(e) =>
                  dispatch({ type: 'updateOption', section, field: index, option: k, patch: { value: e.currentTarget.value } })
                }
              />
              <ActionIcon.Group>
                <ActionIcon
                  variant="default"
                  size="input-sm"
                  disabled={k === 0}
                  aria-label={`Move ${name} up`}
                  onClick={() => dispatch({ type: 'moveOption', section, field: index, option: k, delta: -1 })}
                >
                  <IconArrowUp size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="input-sm"
                  disabled={k === n - 1}
                  aria-label={`Move ${name} down`}
                  onClick={() => dispatch({ type: 'moveOption', section, field: index, option: k, delta: 1 })}
                >
                  <IconArrowDown size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="input-sm"
                  color="red"
                  aria-label={`Remove ${name}`}
                  onClick={() => dispatch({ type: 'removeOption', section, field: index, option: k })}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </ActionIcon.Group>
            </Group>
          );
        })}
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            disabled={n >= 40}
            onClick={() => dispatch({ type: 'addOption', section, field: index })}
          >
            Add choice
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

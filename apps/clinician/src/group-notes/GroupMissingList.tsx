import type { TTemplateDefinition } from '@hearth/contracts';
import { List, Text, UnstyledButton } from '@mantine/core';
import { IconCircle, IconCircleCheck } from '@tabler/icons-react';
import { missingLabel } from '../notes/editor/missing';
import type { FieldIssue } from './group-note-model';

interface Props {
  items: readonly FieldIssue[];
  definition: TTemplateDefinition;
  /** Goes to the field (switching to its member first when needed). */
  onGo: (field: string) => void;
  /** Said when nothing is missing. */
  doneText: string;
}

/** What is still missing before signing, each a link to its field. */
export function GroupMissingList({ items, definition, onGo, doneText }: Props) {
  if (items.length === 0)
    return (
      <Text size="sm" c="teal.9">
        <IconCircleCheck size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
        {doneText}
      </Text>
    );
  return (
    <List spacing={4} size="sm" icon={<IconCircle size={12} aria-hidden="true" color="var(--mantine-color-gray-6)" />}>
      {items.map((m) => (
        <List.Item key={m.field + m.message}>
          <UnstyledButton onClick={() => onGo(m.field)} style={{ textDecoration: 'underline', fontSize: 'var(--mantine-font-size-sm)' }}>
            {missingLabel(m, definition)}
          </UnstyledButton>
        </List.Item>
      ))}
    </List>
  );
}

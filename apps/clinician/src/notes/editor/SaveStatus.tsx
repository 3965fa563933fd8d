import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff, IconPencil } from '@tabler/icons-react';
import type { SaveState } from './useNoteDraft';

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "Saved · 10:42", "Saving…", "Offline — kept on this device": always in words, never colour alone. */
export function SaveStatus({ state, lastSavedAt, storedLocally }: { state: SaveState; lastSavedAt: Date | null; storedLocally: boolean }) {
  const local = storedLocally ? 'kept on this device' : 'not saved yet';
  let icon = <IconCheck size={16} aria-hidden="true" />;
  let text = lastSavedAt ? `Saved · ${TIME.format(lastSavedAt)}` : 'Saved';
  let color = 'dimmed';
  if (state === 'saving') {
    icon = <Loader size={14} aria-hidden="true" />;
    text = 'Saving…';
  } else if (state === 'dirty') {
    icon = <IconPencil size={16} aria-hidden="true" />;
    text = storedLocally ? 'Changes kept on this device, saving shortly' : 'Unsaved changes';
  } else if (state === 'offline') {
    icon = <IconCloudOff size={16} aria-hidden="true" />;
    text = `Offline — ${local}`;
    color = 'orange.8';
  } else if (state === 'error' || state === 'conflict' || state === 'locked') {
    icon = <IconAlertTriangle size={16} aria-hidden="true" />;
    text = `Not saved — ${local}`;
    color = 'red.8';
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="note-save-status" data-state={state}>
      {icon}
      <Text size="sm" c={color}>
        {text}
      </Text>
    </Group>
  );
}

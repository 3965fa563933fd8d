import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Saves (when needed) and publishes; false when it failed (the editor shows why). */
  onPublish: () => Promise<boolean>;
  publishedVersion: number | null;
  nextVersion: number;
  /** The draft has unsaved changes: they are saved first. */
  saveFirst: boolean;
}

/** "Notes already written keep version N; new notes use version N+1." */
export function PublishModal({ opened, onClose, onPublish, publishedVersion, nextVersion, saveFirst }: Props) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onPublish();
    } finally {
      setBusy(false);
      onClose();
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Publish version ${nextVersion}?`}>
      <Text>
        {publishedVersion
          ? `Notes already written keep version ${publishedVersion}; new notes use version ${nextVersion}.`
          : `This is the template’s first version: new notes use version ${nextVersion}.`}
      </Text>
      {saveFirst ? (
        <Text mt="xs" c="dimmed">
          Your unsaved changes are saved to the draft first.
        </Text>
      ) : null}
      <Text mt="xs" c="dimmed">
        A published version cannot be changed; later edits start a new draft.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button onClick={() => void confirm()} loading={busy} data-testid="publish-confirm">
          Publish version {nextVersion}
        </Button>
      </Group>
    </Modal>
  );
}

import type { TNote } from '@hearth/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import { cosignNote, returnNote, useNoteAction } from '../../api/notes';
import { ConfirmModal } from '../../components/ConfirmModal';

/** The supervisor's choices on a note awaiting their co-signature. */
export function CosignActions({ note }: { note: TNote }) {
  const [asking, setAsking] = useState<'cosign' | 'return' | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cosign = useNoteAction(cosignNote);
  const ret = useNoteAction(returnNote);

  const sendBack = async () => {
    setError(null);
    try {
      await ret.mutateAsync({ noteId: note.id, body: { version: note.version, comment: comment.trim() } });
      setAsking(null);
      setComment('');
      notifications.show({ color: 'teal', title: 'Returned to the author', message: `${note.authorName} will see your comments.` });
    } catch (e) {
      setError(userMessageFor(e));
    }
  };

  return (
    <>
      <Group gap="xs">
        <Button leftSection={<IconSignature size={16} aria-hidden="true" />} onClick={() => setAsking('cosign')} data-testid="note-cosign">
          Co-sign
        </Button>
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
          onClick={() => setAsking('return')}
          data-testid="note-return"
        >
          Return with comments
        </Button>
      </Group>
      <ConfirmModal
        opened={asking === 'cosign'}
        title="Co-sign this note"
        confirmLabel="Co-sign"
        onClose={() => setAsking(null)}
        onConfirm={async () => {
          await cosign.mutateAsync({ noteId: note.id, body: { version: note.version } });
          notifications.show({ color: 'teal', title: 'Co-signed', message: 'The note is final.' });
        }}
      >
        You have reviewed this note by {note.authorName} and co-sign it as their supervisor. It becomes final and is locked.
      </ConfirmModal>
      <Modal opened={asking === 'return'} onClose={() => setAsking(null)} title="Return with comments">
        <Stack gap="sm">
          <Text size="sm">The note goes back to {note.authorName} to change and sign again. Say what to change.</Text>
          <Textarea
            label="Comments for the author"
            required
            autosize
            minRows={4}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-autofocus
          />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              Cancel
            </Button>
            <Button onClick={() => void sendBack()} disabled={!comment.trim()} loading={ret.isPending}>
              Return to author
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import type { TNote } from '@hearth/contracts';
import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import { useAddAddendum, type TAddendumRequest } from '../../api/notes';
import { ADDENDUM_REASON_LABELS, options } from '../form/labels';
import { formatInstant, shortHash, signerWithCredentials } from './signature-format';

const REASONS = options(ADDENDUM_REASON_LABELS);
type Reason = TAddendumRequest['reason'];

/** Addenda beneath a signed note: each signed and dated with its reason; "Add addendum" for writers. */
export function AddendaSection({ note, canAdd }: { note: TNote; canAdd: boolean }) {
  const [open, setOpen] = useState(false);
  if (note.addenda.length === 0 && !canAdd) return null;
  return (
    <Card withBorder component="section" aria-labelledby="note-addenda">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="note-addenda">
          Addenda
        </Title>
        {canAdd ? (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setOpen(true)} data-testid="note-add-addendum">
            Add addendum
          </Button>
        ) : null}
      </Group>
      {note.addenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          No addenda. A correction or later information is added here, signed and dated; the note itself stays as signed.
        </Text>
      ) : (
        <Stack gap="md">
          {note.addenda.map((a) => (
            <Stack key={a.id} gap={2} data-testid="note-addendum">
              <Text size="sm" fw={600}>
                {ADDENDUM_REASON_LABELS[a.reason as Reason] ?? a.reason}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.body}
              </Text>
              <Text size="sm" c="dimmed">
                Signed by {signerWithCredentials(a.signerName, a.credentials)} · {formatInstant(a.signedAt)}
                <span title={`Content hash ${a.contentHash}`}> · hash {shortHash(a.contentHash)}</span>
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      <AddendumModal noteId={note.id} opened={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function AddendumModal({ noteId, opened, onClose }: { noteId: string; opened: boolean; onClose: () => void }) {
  const [reason, setReason] = useState<Reason | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useAddAddendum();
  const close = () => {
    setReason(null);
    setBody('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!reason || !body.trim()) return;
    setError(null);
    try {
      await add.mutateAsync({ noteId, body: { reason, body } });
      notifications.show({ color: 'teal', title: 'Addendum signed', message: 'It is listed beneath the note.' });
      close();
    } catch (e) {
      setError(userMessageFor(e));
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Add an addendum">
      <Stack gap="sm">
        <Select label="Reason" required data={REASONS} value={reason} onChange={(v) => setReason(v as Reason | null)} data-autofocus />
        <Textarea label="Addendum" required autosize minRows={5} maxLength={20000} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        <Text size="sm" c="dimmed">
          Adding it signs it with your name and today’s date and time. It cannot be changed afterwards.
        </Text>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={!reason || !body.trim()} loading={add.isPending}>
            Sign addendum
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

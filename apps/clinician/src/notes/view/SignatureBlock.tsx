import type { TNote } from '@hearth/contracts';
import { Group, Stack, Text } from '@mantine/core';
import { IconClockHour4, IconSignature } from '@tabler/icons-react';
import { formatInstant, shortHash, signerWithCredentials } from './signature-format';

/** Who signed and co-signed, when, and the content hash; what is still awaited. */
export function SignatureBlock({ note }: { note: TNote }) {
  const signed = note.signatures.filter((s) => s.kind !== 'returned');
  return (
    <Stack gap={4} data-testid="note-signatures">
      {signed.map((s) => (
        <Group key={`${s.kind}-${s.signedAt}`} gap={6} wrap="nowrap" align="flex-start">
          <IconSignature size={16} aria-hidden="true" style={{ marginTop: 3 }} />
          <Text size="sm">
            {s.kind === 'cosign' ? 'Co-signed by ' : 'Signed by '}
            <strong>{signerWithCredentials(s.signerName, s.credentials)}</strong> · {formatInstant(s.signedAt)}
            {s.contentHash ? (
              <Text span c="dimmed" size="sm" title={`Content hash ${s.contentHash}`}>
                {' '}
                · hash {shortHash(s.contentHash)}
              </Text>
            ) : null}
          </Text>
        </Group>
      ))}
      {note.status === 'pending_cosign' ? (
        <Group gap={6} wrap="nowrap">
          <IconClockHour4 size={16} aria-hidden="true" />
          <Text size="sm" fw={500}>
            Awaiting co-signature by {note.supervisorName ?? 'the supervisor'}. The note is not final until co-signed.
          </Text>
        </Group>
      ) : null}
      {note.lateEntry ? (
        <Text size="sm" c="dimmed">
          Late entry: signed after the practice’s deadline for notes.
        </Text>
      ) : null}
    </Stack>
  );
}

import type { TNote } from '@hearth/contracts';
import { Alert, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { formatInstant, signerWithCredentials } from './signature-format';

/** A returned note shows the supervisor's latest comment at the top until it is signed again. */
export function ReturnedComment({ note }: { note: TNote }) {
  const returned = [...note.signatures].reverse().find((s) => s.kind === 'returned');
  if (!returned) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconArrowBackUp size={18} aria-hidden="true" />}
      title={`Returned by ${signerWithCredentials(returned.signerName, returned.credentials)} · ${formatInstant(returned.signedAt)}`}
      data-testid="returned-comment"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {returned.comment}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        Make the changes asked for, then sign again.
      </Text>
    </Alert>
  );
}

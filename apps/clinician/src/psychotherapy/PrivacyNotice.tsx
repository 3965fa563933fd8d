import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PRIVACY_EXPLANATION } from './private-note-model';

/** Says plainly who can read these notes, wherever they are shown or written. */
export function PrivacyNotice({ compact }: { compact?: boolean }) {
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconLock size={18} aria-hidden="true" />}
      title={compact ? undefined : 'Only you can read these notes'}
      data-testid="private-notes-explanation"
    >
      {PRIVACY_EXPLANATION}
    </Alert>
  );
}

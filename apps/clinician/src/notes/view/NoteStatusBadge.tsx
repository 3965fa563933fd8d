import type { TNoteStatus } from '@hearth/contracts';
import { StatusBadge, type StatusTone } from '@hearth/ui';
import { IconArrowBackUp, IconCircleCheck, IconClockHour4, IconPencil, type Icon } from '@tabler/icons-react';
import { NO_TRUNCATION } from '../../scheduling/status';
import { NOTE_STATUS_LABELS } from '../form/labels';

// A note's state in words with an icon; colour only repeats it (as the appointment statuses do).
const STYLE: Record<TNoteStatus, { tone: StatusTone; icon: Icon }> = {
  draft: { tone: 'neutral', icon: IconPencil },
  pending_cosign: { tone: 'info', icon: IconClockHour4 },
  returned: { tone: 'caution', icon: IconArrowBackUp },
  signed: { tone: 'positive', icon: IconCircleCheck },
};

export function NoteStatusBadge({ status }: { status: TNoteStatus }) {
  const { tone, icon: StatusIcon } = STYLE[status];
  return (
    <StatusBadge
      label={NOTE_STATUS_LABELS[status]}
      tone={tone}
      leftSection={<StatusIcon size={14} aria-hidden="true" />}
      data-note-status={status}
      styles={NO_TRUNCATION}
    />
  );
}

export function LateEntryBadge() {
  return <StatusBadge label="Late entry" tone="caution" styles={NO_TRUNCATION} data-testid="late-entry" />;
}

export function OverdueBadge() {
  return <StatusBadge label="Overdue" tone="negative" styles={NO_TRUNCATION} />;
}

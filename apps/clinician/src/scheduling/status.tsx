import type { TAppointmentStatus } from '@hearth/contracts';
import { StatusBadge, type StatusTone } from '@hearth/ui';
import {
  IconArrowsExchange,
  IconBan,
  IconCalendarEvent,
  IconCheck,
  IconCircleCheck,
  IconClockX,
  IconDoorEnter,
  IconPlayerPlay,
  IconPlayerSkipForward,
  IconUserX,
  IconX,
  type Icon,
} from '@tabler/icons-react';

// Attendance statuses: one label, tone and icon each, used everywhere (calendar, drawer, day sheet,
// chart). The word and the icon carry the meaning; colour only repeats it.

interface StatusInfo {
  label: string;
  tone: StatusTone;
  icon: Icon;
  /** The slot was given up: shown struck through and hatched on the calendar. */
  released: boolean;
}

export const STATUS: Record<TAppointmentStatus, StatusInfo> = {
  scheduled: { label: 'Scheduled', tone: 'neutral', icon: IconCalendarEvent, released: false },
  confirmed: { label: 'Confirmed', tone: 'info', icon: IconCircleCheck, released: false },
  checked_in: { label: 'Checked in', tone: 'positive', icon: IconDoorEnter, released: false },
  in_session: { label: 'In session', tone: 'positive', icon: IconPlayerPlay, released: false },
  completed: { label: 'Completed', tone: 'positive', icon: IconCheck, released: false },
  no_show: { label: 'No-show', tone: 'negative', icon: IconUserX, released: true },
  late_cancel: { label: 'Late cancel', tone: 'caution', icon: IconClockX, released: true },
  cancelled_patient: { label: 'Cancelled by patient', tone: 'neutral', icon: IconX, released: true },
  cancelled_practice: { label: 'Cancelled by practice', tone: 'neutral', icon: IconBan, released: true },
  rescheduled: { label: 'Rescheduled', tone: 'neutral', icon: IconArrowsExchange, released: true },
  skipped: { label: 'Skipped', tone: 'neutral', icon: IconPlayerSkipForward, released: true },
};

export const statusLabel = (s: string) => STATUS[s as TAppointmentStatus]?.label ?? s;

/** Badges shorten their label when squeezed (e.g. in a table cell): status words stay whole. */
export const NO_TRUNCATION = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function AppointmentStatusBadge({ status }: { status: TAppointmentStatus }) {
  const info = STATUS[status];
  const StatusIcon = info.icon;
  return (
    <StatusBadge
      label={info.label}
      tone={info.tone}
      leftSection={<StatusIcon size={14} aria-hidden="true" />}
      data-status={status}
      styles={NO_TRUNCATION}
    />
  );
}

export { ACTION_LABEL, canCancel, isMovable, nextActions, type QuickAction } from './status-rules';

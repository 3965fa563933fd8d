import type {
  TGroupAttendanceSheet,
  TGroupAttendanceStatus,
  TGroupAttendanceUpdate,
} from '@hearth/contracts';

// The attendance sheet being edited: one draft per member the reader may see, and the request that
// sends only what changed (the server records an event and an audit row per changed member).

export interface AttendanceDraft {
  status: TGroupAttendanceStatus;
  reason: string;
  waiveFee: boolean;
}

/** The choices offered on each line, in the order a session runs. */
export const ATTENDANCE_CHOICES: { value: TGroupAttendanceStatus; label: string }[] = [
  { value: 'scheduled', label: 'Expected' },
  { value: 'completed', label: 'Present' },
  { value: 'no_show', label: 'No-show' },
  { value: 'late_cancel', label: 'Late cancel' },
  { value: 'cancelled_patient', label: 'Cancelled' },
];

/** Statuses recorded elsewhere (check-in at the desk, a practice cancellation), shown when a line has one. */
export const OTHER_LABELS: Partial<Record<TGroupAttendanceStatus, string>> = {
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  cancelled_practice: 'Cancelled by practice',
};

export const choicesFor = (current: TGroupAttendanceStatus) =>
  ATTENDANCE_CHOICES.some((c) => c.value === current)
    ? ATTENDANCE_CHOICES
    : [...ATTENDANCE_CHOICES, { value: current, label: OTHER_LABELS[current] ?? current }];

export const hasFee = (s: TGroupAttendanceStatus) => s === 'no_show' || s === 'late_cancel';

export function draftsFrom(sheet: TGroupAttendanceSheet): Record<string, AttendanceDraft> {
  const out: Record<string, AttendanceDraft> = {};
  for (const e of sheet.entries)
    if (e.patient) out[e.patient.id] = { status: e.status, reason: e.reason ?? '', waiveFee: false };
  return out;
}

/** The lines whose status, reason or fee waiver differ from what is recorded. */
export function changedEntries(
  sheet: TGroupAttendanceSheet,
  drafts: Record<string, AttendanceDraft>,
): TGroupAttendanceUpdate['entries'] {
  const out: TGroupAttendanceUpdate['entries'] = [];
  for (const e of sheet.entries) {
    if (!e.patient) continue;
    const d = drafts[e.patient.id];
    if (!d) continue;
    const reason = d.reason.trim();
    const waive = d.waiveFee && hasFee(d.status);
    if (d.status === e.status && reason === (e.reason ?? '') && !waive) continue;
    out.push({
      patientId: e.patient.id,
      status: d.status,
      ...(reason ? { reason } : {}),
      ...(waive ? { waiveFee: true } : {}),
    });
  }
  return out;
}

export const formatFee = (cents: number) => `$${(cents / 100).toFixed(2)}`;

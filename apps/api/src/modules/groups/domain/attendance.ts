import { DomainError, type FieldIssue } from '../../../platform/errors.js';
import { decideStatus, SLOT_HOLDING } from '../../scheduling/domain/attendance-rules.js';
import { attendanceFee, type PayerFeeOverride, type PracticeFeePolicy } from '../../scheduling/domain/fees.js';

// Per-member attendance at one group session. Each member's status follows the same rules as an
// individual appointment's (nothing recorded before it could have happened, a patient's cancellation
// inside the window is a late cancel, the same fees), and never touches the others or the session.

export interface CurrentAttendance {
  status: string;
  reason: string | null;
  feeCents: number | null;
}

export interface AttendanceEntryInput {
  patientId: string;
  status: string;
  reason?: string;
  waiveFee?: boolean;
}

export interface SessionFacts {
  /** The group session's own status. */
  status: string;
  startsAt: Date;
  endsAt: Date;
  now: Date;
  lateCancelWindowHours: number;
}

export interface AttendancePlanInput {
  session: SessionFacts;
  /** Patients on the roster on the session's local date. */
  roster: ReadonlySet<string>;
  current: ReadonlyMap<string, CurrentAttendance>;
  entries: readonly AttendanceEntryInput[];
  policy: PracticeFeePolicy;
  /** Each patient's primary payer on the session date (absent or null: none). */
  payers: ReadonlyMap<string, { kind: string; override: PayerFeeOverride | null } | null>;
}

export interface AttendanceChange {
  patientId: string;
  kind: 'status' | 'fee' | 'edited';
  from: string;
  to: string;
  reason: string | null;
  feeCents: number | null;
  /** Why no fee was charged, when one could have been ('waived', 'medicaid_exempt', ...). */
  feeNote: string | null;
  /** Set when the rules recorded something other than what was asked (a late cancel). */
  note: string | null;
}

export const DEFAULT_STATUS = 'scheduled';

/**
 * Works out what changes: entries naming someone off the roster are refused (400, naming the
 * entry), unchanged entries are left alone, and each status change is checked and priced.
 */
export function planAttendance(i: AttendancePlanInput): AttendanceChange[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  i.entries.forEach((e, n) => {
    if (seen.has(e.patientId)) issues.push({ field: `entries.${n}.patientId`, message: 'appears more than once' });
    else if (!i.roster.has(e.patientId)) issues.push({ field: `entries.${n}.patientId`, message: "is not on this session's roster" });
    seen.add(e.patientId);
  });
  if (issues.length) throw new DomainError('validation', issues.map((x) => `${x.field} ${x.message}`).join('; '), issues);
  if (!SLOT_HOLDING.has(i.session.status)) {
    throw new DomainError('conflict', 'This group session did not take place (it was cancelled, skipped or rescheduled); attendance cannot be recorded for it.');
  }

  const changes: AttendanceChange[] = [];
  i.entries.forEach((e, n) => {
    const cur = i.current.get(e.patientId) ?? { status: DEFAULT_STATUS, reason: null, feeCents: null };
    const reason = e.reason?.trim() ? e.reason.trim() : null;
    const payer = i.payers.get(e.patientId) ?? null;
    if (e.status === cur.status) {
      // Same status: possibly a fee waived afterwards, or a corrected reason.
      if (e.waiveFee && (cur.feeCents ?? 0) > 0) {
        changes.push({ patientId: e.patientId, kind: 'fee', from: cur.status, to: cur.status, reason: reason ?? cur.reason, feeCents: 0, feeNote: 'waived', note: null });
      } else if (reason !== null && reason !== cur.reason) {
        changes.push({ patientId: e.patientId, kind: 'edited', from: cur.status, to: cur.status, reason, feeCents: cur.feeCents, feeNote: null, note: null });
      }
      return;
    }
    let decided;
    try {
      decided = decideStatus({
        from: cur.status, to: e.status, now: i.session.now, startsAt: i.session.startsAt, endsAt: i.session.endsAt,
        lateCancelWindowHours: i.session.lateCancelWindowHours,
      });
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError(err.code, err.message, [{ field: `entries.${n}.status`, message: err.message }]);
      throw err;
    }
    if (decided.status === cur.status) return; // a patient cancellation that is already recorded as a late cancel
    const fee = attendanceFee({ status: decided.status, policy: i.policy, payer, waived: !!e.waiveFee });
    changes.push({
      patientId: e.patientId, kind: 'status', from: cur.status, to: decided.status, reason, feeCents: fee.feeCents, feeNote: fee.reason, note: decided.note,
    });
  });
  return changes;
}

/** Counts for a session's line in the group's session list. */
export function tallyAttendance(statuses: readonly string[]): { present: number; absent: number } {
  let present = 0;
  let absent = 0;
  for (const s of statuses) {
    if (s === 'completed' || s === 'checked_in') present += 1;
    else if (s === 'no_show' || s === 'late_cancel' || s === 'cancelled_patient' || s === 'cancelled_practice') absent += 1;
  }
  return { present, absent };
}

import type { TGroupAttendanceSheet, TGroupAttendanceUpdate } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { newId } from '../../platform/ids.js';
import { primaryPayer } from '../scheduling/index.js';
import { insertEvents, loadPolicy } from '../scheduling/index.js';
import { attendanceAt, upsertAttendance } from './attendance.repo.js';
import { planAttendance } from './domain/attendance.js';
import { auditGroup } from './group-audit.js';
import { attendanceSheet, sessionRoster } from './get-attendance.js';

/**
 * Records members' attendance at one group session: a row per member (upserted), an appointment
 * event and an audit row per member whose attendance changed, each with the fee the practice and
 * payer rules give. The session's own status and the other members' lines are left alone.
 */
export async function recordAttendance(deps: Deps, actor: Actor, appointmentId: string, input: TGroupAttendanceUpdate, ip: string): Promise<TGroupAttendanceSheet> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.tx(async (q) => {
    // The session row is locked: two people saving the same sheet apply one after the other.
    const r = await sessionRoster(q, actor, appointmentId, true);
    const startsAt = new Date(r.session.starts_at);
    const policy = await loadPolicy(q);
    // Members the reader may not know by name are, to them, not on the roster.
    const roster = new Set(r.roster.map((m) => m.patientId).filter((p) => r.visible.has(p)));
    const current = new Map((await attendanceAt(q, appointmentId)).map((a) => [a.patient_id, { status: a.status, reason: a.status_reason, feeCents: a.fee_cents }]));
    const payers = new Map<string, Awaited<ReturnType<typeof primaryPayer>>>();
    for (const e of input.entries) if (roster.has(e.patientId) && !payers.has(e.patientId)) payers.set(e.patientId, await primaryPayer(q, e.patientId, startsAt));
    const changes = planAttendance({
      session: { status: r.session.status, startsAt, endsAt: new Date(r.session.ends_at), now, lateCancelWindowHours: policy.late_cancel_window_hours },
      roster, current, entries: input.entries, payers,
      policy: { noShowFeeCents: policy.no_show_fee_cents, lateCancelFeeCents: policy.late_cancel_fee_cents, medicaidFeeExempt: policy.medicaid_fee_exempt },
    });
    const reasonOf = (c: (typeof changes)[number]) => [c.reason, c.note].filter(Boolean).join(' — ') || null;
    await upsertAttendance(q, appointmentId, changes.map((c) => ({ patientId: c.patientId, status: c.to, reason: reasonOf(c), feeCents: c.feeCents })), now, actor.userId);
    await insertEvents(
      q,
      changes.map((c) => ({
        appointmentId, patientId: c.patientId, at: now, actorId: actor.userId, kind: c.kind, fromStatus: c.from, toStatus: c.to, reason: reasonOf(c),
        detail: { groupMember: true, feeCents: c.feeCents, ...(c.feeNote ? { feeNote: c.feeNote } : {}) },
      })),
      newId,
    );
    for (const c of changes) {
      await auditGroup(q, actor, ip, now, {
        action: 'group_attendance.update', resourceType: 'Appointment', resourceId: appointmentId, patientId: c.patientId,
        detail: { groupId: r.session.group_id, from: c.from, to: c.to, feeCents: c.feeCents, reasonGiven: !!c.reason },
      });
    }
    return attendanceSheet(q, actor, r, now, ip, new Set(changes.map((c) => c.patientId)));
  });
}

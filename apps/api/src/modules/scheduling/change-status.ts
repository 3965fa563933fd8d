import { z } from 'zod';
import type { ZStatusChangeRequest, TAppointment } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decideStatus } from './domain/attendance-rules.js';
import { attendanceFee, type PayerFeeOverride } from './domain/fees.js';
import { isSlotTaken } from './book.js';
import { insertEvents, loadAppointment, loadPolicy, lockAppointment, toAppointment } from './scheduling.repo.js';
import { canChangeAppointment } from './change-access.js';

type Body = z.infer<typeof ZStatusChangeRequest>;

/**
 * The payer whose fee rules apply: the patient's primary coverage in force on the appointment's local
 * date (in `timeZone`, else the practice's zone: an evening session must not use tomorrow's coverage).
 */
export async function primaryPayer(q: Queryable, patientId: string, onDate: Date, timeZone?: string): Promise<{ kind: string; override: PayerFeeOverride | null } | null> {
  const r = await q.query<{ kind: string; no_show_fee_cents: number | null; late_cancel_fee_cents: number | null; exempt: boolean | null; has_override: boolean }>(
    `SELECT py.kind, f.no_show_fee_cents, f.late_cancel_fee_cents, f.exempt, f.payer_id IS NOT NULL AS has_override
       FROM coverages c JOIN payers py ON py.id = c.payer_id LEFT JOIN payer_attendance_fees f ON f.payer_id = py.id
       CROSS JOIN LATERAL (SELECT ($2::timestamptz AT TIME ZONE coalesce($3::text, (SELECT time_zone FROM practice ORDER BY created_at LIMIT 1), 'UTC'))::date AS d) day
      WHERE c.patient_id = $1 AND (c.start_date IS NULL OR c.start_date <= day.d) AND (c.end_date IS NULL OR c.end_date >= day.d)
      ORDER BY c.priority LIMIT 1`,
    [patientId, onDate.toISOString(), timeZone ?? null],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    kind: row.kind,
    override: row.has_override ? { noShowFeeCents: row.no_show_fee_cents, lateCancelFeeCents: row.late_cancel_fee_cents, exempt: !!row.exempt } : null,
  };
}

/**
 * Records attendance: checked in, no-show, late cancel... with who, when and why. A patient's
 * cancellation inside the practice's window becomes a late cancel; no-shows and late cancels carry the
 * patient-responsibility fee the practice and payer rules give (Medicaid exempt by default).
 */
export async function changeStatus(deps: Deps, actor: Actor, id: string, body: Body, ip: string): Promise<TAppointment> {
  const { db, clock } = deps;
  try {
    await db.tx(async (q) => {
      const a = await lockAppointment(q, id);
      if (!a || !(await canChangeAppointment(q, actor, a))) throw notFound('Appointment');
      if (a.version !== body.version) throw new DomainError('conflict', 'Someone else changed this appointment. Reload it and try again.');
      const now = clock.now();
      const policy = await loadPolicy(q);
      const decision = decideStatus({ from: a.status, to: body.status, now, startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at), lateCancelWindowHours: policy.late_cancel_window_hours });
      const payer = a.patient_id ? await primaryPayer(q, a.patient_id, new Date(a.starts_at), a.time_zone) : null;
      const fee = a.patient_id
        ? attendanceFee({ status: decision.status, policy: { noShowFeeCents: policy.no_show_fee_cents, lateCancelFeeCents: policy.late_cancel_fee_cents, medicaidFeeExempt: policy.medicaid_fee_exempt }, payer, waived: !!body.waiveFee })
        : { feeCents: null, reason: null };
      const reason = [body.reason, decision.note].filter(Boolean).join(' — ') || null;
      await q.query(
        `UPDATE appointments SET status = $2, status_reason = $3, status_changed_at = $4, status_changed_by = $5, fee_cents = $6, version = version + 1 WHERE id = $1`,
        [id, decision.status, reason, now, actor.userId, fee.feeCents],
      );
      const events = [{ appointmentId: id, patientId: a.patient_id, at: now, actorId: actor.userId, kind: 'status', fromStatus: a.status, toStatus: decision.status, reason }];
      if (fee.feeCents !== null) events.push({ appointmentId: id, patientId: a.patient_id, at: now, actorId: actor.userId, kind: 'fee', fromStatus: a.status, toStatus: decision.status, reason: fee.reason ?? `Fee ${(fee.feeCents / 100).toFixed(2)}` });
      await insertEvents(q, events, newId);
      await appendAudit(q, {
        at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: a.patient_id,
        action: 'appointment.status', resourceType: 'Appointment', resourceId: id, clientIp: ip, outcome: 'success',
        detail: { from: a.status, to: decision.status, feeCents: fee.feeCents, reasonGiven: !!body.reason },
      });
    });
  } catch (e) {
    // Reinstating a cancelled appointment whose time was taken meanwhile.
    if (isSlotTaken(e)) throw new DomainError('conflict', 'That time has been booked since this appointment was cancelled; book a new time instead.');
    throw e;
  }
  return toAppointment((await loadAppointment(db, actor, id))!);
}

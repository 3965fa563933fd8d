import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { newId } from '../../platform/ids.js';
import { insertEvents, lockAppointment } from './scheduling.repo.js';

/** Statuses a finished note moves to completed: the session happened (or is happening) as booked. */
const OPEN_STATUSES = new Set(['scheduled', 'confirmed', 'checked_in', 'in_session']);

/**
 * Marks an appointment completed because its note became final, in the caller's transaction (the
 * note's). Only an appointment still open and already started is completed: a no-show or a
 * cancellation stays as recorded, and a note signed ahead of its session does not complete it.
 * Returns whether the appointment changed.
 */
export async function completeAppointmentForNote(q: Queryable, actor: Actor, appointmentId: string, now: Date, ip: string): Promise<boolean> {
  const a = await lockAppointment(q, appointmentId);
  if (!a || !OPEN_STATUSES.has(a.status) || now.getTime() < new Date(a.starts_at).getTime()) return false;
  const reason = 'Note finalized';
  await q.query(
    `UPDATE appointments SET status = 'completed', status_reason = $2, status_changed_at = $3, status_changed_by = $4, version = version + 1 WHERE id = $1`,
    [appointmentId, reason, now.toISOString(), actor.userId],
  );
  await insertEvents(q, [{ appointmentId, patientId: a.patient_id, at: now, actorId: actor.userId, kind: 'status', fromStatus: a.status, toStatus: 'completed', reason }], newId);
  await appendAudit(q, {
    at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: a.patient_id,
    action: 'appointment.status', resourceType: 'Appointment', resourceId: appointmentId, clientIp: ip, outcome: 'success',
    detail: { from: a.status, to: 'completed', via: 'note' },
  });
  return true;
}

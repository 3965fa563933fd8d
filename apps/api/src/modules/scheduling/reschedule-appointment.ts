import type { TAppointment, TRescheduleRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MOVABLE } from './domain/attendance-rules.js';
import { bookDraft, isSlotTaken, slotTakenError } from './book.js';
import { canChangeAppointment } from './change-access.js';
import { insertEvents, loadAppointment, lockAppointment, toAppointment } from './scheduling.repo.js';

/**
 * A patient asks to move a session: the original is kept with status "rescheduled" (so attendance
 * reports can count reschedules) and linked to a new stand-alone appointment at the new time. A move
 * of the practice's own making is a PATCH instead, which changes the occurrence in place.
 */
export async function rescheduleAppointment(deps: Deps, actor: Actor, id: string, body: TRescheduleRequest, ip: string): Promise<TAppointment> {
  const { db, clock } = deps;
  let newAppointmentId = '';
  try {
    await db.tx(async (q) => {
      const a = await lockAppointment(q, id);
      if (!a || !(await canChangeAppointment(q, actor, a))) throw notFound('Appointment');
      if (a.version !== body.version) throw new DomainError('conflict', 'Someone else changed this appointment. Reload it and try again.');
      if (!MOVABLE.has(a.status)) throw new DomainError('conflict', 'Only a scheduled or confirmed appointment can be rescheduled.');
      if (!a.patient_id) throw new DomainError('conflict', 'A group session is moved for everyone: edit the group\u2019s series instead.');
      const now = clock.now();
      // Free the old slot first so the new time may overlap it.
      await q.query(`UPDATE appointments SET status = 'rescheduled', status_reason = $2, status_changed_at = $3, status_changed_by = $4, version = version + 1 WHERE id = $1`, [id, body.reason ?? null, now, actor.userId]);
      const duration = body.durationMinutes ?? Math.round((new Date(a.ends_at).getTime() - new Date(a.starts_at).getTime()) / 60000);
      const booked = await bookDraft(q, deps, actor, {
        patientId: a.patient_id, groupId: null, clinicianId: body.clinicianId ?? a.clinician_id, locationId: a.location_id,
        roomId: body.roomId === undefined ? a.room_id : body.roomId, appointmentTypeId: a.appointment_type_id, telehealth: body.telehealth ?? a.telehealth,
        timeZone: a.time_zone, start: body.start, durationMinutes: duration, recurrence: null, skip: [], moves: [],
      });
      newAppointmentId = booked.appointmentIds[0]!;
      await q.query('UPDATE appointments SET rescheduled_to = $2 WHERE id = $1', [id, newAppointmentId]);
      await insertEvents(q, [{ appointmentId: id, patientId: a.patient_id, at: now, actorId: actor.userId, kind: 'status', fromStatus: a.status, toStatus: 'rescheduled', reason: body.reason ?? null, detail: { newAppointmentId } }], newId);
      await appendAudit(q, {
        at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: a.patient_id,
        action: 'appointment.reschedule', resourceType: 'Appointment', resourceId: id, clientIp: ip, outcome: 'success', detail: { newAppointmentId },
      });
    });
  } catch (e) {
    if (isSlotTaken(e)) throw slotTakenError();
    throw e;
  }
  return toAppointment((await loadAppointment(db, actor, newAppointmentId))!);
}

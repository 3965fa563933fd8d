import type { TAppointment } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MOVABLE } from './domain/attendance-rules.js';
import { canChangeAppointment } from './change-access.js';
import { insertEvents, loadAppointment, lockAppointment, toAppointment } from './scheduling.repo.js';

/** Leaves one occurrence out of its series (a holiday, the clinician away): it frees the slot and stays in the history. */
export async function skipOccurrence(deps: Deps, actor: Actor, id: string, body: { reason?: string; version: number }, ip: string): Promise<TAppointment> {
  const { db, clock } = deps;
  await db.tx(async (q) => {
    const a = await lockAppointment(q, id);
    if (!a || !(await canChangeAppointment(q, actor, a))) throw notFound('Appointment');
    if (a.version !== body.version) throw new DomainError('conflict', 'Someone else changed this appointment. Reload it and try again.');
    if (!a.series_id) throw new DomainError('conflict', 'Only an occurrence of a series can be skipped; cancel a single appointment instead.');
    if (!MOVABLE.has(a.status)) throw new DomainError('conflict', 'Only a scheduled or confirmed occurrence can be skipped.');
    const now = clock.now();
    await q.query(`UPDATE appointments SET status = 'skipped', status_reason = $2, status_changed_at = $3, status_changed_by = $4, version = version + 1 WHERE id = $1`, [id, body.reason ?? null, now, actor.userId]);
    await insertEvents(q, [{ appointmentId: id, patientId: a.patient_id, at: now, actorId: actor.userId, kind: 'status', fromStatus: a.status, toStatus: 'skipped', reason: body.reason ?? null }], newId);
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: a.patient_id,
      action: 'appointment.skip', resourceType: 'Appointment', resourceId: id, clientIp: ip, outcome: 'success',
    });
  });
  return toAppointment((await loadAppointment(db, actor, id))!);
}

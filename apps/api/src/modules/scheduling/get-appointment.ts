import type { TAppointment } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { loadAppointment, toAppointment } from './scheduling.repo.js';

export async function getAppointment(deps: Deps, actor: Actor, id: string, ip: string): Promise<TAppointment> {
  const row = await loadAppointment(deps.db, actor, id);
  if (!row) throw notFound('Appointment');
  if (row.patient_id && row.patient_visible) {
    await appendAudit(deps.db, {
      at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: row.patient_id,
      action: 'appointment.read', resourceType: 'Appointment', resourceId: id, clientIp: ip, outcome: 'success',
    });
  }
  return toAppointment(row);
}

/** Who changed what and when, newest last. Reasons are shown only to those who may see the patient. */
export async function appointmentHistory(deps: Deps, actor: Actor, id: string) {
  const row = await loadAppointment(deps.db, actor, id);
  if (!row) throw notFound('Appointment');
  const r = await deps.db.query<{ id: string; at: Date; actor: string | null; kind: string; from_status: string | null; to_status: string | null; reason: string | null; detail: Record<string, unknown> }>(
    `SELECT e.id, e.at, trim(u.first_name || ' ' || u.last_name) AS actor, e.kind, e.from_status, e.to_status, e.reason, e.detail
       FROM appointment_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.appointment_id = $1 ORDER BY e.at, e.id`,
    [id],
  );
  const visible = !row.patient_id || row.patient_visible;
  return r.rows.map((e) => ({
    id: e.id, at: new Date(e.at).toISOString(), actor: e.actor, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status,
    reason: visible ? e.reason : null, detail: visible ? e.detail : {},
  }));
}

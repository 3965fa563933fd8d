import type { TAppointment, TCalendarQuery } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/access.js';
import { addDays, daysBetween, localToInstant } from './domain/recurrence.js';
import { appointmentSelect, toAppointment, viewerParams, type AppointmentRow } from './scheduling.repo.js';

const MAX_DAYS = 62;
const MAX_DAYS_ONE_PATIENT = 731;
const MAX_ROWS = 5000;

/**
 * The calendar: appointments between two local dates (inclusive) for clinicians, a location, a room,
 * a group or a patient. Dates are compared in each appointment's own zone (a day is padded by a day on
 * both sides, then trimmed), so a location's "day" is its local day. Reading patients' appointments is
 * audited once per request with the patients it showed.
 */
export async function listAppointments(deps: Deps, actor: Actor, query: TCalendarQuery, ip: string): Promise<TAppointment[]> {
  const { db, clock } = deps;
  if (query.to < query.from) throw invalid('to', 'is before from');
  const span = daysBetween(query.from, query.to) + 1;
  if (span > (query.patientId ? MAX_DAYS_ONE_PATIENT : MAX_DAYS)) {
    throw invalid('to', `the range may cover at most ${query.patientId ? MAX_DAYS_ONE_PATIENT : MAX_DAYS} days`);
  }
  if (query.patientId && !(await canAccessPatient(db, actor, query.patientId, 'demographics'))) {
    throw new DomainError('not_found', 'Patient was not found, or is not on your caseload.');
  }
  // A location's calendar is in its own zone: read exactly its local days. Otherwise pad by a day on
  // each side (appointments may be in several zones) and keep each one's own local dates below.
  let bounds: [string, string] = [`${addDays(query.from, -1)}T00:00:00Z`, `${addDays(query.to, 2)}T00:00:00Z`];
  if (query.locationId) {
    const loc = await db.query<{ time_zone: string }>('SELECT time_zone FROM locations WHERE id = $1', [query.locationId]);
    const tz = loc.rows[0]?.time_zone;
    if (tz) bounds = [localToInstant(`${query.from}T00:00`, tz).toISOString(), localToInstant(`${addDays(query.to, 1)}T00:00`, tz).toISOString()];
  }
  const params: unknown[] = [...viewerParams(actor), ...bounds, query.from, query.to];
  const where = ['a.starts_at >= $3', 'a.starts_at < $4', "(a.starts_at AT TIME ZONE a.time_zone)::date BETWEEN $5::date AND $6::date"];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.clinicianIds) add('a.clinician_id = ANY(?::uuid[])', query.clinicianIds.split(','));
  if (query.locationId) add('a.location_id = ?', query.locationId);
  if (query.roomId) add('a.room_id = ?', query.roomId);
  if (query.patientId) add('a.patient_id = ?', query.patientId);
  if (query.groupId) add('a.group_id = ?', query.groupId);
  if (query.includeCancelled !== 'true') where.push(`a.status NOT IN ('skipped', 'rescheduled', 'cancelled_patient', 'cancelled_practice')`);
  else where.push(`a.status <> 'skipped'`);
  const r = await db.query<AppointmentRow>(`${appointmentSelect(1, 2)} WHERE ${where.join(' AND ')} ORDER BY a.starts_at, a.id LIMIT ${MAX_ROWS}`, params);
  const items = r.rows.map(toAppointment);
  const shown = [...new Set(items.flatMap((a) => (a.patient ? [a.patient.id] : [])))];
  if (shown.length) {
    await appendAudit(db, {
      at: clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: query.patientId ?? null,
      action: 'appointment.list', resourceType: 'Appointment', clientIp: ip, outcome: 'success',
      detail: { from: query.from, to: query.to, count: items.length, patients: shown.slice(0, 500) },
    });
  }
  return items;
}

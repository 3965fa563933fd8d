import type { TSeries } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import { describeRule, parseRule } from './domain/recurrence.js';

export interface SeriesRow {
  id: string;
  patient_id: string | null;
  group_id: string | null;
  clinician_id: string;
  location_id: string;
  room_id: string | null;
  appointment_type_id: string;
  telehealth: boolean;
  time_zone: string;
  start_local: string;
  duration_minutes: number;
  rrule: string;
  materialized_through: string;
  open_ended: boolean;
  status: 'active' | 'ended';
  ended_on: string | null;
  end_reason: string | null;
  version: number;
}

export async function loadSeries(q: Queryable, id: string, lock = false): Promise<SeriesRow | null> {
  const r = await q.query<SeriesRow>(`SELECT * FROM appointment_series WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export function toSeries(s: SeriesRow): TSeries {
  const start = s.start_local.slice(0, 16);
  return {
    id: s.id, patientId: s.patient_id, groupId: s.group_id, clinicianId: s.clinician_id, locationId: s.location_id, roomId: s.room_id,
    appointmentTypeId: s.appointment_type_id, telehealth: s.telehealth, timeZone: s.time_zone, start, durationMinutes: s.duration_minutes,
    recurrence: s.rrule, description: describeRule(parseRule(s.rrule), start), openEnded: s.open_ended, materializedThrough: s.materialized_through,
    status: s.status, endedOn: s.ended_on, endReason: s.end_reason, version: s.version,
  };
}

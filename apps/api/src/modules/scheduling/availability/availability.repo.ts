import type { Queryable } from '../../../platform/db/db.js';
import type { AvailabilityException, Interval, WeeklyHours } from '../domain/availability.js';

// SQL for clinician_hours and clinician_exceptions, plus the few reads of locations, staff and
// appointments that availability needs (busy time only: no patient columns are selected).

export interface HoursRow {
  id: string;
  user_id: string;
  location_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  effective_from: string | null;
  effective_to: string | null;
}

export interface ExceptionRow {
  id: string;
  user_id: string;
  kind: 'time_off' | 'extra_hours';
  location_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: string | null;
  created_at: Date;
}

/** 'HH:MM:SS' from the database -> 'HH:MM'. */
export const hhmm = (t: string): string => t.slice(0, 5);

export const toWeeklyHours = (r: HoursRow): WeeklyHours => ({
  locationId: r.location_id,
  weekday: Number(r.weekday),
  start: hhmm(r.start_time),
  end: hhmm(r.end_time),
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
});

export const toException = (r: ExceptionRow): AvailabilityException => ({
  kind: r.kind,
  locationId: r.location_id,
  start: new Date(r.starts_at).getTime(),
  end: new Date(r.ends_at).getTime(),
});

export async function hoursOf(q: Queryable, userIds: string[]): Promise<HoursRow[]> {
  if (!userIds.length) return [];
  return (
    await q.query<HoursRow>(
      `SELECT id, user_id, location_id, weekday, start_time::text AS start_time, end_time::text AS end_time, effective_from, effective_to
         FROM clinician_hours WHERE user_id = ANY($1::uuid[])
        ORDER BY user_id, weekday, start_time, location_id`,
      [userIds],
    )
  ).rows;
}

/**
 * Serialises schedule changes for one clinician: two replacements racing would otherwise each
 * delete only the rows they saw and leave the union of both. NO KEY keeps rows that merely
 * reference the user (appointments, audit) insertable meanwhile.
 */
export async function lockSchedule(q: Queryable, userId: string): Promise<void> {
  await q.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
}

export async function replaceHours(q: Queryable, userId: string, rows: Omit<HoursRow, 'user_id'>[]): Promise<void> {
  await q.query('DELETE FROM clinician_hours WHERE user_id = $1', [userId]);
  for (const r of rows) {
    await q.query(
      `INSERT INTO clinician_hours(id, user_id, location_id, weekday, start_time, end_time, effective_from, effective_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, userId, r.location_id, r.weekday, r.start_time, r.end_time, r.effective_from, r.effective_to],
    );
  }
}

/** Exceptions of these clinicians that overlap [from, to). */
export async function exceptionsOf(q: Queryable, userIds: string[], from: Date, to: Date): Promise<ExceptionRow[]> {
  if (!userIds.length) return [];
  return (
    await q.query<ExceptionRow>(
      `SELECT id, user_id, kind, location_id, starts_at, ends_at, reason, created_at
         FROM clinician_exceptions
        WHERE user_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2
        ORDER BY starts_at, id`,
      [userIds, from.toISOString(), to.toISOString()],
    )
  ).rows;
}

export async function exceptionById(q: Queryable, id: string): Promise<ExceptionRow | undefined> {
  return (
    await q.query<ExceptionRow>(
      'SELECT id, user_id, kind, location_id, starts_at, ends_at, reason, created_at FROM clinician_exceptions WHERE id = $1',
      [id],
    )
  ).rows[0];
}

export async function insertException(
  q: Queryable,
  e: { id: string; userId: string; kind: string; locationId: string | null; startsAt: Date; endsAt: Date; reason: string | null; createdBy: string | null; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO clinician_exceptions(id, user_id, kind, location_id, starts_at, ends_at, reason, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.userId, e.kind, e.locationId, e.startsAt.toISOString(), e.endsAt.toISOString(), e.reason, e.createdBy, e.now.toISOString()],
  );
}

export async function deleteException(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM clinician_exceptions WHERE id = $1', [id]);
}

export interface LocationRow {
  id: string;
  name: string;
  time_zone: string;
  active: boolean;
}

export async function locations(q: Queryable): Promise<LocationRow[]> {
  return (await q.query<LocationRow>('SELECT id, name, time_zone, active FROM locations ORDER BY name, id')).rows;
}

export async function practiceZone(q: Queryable): Promise<string> {
  const r = (await q.query<{ time_zone: string }>('SELECT time_zone FROM practice LIMIT 1')).rows[0];
  return r?.time_zone ?? 'America/New_York';
}

export interface ClinicianRow {
  id: string;
  name: string;
  active: boolean;
  /** Holds at least one clinical role (therapist, prescriber, associate...). */
  clinical: boolean;
}

const CLINICIAN_SQL = `
  SELECT u.id, u.first_name || ' ' || u.last_name AS name, u.active,
         EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.key = ur.role_key WHERE ur.user_id = u.id AND r.clinical) AS clinical
    FROM users u WHERE u.kind = 'staff'`;

export async function clinician(q: Queryable, id: string): Promise<ClinicianRow | undefined> {
  return (await q.query<ClinicianRow>(`${CLINICIAN_SQL} AND u.id = $1`, [id])).rows[0];
}

export async function cliniciansByIds(q: Queryable, ids: string[]): Promise<ClinicianRow[]> {
  if (!ids.length) return [];
  return (await q.query<ClinicianRow>(`${CLINICIAN_SQL} AND u.id = ANY($1::uuid[])`, [ids])).rows;
}

/** Active clinical staff, with whether they keep weekly hours. */
export async function activeClinicians(q: Queryable): Promise<(ClinicianRow & { has_hours: boolean })[]> {
  return (
    await q.query<ClinicianRow & { has_hours: boolean }>(
      `SELECT * FROM (${CLINICIAN_SQL} AND u.active) c
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM clinician_hours h WHERE h.user_id = c.id) AS has_hours) x
        WHERE c.clinical ORDER BY c.name, c.id`,
    )
  ).rows;
}

/** Active clinical staff who have weekly hours (the candidates for "any clinician"). */
export async function cliniciansWithHours(q: Queryable): Promise<ClinicianRow[]> {
  return (
    await q.query<ClinicianRow>(`${CLINICIAN_SQL} AND u.active AND EXISTS (SELECT 1 FROM clinician_hours h WHERE h.user_id = u.id) ORDER BY u.last_name, u.first_name, u.id`)
  ).rows.filter((c) => c.clinical);
}

/** Busy time of these clinicians: appointments that hold their slot, overlapping [from, to). */
export async function busyAppointments(q: Queryable, userIds: string[], from: Date, to: Date): Promise<(Interval & { clinicianId: string })[]> {
  if (!userIds.length) return [];
  const rows = (
    await q.query<{ clinician_id: string; starts_at: Date; ends_at: Date }>(
      `SELECT clinician_id, starts_at, ends_at FROM appointments
        WHERE clinician_id = ANY($1::uuid[]) AND holds_slot AND starts_at < $3 AND ends_at > $2`,
      [userIds, from.toISOString(), to.toISOString()],
    )
  ).rows;
  return rows.map((r) => ({ clinicianId: r.clinician_id, start: new Date(r.starts_at).getTime(), end: new Date(r.ends_at).getTime() }));
}

export async function appointmentTypeDuration(q: Queryable, id: string): Promise<{ duration_minutes: number; mode: string; active: boolean } | undefined> {
  return (await q.query<{ duration_minutes: number; mode: string; active: boolean }>('SELECT duration_minutes, mode, active FROM appointment_types WHERE id = $1', [id])).rows[0];
}

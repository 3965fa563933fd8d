import type { Queryable } from '../../platform/db/db.js';

// SQL for group sessions (the group's appointments) and per-member attendance at them.

export interface SessionRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  time_zone: string;
  /** Attendance statuses recorded at this session (defaults are not stored). */
  statuses: string[];
}

const SESSION_SELECT = `
  SELECT a.id, a.starts_at, a.ends_at, a.status, a.time_zone,
         coalesce((SELECT array_agg(ga.status) FROM group_attendance ga WHERE ga.appointment_id = a.id), '{}') AS statuses
    FROM appointments a`;

/** Sessions that ended in the last `days` days, and the next `upcoming` ones (running ones included). */
export async function sessionsAround(q: Queryable, groupId: string, now: Date, days: number, upcoming: number): Promise<SessionRow[]> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const past = await q.query<SessionRow>(
    `${SESSION_SELECT} WHERE a.group_id = $1 AND a.status <> 'skipped' AND a.starts_at >= $2 AND a.ends_at <= $3 ORDER BY a.starts_at`,
    [groupId, since, now.toISOString()],
  );
  const next = await q.query<SessionRow>(
    `${SESSION_SELECT} WHERE a.group_id = $1 AND a.status <> 'skipped' AND a.ends_at > $2 ORDER BY a.starts_at LIMIT $3`,
    [groupId, now.toISOString(), upcoming],
  );
  return [...past.rows, ...next.rows];
}

export interface SessionCore {
  id: string;
  group_id: string | null;
  group_name: string | null;
  starts_at: Date;
  ends_at: Date;
  status: string;
  time_zone: string;
}

export async function loadSession(q: Queryable, id: string, lock = false): Promise<SessionCore | null> {
  const r = await q.query<SessionCore>(
    `SELECT a.id, a.group_id, g.name AS group_name, a.starts_at, a.ends_at, a.status, a.time_zone
       FROM appointments a LEFT JOIN groups g ON g.id = a.group_id WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

export interface AttendanceRow {
  patient_id: string;
  status: string;
  status_reason: string | null;
  fee_cents: number | null;
  recorded_at: Date;
  recorded_by_name: string | null;
}

export async function attendanceAt(q: Queryable, appointmentId: string): Promise<AttendanceRow[]> {
  const r = await q.query<AttendanceRow>(
    `SELECT ga.patient_id, ga.status, ga.status_reason, ga.fee_cents, ga.recorded_at,
            trim(u.first_name || ' ' || u.last_name) AS recorded_by_name
       FROM group_attendance ga LEFT JOIN users u ON u.id = ga.recorded_by
      WHERE ga.appointment_id = $1`,
    [appointmentId],
  );
  return r.rows;
}

export interface AttendanceWrite {
  patientId: string;
  status: string;
  reason: string | null;
  feeCents: number | null;
}

export async function upsertAttendance(q: Queryable, appointmentId: string, rows: AttendanceWrite[], at: Date, by: string): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO group_attendance(appointment_id, patient_id, status, status_reason, fee_cents, recorded_at, recorded_by)
     SELECT $1, x.p, x.s, x.r, x.f, $6, $7 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS x(p, s, r, f)
     ON CONFLICT (appointment_id, patient_id) DO UPDATE
        SET status = EXCLUDED.status, status_reason = EXCLUDED.status_reason, fee_cents = EXCLUDED.fee_cents,
            recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by`,
    [appointmentId, rows.map((r) => r.patientId), rows.map((r) => r.status), rows.map((r) => r.reason), rows.map((r) => r.feeCents), at.toISOString(), by],
  );
}

/** The local date of the latest session of the group where this member's attendance was actually taken. */
export async function lastRecordedSession(q: Queryable, groupId: string, patientId: string): Promise<string | null> {
  const r = await q.query<{ d: string | null }>(
    `SELECT max((a.starts_at AT TIME ZONE a.time_zone)::date) AS d
       FROM group_attendance ga JOIN appointments a ON a.id = ga.appointment_id
      WHERE a.group_id = $1 AND ga.patient_id = $2 AND ga.status NOT IN ('scheduled', 'confirmed')`,
    [groupId, patientId],
  );
  return r.rows[0]?.d ?? null;
}

/** Drops a discharged member's placeholder rows (scheduled, confirmed) at sessions after their last day. */
export async function dropAttendanceAfter(q: Queryable, groupId: string, patientId: string, lastDate: string): Promise<void> {
  await q.query(
    `DELETE FROM group_attendance ga USING appointments a
      WHERE a.id = ga.appointment_id AND a.group_id = $1 AND ga.patient_id = $2
        AND (a.starts_at AT TIME ZONE a.time_zone)::date > $3::date AND ga.status IN ('scheduled', 'confirmed')`,
    [groupId, patientId, lastDate],
  );
}

export interface FutureSession {
  id: string;
  occurrence_local: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
}

/** Sessions that have not started and still take place: the ones a new room or lead takes over. */
export async function futureSessions(q: Queryable, groupId: string, now: Date): Promise<FutureSession[]> {
  const r = await q.query<FutureSession>(
    `SELECT id, occurrence_local, starts_at, ends_at, time_zone FROM appointments
      WHERE group_id = $1 AND holds_slot AND starts_at > $2 ORDER BY starts_at FOR UPDATE`,
    [groupId, now.toISOString()],
  );
  return r.rows;
}

export async function reassignSessions(q: Queryable, groupId: string, ids: string[], to: { clinicianId: string; roomId: string | null }): Promise<void> {
  if (ids.length) {
    await q.query('UPDATE appointments SET clinician_id = $2, room_id = $3, version = version + 1 WHERE id = ANY($1::uuid[])', [ids, to.clinicianId, to.roomId]);
  }
  // Sessions the rolling horizon adds later come from the series: it follows too.
  await q.query(
    `UPDATE appointment_series SET clinician_id = $2, room_id = $3, version = version + 1 WHERE group_id = $1 AND status = 'active'`,
    [groupId, to.clinicianId, to.roomId],
  );
}

export async function activeSeriesOf(q: Queryable, groupId: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(`SELECT id FROM appointment_series WHERE group_id = $1 AND status = 'active'`, [groupId]);
  return r.rows.map((x) => x.id);
}

import type { Queryable } from '../../platform/db/db.js';
import type { AttendanceItem } from './domain/attendance.js';
import type { ReminderFact } from './domain/engagement-score.js';

// SQL for attendance history, reminders and outreach. Attendance is read, never written, from the
// scheduling and groups tables (appointments, group_attendance, group_members, reminders,
// appointment_events): these are read-only reporting queries over another module's records, the one
// exception to "a repo touches its own tables" that a cross-cutting view needs.

const PATIENT_NAME = `coalesce(nullif(p.preferred_name, ''), p.legal_first_name) || ' ' || p.legal_last_name`;
const CLINICIAN_NAME = `trim(u.first_name || ' ' || u.last_name)`;
const LOCAL_START = `to_char(a.starts_at AT TIME ZONE a.time_zone, 'YYYY-MM-DD"T"HH24:MI')`;
const LOCAL_DATE = `(a.starts_at AT TIME ZONE a.time_zone)::date`;

export interface PatientBasics {
  id: string;
  mrn: string;
  name: string;
  first_name: string;
  status: 'active' | 'waitlist' | 'discharged';
  email: string | null;
  contact_preferences: Record<string, unknown> | null;
}

export async function patientBasics(q: Queryable, id: string): Promise<PatientBasics | null> {
  const r = await q.query<PatientBasics>(
    `SELECT p.id, p.mrn, ${PATIENT_NAME} AS name, coalesce(nullif(p.preferred_name, ''), p.legal_first_name) AS first_name,
            p.status, p.email, p.contact_preferences
       FROM patients p WHERE p.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

interface HistoryRow {
  patient_id: string;
  appointment_id: string;
  status: string;
  start_local: string;
  starts_at: Date;
  time_zone: string;
  clinician_name: string;
  grp: boolean;
}

/**
 * Individual appointments, group sessions with the member's recorded status (a session the practice
 * cancelled, skipped or moved counts as such for everyone), and group sessions ahead at which the
 * member is enrolled but nothing is recorded yet (they are booked by membership).
 * `cond` restricts a.starts_at; `$1` is the patient ids, further parameters follow.
 */
function historySql(cond: string): string {
  const cols = `${LOCAL_START} AS start_local, a.starts_at, a.time_zone, ${CLINICIAN_NAME} AS clinician_name`;
  return `
    SELECT a.patient_id, a.id AS appointment_id, a.status, ${cols}, false AS grp
      FROM appointments a JOIN users u ON u.id = a.clinician_id
     WHERE a.patient_id = ANY($1::uuid[]) ${cond}
    UNION ALL
    SELECT ga.patient_id, a.id, CASE WHEN a.holds_slot THEN ga.status WHEN a.status IN ('skipped', 'rescheduled') THEN a.status ELSE 'cancelled_practice' END,
           ${cols}, true
      FROM group_attendance ga JOIN appointments a ON a.id = ga.appointment_id JOIN users u ON u.id = a.clinician_id
     WHERE ga.patient_id = ANY($1::uuid[]) ${cond}
    UNION ALL
    SELECT gm.patient_id, a.id, a.status, ${cols}, true
      FROM group_members gm
      JOIN appointments a ON a.group_id = gm.group_id AND a.holds_slot AND a.status IN ('scheduled', 'confirmed')
      JOIN users u ON u.id = a.clinician_id
     WHERE gm.patient_id = ANY($1::uuid[]) ${cond}
       AND ${LOCAL_DATE} >= gm.enrolled_on AND (gm.discharged_on IS NULL OR ${LOCAL_DATE} <= gm.discharged_on)
       AND NOT EXISTS (SELECT 1 FROM group_attendance x WHERE x.appointment_id = a.id AND x.patient_id = gm.patient_id)`;
}

const toItem = (r: HistoryRow): AttendanceItem & { patientId: string } => ({
  patientId: r.patient_id,
  appointmentId: r.appointment_id,
  status: r.status,
  date: r.start_local.slice(0, 10),
  start: r.start_local,
  startsAt: new Date(r.starts_at).toISOString(),
  timeZone: r.time_zone,
  clinicianName: r.clinician_name,
  group: r.grp,
});

/** Every appointment of one patient, past and future. */
export async function fullHistory(q: Queryable, patientId: string): Promise<AttendanceItem[]> {
  const r = await q.query<HistoryRow>(historySql(''), [[patientId]]);
  return r.rows.map(toItem);
}

/**
 * For many patients at once: what happened from `since` until `now`, plus each patient's next
 * booked appointment (the score needs nothing more from the future).
 */
export async function recentHistory(q: Queryable, patientIds: string[], since: Date, now: Date): Promise<Map<string, AttendanceItem[]>> {
  const out = new Map<string, AttendanceItem[]>(patientIds.map((id) => [id, []]));
  if (!patientIds.length) return out;
  const past = await q.query<HistoryRow>(historySql('AND a.starts_at >= $2 AND a.starts_at < $3'), [patientIds, since.toISOString(), now.toISOString()]);
  const next = await q.query<HistoryRow>(
    `SELECT DISTINCT ON (x.patient_id) x.* FROM (${historySql('AND a.starts_at >= $2')}) x
      WHERE x.status IN ('scheduled', 'confirmed') ORDER BY x.patient_id, x.starts_at`,
    [patientIds, now.toISOString()],
  );
  for (const row of [...past.rows, ...next.rows]) out.get(row.patient_id)?.push(toItem(row));
  return out;
}

/** Each patient's last attended session date, however long ago. */
export async function lastAttendedDates(q: Queryable, patientIds: string[]): Promise<Map<string, string>> {
  if (!patientIds.length) return new Map();
  const attended = `('completed', 'checked_in', 'in_session')`;
  const r = await q.query<{ patient_id: string; d: string }>(
    `SELECT x.patient_id, max(x.d) AS d FROM (
       SELECT a.patient_id, ${LOCAL_DATE} AS d FROM appointments a WHERE a.patient_id = ANY($1::uuid[]) AND a.status IN ${attended}
       UNION ALL
       SELECT ga.patient_id, ${LOCAL_DATE} FROM group_attendance ga JOIN appointments a ON a.id = ga.appointment_id
        WHERE ga.patient_id = ANY($1::uuid[]) AND a.holds_slot AND ga.status IN ${attended}
     ) x GROUP BY x.patient_id`,
    [patientIds],
  );
  return new Map(r.rows.map((row) => [row.patient_id, row.d]));
}

/**
 * Appointments from `since` on for which at least one reminder was sent for their current time
 * (migration 0008 keys reminders by start time); confirmed when the patient
 * confirmed through a link (appointment_events 'confirmed_by_patient') or the appointment is confirmed.
 */
export async function remindedAppointments(q: Queryable, patientIds: string[], since: Date): Promise<Map<string, ReminderFact[]>> {
  const out = new Map<string, ReminderFact[]>(patientIds.map((id) => [id, []]));
  if (!patientIds.length) return out;
  const r = await q.query<{ patient_id: string; appointment_id: string; date: string; confirmed: boolean }>(
    `SELECT r.patient_id, r.appointment_id, to_char(${LOCAL_DATE}, 'YYYY-MM-DD') AS date,
            (a.status = 'confirmed' OR EXISTS (SELECT 1 FROM appointment_events e
               WHERE e.appointment_id = r.appointment_id AND e.kind = 'confirmed_by_patient'
                 AND (e.patient_id IS NULL OR e.patient_id = r.patient_id))) AS confirmed
       FROM reminders r JOIN appointments a ON a.id = r.appointment_id
      WHERE r.patient_id = ANY($1::uuid[]) AND r.status = 'sent' AND a.starts_at >= $2
        -- Reminders for a time the appointment has since moved from no longer count.
        AND r.for_starts_at = a.starts_at
      GROUP BY r.patient_id, r.appointment_id, a.starts_at, a.time_zone, a.status`,
    [patientIds, since.toISOString()],
  );
  for (const row of r.rows) out.get(row.patient_id)?.push({ appointmentId: row.appointment_id, date: row.date, confirmed: row.confirmed });
  return out;
}

export interface AtRiskCandidate {
  id: string;
  mrn: string;
  name: string;
}

/**
 * Active patients, limited to a caseload (`caseloadAt(n)` gives the SQL condition on `p` using
 * parameter $n, or null when unrestricted) and optionally to one care-team member.
 */
export async function activePatients(
  q: Queryable,
  caseloadAt: (paramIndex: number) => { sql: string; param: string } | null,
  clinicianId: string | undefined,
): Promise<AtRiskCandidate[]> {
  const where = [`p.status = 'active'`];
  const params: unknown[] = [];
  const caseload = caseloadAt(1);
  if (caseload) {
    params.push(caseload.param);
    where.push(caseload.sql);
  }
  if (clinicianId) {
    params.push(clinicianId);
    where.push(`EXISTS (SELECT 1 FROM care_team ct2 WHERE ct2.patient_id = p.id AND ct2.user_id = $${params.length})`);
  }
  const r = await q.query<AtRiskCandidate>(`SELECT p.id, p.mrn, ${PATIENT_NAME} AS name FROM patients p WHERE ${where.join(' AND ')}`, params);
  return r.rows;
}

// ---- outreach attempts -------------------------------------------------------------------------

export interface OutreachRow {
  id: string;
  patient_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  channel: string;
  outcome: string;
  template_key: string | null;
  note: string | null;
}

const OUTREACH_SELECT = `
  SELECT o.id, o.patient_id, o.at, o.actor_id, ${CLINICIAN_NAME} AS actor_name, o.channel, o.outcome, o.template_key, o.note
    FROM outreach_attempts o LEFT JOIN users u ON u.id = o.actor_id`;

export async function insertOutreach(
  q: Queryable,
  row: { id: string; patientId: string; at: Date; actorId: string | null; channel: string; outcome: string; templateKey: string | null; note: string | null },
): Promise<OutreachRow> {
  await q.query(
    `INSERT INTO outreach_attempts(id, patient_id, at, actor_id, channel, outcome, template_key, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [row.id, row.patientId, row.at.toISOString(), row.actorId, row.channel, row.outcome, row.templateKey, row.note],
  );
  return (await q.query<OutreachRow>(`${OUTREACH_SELECT} WHERE o.id = $1`, [row.id])).rows[0]!;
}

export async function outreachFor(q: Queryable, patientId: string, limit: number): Promise<OutreachRow[]> {
  const r = await q.query<OutreachRow>(`${OUTREACH_SELECT} WHERE o.patient_id = $1 ORDER BY o.at DESC, o.id DESC LIMIT $2`, [patientId, limit]);
  return r.rows;
}

/** The latest attempt per patient. */
export async function lastOutreach(q: Queryable, patientIds: string[]): Promise<Map<string, OutreachRow>> {
  if (!patientIds.length) return new Map();
  const r = await q.query<OutreachRow>(
    `SELECT DISTINCT ON (x.patient_id) x.* FROM (${OUTREACH_SELECT} WHERE o.patient_id = ANY($1::uuid[])) x ORDER BY x.patient_id, x.at DESC, x.id DESC`,
    [patientIds],
  );
  return new Map(r.rows.map((row) => [row.patient_id, row]));
}

export async function practiceContact(q: Queryable): Promise<{ name: string; phone: string | null }> {
  const r = await q.query<{ name: string; phone: string | null }>('SELECT name, phone FROM practice LIMIT 1');
  return r.rows[0] ?? { name: 'Your care team', phone: null };
}

import type { Queryable } from '../../platform/db/db.js';
import type { PreferredTime } from './domain/match.js';

// SQL for waitlist entries. Names of clinicians, types and locations, and the freed appointment,
// are read from their own modules' tables (read-only lookups for display and matching).

export interface EntryRow {
  id: string;
  patient_id: string;
  /** Whether the reader may see who the patient is (their caseload, or everyone). */
  visible: boolean;
  mrn: string;
  patient_name: string;
  clinician_id: string | null;
  clinician_name: string | null;
  appointment_type_id: string | null;
  type_name: string | null;
  location_id: string | null;
  location_name: string | null;
  telehealth_ok: boolean;
  preferred_times: PreferredTime[];
  priority: number;
  note: string | null;
  added_on: string;
  status: 'open' | 'scheduled' | 'removed';
  closed_at: Date | null;
  version: number;
}

/** `visible` is an SQL condition on the patient `p` (the reader's caseload), or 'true'. */
const entrySelect = (visible: string) => `
  SELECT w.id, w.patient_id, (${visible}) AS visible, p.mrn,
         coalesce(nullif(p.preferred_name, ''), p.legal_first_name) || ' ' || p.legal_last_name AS patient_name,
         w.clinician_id, trim(u.first_name || ' ' || u.last_name) AS clinician_name,
         w.appointment_type_id, t.name AS type_name, w.location_id, l.name AS location_name,
         w.telehealth_ok, w.preferred_times, w.priority, w.note, w.added_on, w.status, w.closed_at, w.version
    FROM waitlist_entries w
    JOIN patients p ON p.id = w.patient_id
    LEFT JOIN users u ON u.id = w.clinician_id
    LEFT JOIN appointment_types t ON t.id = w.appointment_type_id
    LEFT JOIN locations l ON l.id = w.location_id`;

export type Visibility = (paramIndex: number) => { sql: string; param: string } | null;

export async function listEntries(q: Queryable, visibility: Visibility, status: string | null, limit: number, offset: number): Promise<{ rows: EntryRow[]; total: number }> {
  const params: unknown[] = status ? [status] : [];
  const cond = status ? 'WHERE w.status = $1' : '';
  const total = Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM waitlist_entries w ${cond}`, params)).rows[0]?.n ?? 0);
  const v = visibility(params.length + 1);
  if (v) params.push(v.param);
  params.push(limit, offset);
  const rows = (
    await q.query<EntryRow>(
      `${entrySelect(v?.sql ?? 'true')} ${cond}
        ORDER BY CASE w.status WHEN 'open' THEN 0 ELSE 1 END, w.priority, w.added_on, w.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

export async function loadEntry(q: Queryable, visibility: Visibility, id: string): Promise<EntryRow | null> {
  const v = visibility(2);
  const r = await q.query<EntryRow>(`${entrySelect(v?.sql ?? 'true')} WHERE w.id = $1`, v ? [id, v.param] : [id]);
  return r.rows[0] ?? null;
}

/** Every open entry, for matching against a freed slot. */
export async function openEntries(q: Queryable, visibility: Visibility): Promise<EntryRow[]> {
  const v = visibility(1);
  const r = await q.query<EntryRow>(`${entrySelect(v?.sql ?? 'true')} WHERE w.status = 'open'`, v ? [v.param] : []);
  return r.rows;
}

export interface EntryWrite {
  clinicianId: string | null;
  appointmentTypeId: string | null;
  locationId: string | null;
  telehealthOk: boolean;
  preferredTimes: PreferredTime[];
  priority: number;
  note: string | null;
}

export async function insertEntry(q: Queryable, e: EntryWrite & { id: string; patientId: string; addedOn: string; createdBy: string }): Promise<void> {
  await q.query(
    `INSERT INTO waitlist_entries(id, patient_id, clinician_id, appointment_type_id, location_id, telehealth_ok, preferred_times, priority, note, added_on, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,$11)`,
    [e.id, e.patientId, e.clinicianId, e.appointmentTypeId, e.locationId, e.telehealthOk, JSON.stringify(e.preferredTimes), e.priority, e.note, e.addedOn, e.createdBy],
  );
}

/** Writes the whole entry if its version still matches; false when someone changed it first. */
export async function updateEntry(q: Queryable, id: string, version: number, e: EntryWrite & { status: string; closedAt: Date | null }): Promise<boolean> {
  const r = await q.query(
    `UPDATE waitlist_entries
        SET clinician_id = $3, appointment_type_id = $4, location_id = $5, telehealth_ok = $6, preferred_times = $7::jsonb,
            priority = $8, note = $9, status = $10, closed_at = $11, version = version + 1
      WHERE id = $1 AND version = $2`,
    [id, version, e.clinicianId, e.appointmentTypeId, e.locationId, e.telehealthOk, JSON.stringify(e.preferredTimes), e.priority, e.note, e.status, e.closedAt?.toISOString() ?? null],
  );
  return r.rowCount > 0;
}

/** Which of the referenced records exist (and can be wished for): active clinical staff, active types and locations. */
export async function knownReferences(q: Queryable, ids: { clinicianId: string | null; appointmentTypeId: string | null; locationId: string | null }) {
  const r = await q.query<{ clinician: boolean; type: boolean; location: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.active
                      AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.key = ur.role_key WHERE ur.user_id = u.id AND r.clinical)) AS clinician,
            EXISTS (SELECT 1 FROM appointment_types t WHERE t.id = $2 AND t.active) AS type,
            EXISTS (SELECT 1 FROM locations l WHERE l.id = $3 AND l.active) AS location`,
    [ids.clinicianId, ids.appointmentTypeId, ids.locationId],
  );
  return r.rows[0]!;
}

export interface SlotRow {
  id: string;
  status: string;
  patient_id: string | null;
  clinician_id: string;
  clinician_name: string;
  appointment_type_id: string;
  type_name: string;
  location_id: string;
  location_name: string;
  telehealth: boolean;
  time_zone: string;
  start_local: string;
  end_local: string;
  weekday: number;
  duration_minutes: number;
}

/** An appointment as a slot: its local start and end, weekday and what it was for. */
export async function loadSlot(q: Queryable, appointmentId: string): Promise<SlotRow | null> {
  const r = await q.query<SlotRow>(
    `SELECT a.id, a.status, a.patient_id, a.clinician_id, trim(u.first_name || ' ' || u.last_name) AS clinician_name,
            a.appointment_type_id, t.name AS type_name, a.location_id, l.name AS location_name, a.telehealth, a.time_zone,
            to_char(a.starts_at AT TIME ZONE a.time_zone, 'YYYY-MM-DD"T"HH24:MI') AS start_local,
            to_char(a.ends_at AT TIME ZONE a.time_zone, 'YYYY-MM-DD"T"HH24:MI') AS end_local,
            extract(isodow FROM a.starts_at AT TIME ZONE a.time_zone)::int AS weekday,
            round(extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS duration_minutes
       FROM appointments a
       JOIN users u ON u.id = a.clinician_id
       JOIN appointment_types t ON t.id = a.appointment_type_id
       JOIN locations l ON l.id = a.location_id
      WHERE a.id = $1`,
    [appointmentId],
  );
  return r.rows[0] ?? null;
}

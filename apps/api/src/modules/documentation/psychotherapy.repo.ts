import type { Queryable } from '../../platform/db/db.js';

// SQL for psychotherapy notes (HIPAA's process notes). This file is the only place in the codebase
// that reads or writes psychotherapy_notes, and every query that returns a note's body is bound to
// its author: a reader is never given another clinician's note, whatever their role.

export interface PsychotherapyNoteRow {
  id: string;
  patient_id: string;
  appointment_id: string | null;
  session_date: string;
  body: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = 'id, patient_id, appointment_id, session_date, body, created_at, updated_at, version';

export async function insertPsychotherapyNote(
  q: Queryable,
  n: { id: string; authorId: string; patientId: string; appointmentId: string | null; sessionDate: string; body: string; at: Date },
): Promise<PsychotherapyNoteRow> {
  const r = await q.query<PsychotherapyNoteRow>(
    `INSERT INTO psychotherapy_notes(id, author_id, patient_id, appointment_id, session_date, body, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7) RETURNING ${COLUMNS}`,
    [n.id, n.authorId, n.patientId, n.appointmentId, n.sessionDate, n.body, n.at.toISOString()],
  );
  return r.rows[0]!;
}

/** The note, only when `authorId` wrote it. */
export async function loadOwnPsychotherapyNote(q: Queryable, id: string, authorId: string): Promise<PsychotherapyNoteRow | null> {
  const r = await q.query<PsychotherapyNoteRow>(`SELECT ${COLUMNS} FROM psychotherapy_notes WHERE id = $1 AND author_id = $2`, [id, authorId]);
  return r.rows[0] ?? null;
}

/**
 * Whose note an id is, without its body: only to record a refused attempt in the audit log (the
 * caller answers "not found" either way).
 */
export async function psychotherapyNoteOwner(q: Queryable, id: string): Promise<{ author_id: string; patient_id: string } | null> {
  const r = await q.query<{ author_id: string; patient_id: string }>('SELECT author_id, patient_id FROM psychotherapy_notes WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

/** The author's own notes about one patient, newest session first. */
export async function listOwnPsychotherapyNotes(
  q: Queryable,
  authorId: string,
  patientId: string,
  limit: number,
  offset: number,
): Promise<{ rows: PsychotherapyNoteRow[]; total: number }> {
  const total = Number(
    (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM psychotherapy_notes WHERE author_id = $1 AND patient_id = $2', [authorId, patientId])).rows[0]?.n ?? 0,
  );
  const rows = (
    await q.query<PsychotherapyNoteRow>(
      `SELECT ${COLUMNS} FROM psychotherapy_notes
        WHERE author_id = $1 AND patient_id = $2
        ORDER BY session_date DESC, created_at DESC, id DESC
        LIMIT $3 OFFSET $4`,
      [authorId, patientId, limit, offset],
    )
  ).rows;
  return { rows, total };
}

/** Replaces the body if the author's note still has `version`; null when it changed (or is not theirs). */
export async function updatePsychotherapyNoteBody(
  q: Queryable,
  id: string,
  authorId: string,
  version: number,
  body: string,
  at: Date,
): Promise<PsychotherapyNoteRow | null> {
  const r = await q.query<PsychotherapyNoteRow>(
    `UPDATE psychotherapy_notes SET body = $4, updated_at = $5, version = version + 1
      WHERE id = $1 AND author_id = $2 AND version = $3
      RETURNING ${COLUMNS}`,
    [id, authorId, version, body, at.toISOString()],
  );
  return r.rows[0] ?? null;
}

export async function patientExists(q: Queryable, patientId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM patients WHERE id = $1', [patientId])).rows.length > 0;
}

/**
 * The local date of an appointment of this patient: their own session, or a session of a group they
 * were enrolled in on that day. Null when the appointment is unknown or not theirs. (A read-only
 * lookup in the scheduling and groups tables.)
 */
export async function appointmentDateForPatient(q: Queryable, appointmentId: string, patientId: string): Promise<string | null> {
  const r = await q.query<{ local_date: string }>(
    `SELECT to_char(a.starts_at AT TIME ZONE a.time_zone, 'YYYY-MM-DD') AS local_date
       FROM appointments a
      WHERE a.id = $1
        AND (a.patient_id = $2
             OR (a.group_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM group_members m
                    WHERE m.group_id = a.group_id AND m.patient_id = $2
                      AND m.enrolled_on <= (a.starts_at AT TIME ZONE a.time_zone)::date
                      AND (m.discharged_on IS NULL OR m.discharged_on >= (a.starts_at AT TIME ZONE a.time_zone)::date))))`,
    [appointmentId, patientId],
  );
  return r.rows[0]?.local_date ?? null;
}

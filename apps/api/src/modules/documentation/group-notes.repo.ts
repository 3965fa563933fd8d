import type { TNoteContent, TTemplateDefinition } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';

// SQL for group notes (one per group session: the shared sections, written once) and their member
// notes. The session, the group's facilitators, roster and attendance are read-only lookups in the
// scheduling tables.

export interface GroupNoteRow {
  id: string;
  appointment_id: string;
  group_id: string;
  group_name: string;
  author_id: string;
  /** The author's supervisor today (who co-signs an associate's member notes). */
  author_supervisor_id: string | null;
  template_id: string;
  template_version: number;
  definition: TTemplateDefinition;
  shared_content: TNoteContent;
  status: 'draft' | 'signed';
  version: number;
}

const GROUP_NOTE_SELECT = `
  SELECT gn.id, gn.appointment_id, gn.group_id, g.name AS group_name, gn.author_id, au.supervisor_id AS author_supervisor_id,
         gn.template_id, gn.template_version, v.definition, gn.shared_content, gn.status, gn.version
    FROM group_notes gn
    JOIN groups g ON g.id = gn.group_id
    JOIN users au ON au.id = gn.author_id
    JOIN note_template_versions v ON v.template_id = gn.template_id AND v.version = gn.template_version`;

export async function loadGroupNote(q: Queryable, id: string, lock = false): Promise<GroupNoteRow | null> {
  const r = await q.query<GroupNoteRow>(`${GROUP_NOTE_SELECT} WHERE gn.id = $1${lock ? ' FOR UPDATE OF gn' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function groupNoteIdForSession(q: Queryable, appointmentId: string): Promise<string | null> {
  return (await q.query<{ id: string }>('SELECT id FROM group_notes WHERE appointment_id = $1', [appointmentId])).rows[0]?.id ?? null;
}

export async function insertGroupNote(
  q: Queryable,
  g: { id: string; appointmentId: string; groupId: string; authorId: string; templateId: string; templateVersion: number; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO group_notes(id, appointment_id, group_id, author_id, template_id, template_version, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7)`,
    [g.id, g.appointmentId, g.groupId, g.authorId, g.templateId, g.templateVersion, g.now.toISOString()],
  );
}

/** Writes the shared sections if the version still matches; false when someone saved first. */
export async function updateGroupNote(q: Queryable, id: string, version: number, sharedContent: TNoteContent, now: Date): Promise<boolean> {
  const r = await q.query(
    `UPDATE group_notes SET shared_content = $3::jsonb, updated_at = $4, version = version + 1 WHERE id = $1 AND version = $2 AND status = 'draft'`,
    [id, version, JSON.stringify(sharedContent), now.toISOString()],
  );
  return r.rowCount > 0;
}

export async function markGroupNoteSigned(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE group_notes SET status = 'signed', updated_at = $2, version = version + 1 WHERE id = $1`, [id, now.toISOString()]);
}

export interface MemberNoteRef {
  id: string;
  patient_id: string;
  status: string;
  version: number;
}

/** The member notes of a group note, alphabetically by the member's legal name. */
export async function memberNotes(q: Queryable, groupNoteId: string): Promise<MemberNoteRef[]> {
  return (await q.query<MemberNoteRef>(
    `SELECT n.id, n.patient_id, n.status, n.version FROM notes n JOIN patients p ON p.id = n.patient_id
      WHERE n.group_note_id = $1 ORDER BY p.legal_last_name, p.legal_first_name, n.patient_id`,
    [groupNoteId],
  )).rows;
}

/** A draft member note nobody signed, removed because its member turned out not to attend. */
export async function discardDraftMemberNote(q: Queryable, noteId: string): Promise<boolean> {
  const r = await q.query(
    `DELETE FROM notes n WHERE n.id = $1 AND n.status = 'draft' AND n.group_note_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM note_signatures s WHERE s.note_id = n.id)
        AND NOT EXISTS (SELECT 1 FROM note_addenda ad WHERE ad.note_id = n.id)
        AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.copied_from = n.id)`,
    [noteId],
  );
  return r.rowCount > 0;
}

export interface GroupSessionRow {
  id: string;
  group_id: string | null;
  status: string;
  starts_at: Date;
  time_zone: string;
  /** The session's local date (the roster and attendance are per date). */
  local_date: string;
}

export async function loadGroupSession(q: Queryable, appointmentId: string, lock = false): Promise<GroupSessionRow | null> {
  const r = await q.query<GroupSessionRow>(
    `SELECT a.id, a.group_id, a.status, a.starts_at, a.time_zone, (a.starts_at AT TIME ZONE a.time_zone)::date AS local_date
       FROM appointments a WHERE a.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [appointmentId],
  );
  return r.rows[0] ?? null;
}

export async function isFacilitator(q: Queryable, groupId: string, userId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM group_facilitators WHERE group_id = $1 AND user_id = $2', [groupId, userId])).rows.length > 0;
}

/**
 * Members on the group's roster on the session's date whose attendance is recorded as present
 * (checked in or completed), alphabetically by legal name.
 */
export async function presentMembers(q: Queryable, session: { id: string; group_id: string; local_date: string }): Promise<string[]> {
  const r = await q.query<{ patient_id: string }>(
    `SELECT DISTINCT m.patient_id, p.legal_last_name, p.legal_first_name
       FROM group_members m
       JOIN group_attendance ga ON ga.appointment_id = $2 AND ga.patient_id = m.patient_id
       JOIN patients p ON p.id = m.patient_id
      WHERE m.group_id = $1 AND m.enrolled_on <= $3::date AND (m.discharged_on IS NULL OR m.discharged_on >= $3::date)
        AND ga.status IN ('checked_in', 'completed')
      ORDER BY p.legal_last_name, p.legal_first_name, m.patient_id`,
    [session.group_id, session.id, session.local_date],
  );
  return r.rows.map((x) => x.patient_id);
}

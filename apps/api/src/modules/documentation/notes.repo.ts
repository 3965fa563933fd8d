import type { TNoteContent, TNoteKind, TNoteStatus, TParticipant, TTemplateDefinition } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';

// SQL for notes, their signatures and addenda. Patients, staff, appointments, locations and the
// practice row are read-only lookups (names for display, zones and due times, prefills).

export interface NoteRow {
  id: string;
  patient_id: string;
  patient_name: string;
  author_id: string;
  author_name: string;
  /** The author's supervisor today (who may read the author's unsigned notes). */
  author_supervisor_id: string | null;
  template_id: string;
  template_version: number;
  template_name: string;
  definition: TTemplateDefinition;
  kind: TNoteKind;
  billable: boolean;
  appointment_id: string | null;
  group_note_id: string | null;
  status: TNoteStatus;
  service_date: string;
  started_at: Date | null;
  ended_at: Date | null;
  psychotherapy_minutes: number | null;
  medical_minutes: number | null;
  place_of_service: 'in_person' | 'telehealth';
  pos_code: string | null;
  telehealth_mode: 'video' | 'audio_only' | null;
  patient_location: string | null;
  participants: TParticipant[];
  diagnoses: { code: string; title: string }[];
  content: TNoteContent;
  /** A group member's note: the session's shared sections, written once on the group note. */
  shared_content: TNoteContent | null;
  enabled_sections: string[];
  carried_forward: string[];
  copied_from: string | null;
  cosign_required: boolean;
  supervisor_id: string | null;
  supervisor_name: string | null;
  late_entry: boolean;
  content_hash: string | null;
  signed_at: Date | null;
  finalized_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** The appointment's zone, else the practice's. */
  time_zone: string;
  overdue_hours: number;
  /** The appointment location's place-of-service code (in-person sessions). */
  location_pos: string | null;
}

const PRACTICE = `(SELECT coalesce((SELECT time_zone FROM practice ORDER BY created_at LIMIT 1), 'America/New_York') AS tz,
                          coalesce((SELECT note_overdue_hours FROM practice ORDER BY created_at LIMIT 1), 72) AS hours) s`;

const PATIENT_NAME = `coalesce(nullif(p.preferred_name, ''), p.legal_first_name) || ' ' || p.legal_last_name`;

const noteSelect = `
  SELECT n.id, n.patient_id, ${PATIENT_NAME} AS patient_name,
         n.author_id, trim(au.first_name || ' ' || au.last_name) AS author_name, au.supervisor_id AS author_supervisor_id,
         n.template_id, n.template_version, t.name AS template_name, v.definition, n.kind, n.billable,
         n.appointment_id, n.group_note_id, n.status, n.service_date, n.started_at, n.ended_at,
         n.psychotherapy_minutes, n.medical_minutes, n.place_of_service, n.pos_code, n.telehealth_mode, n.patient_location,
         n.participants, n.diagnoses, n.content, gn.shared_content, n.enabled_sections, n.carried_forward, n.copied_from,
         n.cosign_required, n.supervisor_id, trim(su.first_name || ' ' || su.last_name) AS supervisor_name,
         n.late_entry, n.content_hash, n.signed_at, n.finalized_at, n.created_at, n.updated_at, n.version,
         coalesce(a.time_zone, s.tz) AS time_zone, s.hours AS overdue_hours, l.place_of_service AS location_pos
    FROM notes n
    JOIN patients p ON p.id = n.patient_id
    JOIN users au ON au.id = n.author_id
    LEFT JOIN users su ON su.id = n.supervisor_id
    JOIN note_templates t ON t.id = n.template_id
    JOIN note_template_versions v ON v.template_id = n.template_id AND v.version = n.template_version
    LEFT JOIN appointments a ON a.id = n.appointment_id
    LEFT JOIN locations l ON l.id = a.location_id
    LEFT JOIN group_notes gn ON gn.id = n.group_note_id
    CROSS JOIN ${PRACTICE}`;

/** One note with what its view needs; `lock` takes the note row for a change. */
export async function loadNoteRow(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<NoteRow | null> {
  const r = await q.query<NoteRow>(`${noteSelect} WHERE n.id = $1${opts.lock ? ' FOR UPDATE OF n' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export interface NoteWrite {
  serviceDate: string;
  startedAt: Date | null;
  endedAt: Date | null;
  psychotherapyMinutes: number | null;
  medicalMinutes: number | null;
  placeOfService: 'in_person' | 'telehealth';
  posCode: string | null;
  telehealthMode: 'video' | 'audio_only' | null;
  patientLocation: string | null;
  participants: TParticipant[];
  diagnoses: { code: string; title: string }[];
  content: TNoteContent;
  enabledSections: string[];
  carriedForward: string[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function insertNote(
  q: Queryable,
  n: NoteWrite & {
    id: string; patientId: string; authorId: string; templateId: string; templateVersion: number; kind: string; billable: boolean;
    appointmentId: string | null; groupNoteId: string | null; copiedFrom: string | null; cosignRequired: boolean; supervisorId: string | null; now: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO notes(id, patient_id, author_id, template_id, template_version, kind, billable, appointment_id, group_note_id,
                       service_date, started_at, ended_at, psychotherapy_minutes, medical_minutes, place_of_service, pos_code, telehealth_mode,
                       patient_location, participants, diagnoses, content, enabled_sections, carried_forward, copied_from,
                       cosign_required, supervisor_id, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19::jsonb,$20::jsonb,$21::jsonb,$22::jsonb,$23::jsonb,$24,$25,$26,$27,$27)`,
    [
      n.id, n.patientId, n.authorId, n.templateId, n.templateVersion, n.kind, n.billable, n.appointmentId, n.groupNoteId,
      n.serviceDate, iso(n.startedAt), iso(n.endedAt), n.psychotherapyMinutes, n.medicalMinutes, n.placeOfService, n.posCode, n.telehealthMode,
      n.patientLocation, JSON.stringify(n.participants), JSON.stringify(n.diagnoses), JSON.stringify(n.content), JSON.stringify(n.enabledSections),
      JSON.stringify(n.carriedForward), n.copiedFrom, n.cosignRequired, n.supervisorId, n.now.toISOString(),
    ],
  );
}

/** Writes the draft if its version still matches; false when someone saved first. */
export async function updateDraft(q: Queryable, id: string, version: number, n: NoteWrite, now: Date): Promise<boolean> {
  const r = await q.query(
    `UPDATE notes SET service_date = $3, started_at = $4, ended_at = $5, psychotherapy_minutes = $6, medical_minutes = $7, place_of_service = $8,
                      pos_code = $9, telehealth_mode = $10, patient_location = $11, participants = $12::jsonb, diagnoses = $13::jsonb,
                      content = $14::jsonb, enabled_sections = $15::jsonb, carried_forward = $16::jsonb, updated_at = $17, version = version + 1
      WHERE id = $1 AND version = $2 AND status IN ('draft', 'returned')`,
    [
      id, version, n.serviceDate, iso(n.startedAt), iso(n.endedAt), n.psychotherapyMinutes, n.medicalMinutes, n.placeOfService, n.posCode,
      n.telehealthMode, n.patientLocation, JSON.stringify(n.participants), JSON.stringify(n.diagnoses), JSON.stringify(n.content),
      JSON.stringify(n.enabledSections), JSON.stringify(n.carriedForward), now.toISOString(),
    ],
  );
  return r.rowCount > 0;
}

/** The author's signature: locks the note as signed (final) or pending co-signature. */
export async function markSigned(
  q: Queryable, id: string,
  s: { status: 'signed' | 'pending_cosign'; hash: string; lateEntry: boolean; cosignRequired: boolean; supervisorId: string | null; now: Date },
): Promise<void> {
  await q.query(
    `UPDATE notes SET status = $2, content_hash = $3, late_entry = $4, cosign_required = $5, supervisor_id = $6, signed_at = $7,
                      finalized_at = CASE WHEN $2 = 'signed' THEN $7::timestamptz END, updated_at = $7, version = version + 1
      WHERE id = $1`,
    [id, s.status, s.hash, s.lateEntry, s.cosignRequired, s.supervisorId, s.now.toISOString()],
  );
}

export async function markCosigned(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE notes SET status = 'signed', finalized_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`, [id, now.toISOString()]);
}

/** Back to the author: editable again; the author's signature stays in the history, not on the note. */
export async function markReturned(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE notes SET status = 'returned', content_hash = NULL, signed_at = NULL, late_entry = false, updated_at = $2, version = version + 1 WHERE id = $1`,
    [id, now.toISOString()],
  );
}

export interface SignatureRow {
  kind: 'author' | 'cosign' | 'returned';
  user_id: string;
  signer_name: string;
  credentials: string | null;
  signed_at: Date;
  content_hash: string;
  comment: string | null;
}

export async function insertSignature(q: Queryable, s: { id: string; noteId: string; kind: SignatureRow['kind']; userId: string; signerName: string; credentials: string | null; at: Date; hash: string; comment: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO note_signatures(id, note_id, kind, user_id, signer_name, credentials, signed_at, content_hash, comment) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [s.id, s.noteId, s.kind, s.userId, s.signerName, s.credentials, s.at.toISOString(), s.hash, s.comment],
  );
}

export async function listSignatures(q: Queryable, noteId: string): Promise<SignatureRow[]> {
  return (await q.query<SignatureRow>(
    `SELECT kind, user_id, signer_name, credentials, signed_at, content_hash, comment FROM note_signatures WHERE note_id = $1 ORDER BY signed_at, id`,
    [noteId],
  )).rows;
}

export interface AddendumRow {
  id: string;
  author_id: string;
  signer_name: string;
  credentials: string | null;
  reason: string;
  body: string;
  signed_at: Date;
  content_hash: string;
}

export async function insertAddendum(q: Queryable, a: { id: string; noteId: string; authorId: string; signerName: string; credentials: string | null; reason: string; body: string; at: Date; hash: string }): Promise<void> {
  await q.query(
    `INSERT INTO note_addenda(id, note_id, author_id, signer_name, credentials, reason, body, signed_at, content_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.noteId, a.authorId, a.signerName, a.credentials, a.reason, a.body, a.at.toISOString(), a.hash],
  );
}

export async function listAddenda(q: Queryable, noteId: string): Promise<AddendumRow[]> {
  return (await q.query<AddendumRow>(
    `SELECT id, author_id, signer_name, credentials, reason, body, signed_at, content_hash FROM note_addenda WHERE note_id = $1 ORDER BY signed_at, id`,
    [noteId],
  )).rows;
}

/** A signer as they are now: printed name, credentials, whether they need co-signature, and their supervisor. */
export interface SignerRow {
  name: string;
  credentials: string | null;
  is_associate: boolean;
  supervisor_id: string | null;
  supervisor_can_cosign: boolean;
}

export async function loadSigner(q: Queryable, userId: string): Promise<SignerRow | null> {
  const r = await q.query<SignerRow>(
    `SELECT trim(u.first_name || ' ' || u.last_name) AS name, nullif(trim(coalesce(u.credentials, '')), '') AS credentials, u.supervisor_id,
            EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_key = 'associate') AS is_associate,
            EXISTS (SELECT 1 FROM users su JOIN user_roles ur ON ur.user_id = su.id JOIN role_permissions rp ON rp.role_key = ur.role_key
                     WHERE su.id = u.supervisor_id AND su.active AND rp.permission_key = 'clinical.cosign') AS supervisor_can_cosign
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  return r.rows[0] ?? null;
}

/** The newest published version of an active template (or the given version of any template). */
export interface TemplateVersionRow {
  template_id: string;
  version: number;
  name: string;
  kind: TNoteKind;
  billable: boolean;
  definition: TTemplateDefinition;
}

export async function loadWritableTemplate(q: Queryable, templateId: string, version?: number): Promise<TemplateVersionRow | null> {
  const r = await q.query<TemplateVersionRow>(
    version === undefined
      ? `SELECT t.id AS template_id, v.version, t.name, t.kind, t.billable, v.definition
           FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id AND v.status = 'published'
          WHERE t.id = $1 AND t.active ORDER BY v.version DESC LIMIT 1`
      : `SELECT t.id AS template_id, v.version, t.name, t.kind, t.billable, v.definition
           FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id AND v.status = 'published'
          WHERE t.id = $1 AND v.version = $2`,
    version === undefined ? [templateId] : [templateId, version],
  );
  return r.rows[0] ?? null;
}

export interface AppointmentForNote {
  id: string;
  patient_id: string | null;
  group_id: string | null;
  status: string;
  telehealth: boolean;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  location_pos: string | null;
}

export async function loadAppointmentForNote(q: Queryable, id: string): Promise<AppointmentForNote | null> {
  const r = await q.query<AppointmentForNote>(
    `SELECT a.id, a.patient_id, a.group_id, a.status, a.telehealth, a.time_zone, a.starts_at, a.ends_at, l.place_of_service AS location_pos
       FROM appointments a JOIN locations l ON l.id = a.location_id WHERE a.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** The note already written for this patient at this appointment, if any. */
export async function noteIdForAppointment(q: Queryable, appointmentId: string, patientId: string): Promise<string | null> {
  const r = await q.query<{ id: string }>('SELECT id FROM notes WHERE appointment_id = $1 AND patient_id = $2', [appointmentId, patientId]);
  return r.rows[0]?.id ?? null;
}

/** The patient's active problems as note diagnoses: the primary first, then in the order added. */
export async function activeProblemDiagnoses(q: Queryable, patientId: string, limit: number): Promise<{ code: string; title: string }[]> {
  return (await q.query<{ code: string; title: string }>(
    `SELECT code, title FROM patient_problems WHERE patient_id = $1 AND status = 'active' ORDER BY is_primary DESC, added_at, id LIMIT $2`,
    [patientId, limit],
  )).rows;
}

/** The patient's most recent signed note on the template (for copy forward). */
export async function previousSignedNote(q: Queryable, patientId: string, templateId: string): Promise<{ id: string; content: TNoteContent; enabled_sections: string[] } | null> {
  const r = await q.query<{ id: string; content: TNoteContent; enabled_sections: string[] }>(
    `SELECT id, content, enabled_sections FROM notes
      WHERE patient_id = $1 AND template_id = $2 AND status = 'signed'
      ORDER BY service_date DESC, finalized_at DESC, id DESC LIMIT 1`,
    [patientId, templateId],
  );
  return r.rows[0] ?? null;
}

export async function noteContent(q: Queryable, id: string): Promise<TNoteContent | null> {
  return (await q.query<{ content: TNoteContent }>('SELECT content FROM notes WHERE id = $1', [id])).rows[0]?.content ?? null;
}

/** Titles of the given ICD-10-CM codes, for the codes that exist. */
export interface Icd10Fact {
  title: string;
  billable: boolean;
  /** The last day the code was valid, when a later release dropped it. */
  effectiveTo: string | null;
}

export async function icd10Titles(q: Queryable, codes: string[]): Promise<Map<string, Icd10Fact>> {
  if (!codes.length) return new Map();
  const r = await q.query<{ code: string; title: string; billable: boolean; effective_to: string | null }>(
    `SELECT code, title, billable, to_char(effective_to, 'YYYY-MM-DD') AS effective_to FROM icd10_codes WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(r.rows.map((x) => [x.code, { title: x.title, billable: x.billable, effectiveTo: x.effective_to }]));
}

export async function patientExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM patients WHERE id = $1', [id])).rows.length > 0;
}

/** The zone for notes without an appointment, and the practice's local "today" comes from it. */
export async function practiceZone(q: Queryable): Promise<string> {
  return (await q.query<{ tz: string }>(`SELECT s.tz FROM ${PRACTICE}`)).rows[0]!.tz;
}

/** The shared content of a group note (its member notes hold only the member sections). */
export async function groupSharedContent(q: Queryable, groupNoteId: string): Promise<TNoteContent> {
  return (await q.query<{ shared_content: TNoteContent }>('SELECT shared_content FROM group_notes WHERE id = $1', [groupNoteId])).rows[0]?.shared_content ?? {};
}

// ---- Summaries (the chart's notes list, an appointment's note) ----

export interface SummaryRow {
  id: string;
  patient_id: string;
  patient_name: string;
  author_id: string;
  author_name: string;
  template_name: string;
  kind: TNoteKind;
  status: TNoteStatus;
  service_date: string;
  appointment_id: string | null;
  late_entry: boolean;
  addenda_count: number;
  signed_at: Date | null;
  ended_at: Date | null;
  time_zone: string;
  overdue_hours: number;
}

/**
 * Unsigned notes are their author's work in progress: besides the author, only the supervisor
 * (named on the note, or the author's today) sees them. Signed notes are the chart's.
 * `viewer` is the parameter holding the reader's user id; needs `n`.
 */
export const visibleToReader = (viewer: string) =>
  `(n.status = 'signed' OR n.author_id = ${viewer} OR n.supervisor_id = ${viewer} OR n.author_id IN (SELECT id FROM users WHERE supervisor_id = ${viewer}))`;

const summarySelect = `
  SELECT n.id, n.patient_id, ${PATIENT_NAME} AS patient_name, n.author_id, trim(au.first_name || ' ' || au.last_name) AS author_name,
         t.name AS template_name, n.kind, n.status, n.service_date, n.appointment_id, n.late_entry,
         (SELECT count(*)::int FROM note_addenda ad WHERE ad.note_id = n.id) AS addenda_count,
         n.signed_at, n.ended_at, coalesce(a.time_zone, s.tz) AS time_zone, s.hours AS overdue_hours, n.created_at
    FROM notes n
    JOIN patients p ON p.id = n.patient_id
    JOIN users au ON au.id = n.author_id
    JOIN note_templates t ON t.id = n.template_id
    LEFT JOIN appointments a ON a.id = n.appointment_id
    CROSS JOIN ${PRACTICE}`;

/**
 * One page of a patient's notes the reader may see, newest service date first, and how many there
 * are, in one statement: the page is read in index order (notes_patient_idx) and only its rows are
 * joined for names; the count reads the same index.
 */
export async function listPatientNotes(
  q: Queryable, patientId: string, viewer: string, f: { status?: TNoteStatus; kind?: TNoteKind }, limit: number, offset: number,
): Promise<{ rows: SummaryRow[]; total: number }> {
  const params: unknown[] = [patientId, viewer];
  const conds = ['n.patient_id = $1', visibleToReader('$2')];
  if (f.status) conds.push(`n.status = $${params.push(f.status)}`);
  if (f.kind) conds.push(`n.kind = $${params.push(f.kind)}`);
  const where = conds.join(' AND ');
  const r = await q.query<SummaryRow & { total: number }>(
    `SELECT c.total, x.*
       FROM (SELECT count(*)::int AS total FROM notes n WHERE ${where}) c
       LEFT JOIN LATERAL (
         ${summarySelect}
          WHERE n.id IN (SELECT n.id FROM notes n WHERE ${where}
                          ORDER BY n.service_date DESC, n.created_at DESC, n.id DESC LIMIT $${params.push(limit)} OFFSET $${params.push(offset)})
       ) x ON true
      ORDER BY x.service_date DESC, x.created_at DESC, x.id DESC`,
    params,
  );
  return { rows: r.rows.filter((x) => x.id !== null), total: r.rows[0]?.total ?? 0 };
}

/** The patient's note at an appointment, if the reader may see it. */
export async function appointmentNoteSummary(q: Queryable, appointmentId: string, patientId: string, viewer: string): Promise<SummaryRow | null> {
  const r = await q.query<SummaryRow>(`${summarySelect} WHERE n.appointment_id = $1 AND n.patient_id = $2 AND ${visibleToReader('$3')}`, [appointmentId, patientId, viewer]);
  return r.rows[0] ?? null;
}

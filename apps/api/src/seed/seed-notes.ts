// The demo practice's clinical documentation, written after its schedule: a problem list for
// every patient in care, a note for every past session (signed as clinicians sign them, with
// signatures hashed exactly as the API hashes them), missed-appointment notes, group notes with
// their members' notes, and the states worth showing (notes-special.ts). Everything is computed in
// memory and written with one multi-row INSERT per table (schedule-write.ts), so it stays fast on PGlite.
import { ICD10CM_CODES } from '@hearth/content';
import type { TNoteContent } from '@hearth/contracts';
import type { Queryable } from '../platform/db/db.js';
import { newId } from '../platform/ids.js';
import { addendumHash, hashOf, type NoteRow } from '../modules/documentation/index.js';
import { DEMO_STAFF } from './demo-data.js';
import { planNotes, themeFor, DAY, type ApptRow, type PlannedNote } from './notes-plan.js';
import { addSpecialCases } from './notes-special.js';
import { plusDays, rng } from './schedule-timetable.js';
import { insertRows } from './schedule-write.js';
import type { DemoPatient } from './seed-schedule.js';

export interface NotesSeedInput {
  now: Date;
  timeZone: string;
  staff: Map<string, string>;
  patients: DemoPatient[];
}

const TEMPLATE_KEYS = [
  'intake_assessment', 'psychiatric_evaluation', 'progress_dap', 'progress_soap', 'progress_birp', 'family_session', 'group_therapy',
  'medication_management', 'crisis_note', 'collateral_contact', 'treatment_plan_review', 'discharge_summary', 'missed_appointment',
];

interface TemplateRow {
  key: string;
  id: string;
  version: number;
  kind: string;
  billable: boolean;
}

export async function seedNotes(q: Queryable, input: NotesSeedInput): Promise<Record<string, number>> {
  const { now, staff } = input;
  const templates = await loadTemplates(q);
  const appointments = (await q.query<ApptRow>(
    `SELECT a.id, a.patient_id, a.group_id, a.clinician_id, t.code, a.starts_at, a.ends_at, a.status, a.telehealth, a.time_zone,
            l.place_of_service AS pos, s.rrule
       FROM appointments a JOIN appointment_types t ON t.id = a.appointment_type_id JOIN locations l ON l.id = a.location_id
       LEFT JOIN appointment_series s ON s.id = a.series_id
      WHERE a.starts_at < $1`,
    [now.toISOString()],
  )).rows.map((a) => ({ ...a, starts_at: new Date(a.starts_at), ends_at: new Date(a.ends_at) }));
  const attendance = (await q.query<{ appointment_id: string; patient_id: string; status: string }>('SELECT appointment_id, patient_id, status FROM group_attendance')).rows;
  const groups = (await q.query<{ id: string; name: string }>('SELECT id, name FROM groups')).rows;

  const problems = problemList(input, appointments);
  const diagnoses = new Map<string, { code: string; title: string }[]>();
  for (const p of problems) diagnoses.set(p.patientId, [...(diagnoses.get(p.patientId) ?? []), { code: p.code, title: p.title }]);
  const planInput = { ...input, appointments, attendance, groups, diagnoses: (id: string) => diagnoses.get(id) ?? [] };
  const plan = planNotes(planInput);
  const special = addSpecialCases(plan, planInput);

  // Hash what each signature attests with the API's own function, over the columns as stored.
  const hashes = new Map<string, string>();
  const shared = new Map(plan.groupNotes.map((g) => [g.id, g.sharedContent]));
  for (const n of plan.notes) {
    if (n.signatures.length) hashes.set(n.id, hashOf(storedRow(n, templates.get(n.template)!, n.groupNoteId ? shared.get(n.groupNoteId)! : null)));
  }
  const signer = new Map(DEMO_STAFF.map((s) => [staff.get(s.key)!, { name: `${s.first} ${s.last}`, credentials: s.credentials || null }]));

  await insertRows(q, 'patient_problems',
    [['id', 'uuid'], ['patient_id', 'uuid'], ['code', 'text'], ['title', 'text'], ['onset_date', 'date'], ['status', 'text'], ['is_primary', 'boolean'],
      ['comment', 'text'], ['added_by', 'uuid'], ['added_at', 'timestamptz'], ['resolved_on', 'date']],
    problems.map((p) => [newId(), p.patientId, p.code, p.title, p.onset, p.status, p.primary, p.comment, p.addedBy, p.addedAt, p.resolvedOn]));
  await insertRows(q, 'group_notes',
    [['id', 'uuid'], ['appointment_id', 'uuid'], ['group_id', 'uuid'], ['author_id', 'uuid'], ['template_id', 'uuid'], ['template_version', 'int'],
      ['shared_content', 'jsonb'], ['status', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['version', 'int']],
    plan.groupNotes.map((g) => {
      const t = templates.get('group_therapy')!;
      return [g.id, g.appointmentId, g.groupId, g.authorId, t.id, t.version, JSON.stringify(g.sharedContent), g.status, g.createdAt, g.updatedAt, g.status === 'signed' ? 4 : 2];
    }));
  await insertRows(q, 'notes', NOTE_COLUMNS, plan.notes.map((n) => noteValues(n, templates.get(n.template)!, n.status === 'signed' || n.status === 'pending_cosign' ? hashes.get(n.id)! : null)));
  await insertRows(q, 'note_signatures',
    [['id', 'uuid'], ['note_id', 'uuid'], ['kind', 'text'], ['user_id', 'uuid'], ['signer_name', 'text'], ['credentials', 'text'], ['signed_at', 'timestamptz'],
      ['content_hash', 'text'], ['comment', 'text']],
    plan.notes.flatMap((n) => n.signatures.map((s) => [newId(), n.id, s.kind, s.userId, signer.get(s.userId)!.name, signer.get(s.userId)!.credentials, s.at, hashes.get(n.id)!, s.comment])));
  await insertRows(q, 'note_addenda',
    [['id', 'uuid'], ['note_id', 'uuid'], ['author_id', 'uuid'], ['signer_name', 'text'], ['credentials', 'text'], ['reason', 'text'], ['body', 'text'],
      ['signed_at', 'timestamptz'], ['content_hash', 'text']],
    plan.addenda.map((a) => {
      const signedAt = a.at.toISOString();
      const hash = addendumHash({ noteId: a.noteId, noteContentHash: hashes.get(a.noteId)!, authorId: a.authorId, reason: a.reason, body: a.body, signedAt });
      return [newId(), a.noteId, a.authorId, signer.get(a.authorId)!.name, signer.get(a.authorId)!.credentials, a.reason, a.body, signedAt, hash];
    }));
  await insertRows(q, 'psychotherapy_notes',
    [['id', 'uuid'], ['author_id', 'uuid'], ['patient_id', 'uuid'], ['appointment_id', 'uuid'], ['session_date', 'date'], ['body', 'text'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    plan.psychotherapy.map((p) => [p.id, p.authorId, p.patientId, p.appointmentId, p.sessionDate, p.body, p.at, p.at]));

  const by = (s: string) => plan.notes.filter((n) => n.status === s).length;
  return {
    problems: problems.length, notes: plan.notes.length, signedNotes: by('signed'), draftNotes: by('draft'), groupNotes: plan.groupNotes.length,
    ...special, noteDays: Math.round((now.getTime() - Math.min(...plan.notes.map((n) => n.createdAt.getTime()))) / DAY),
  };
}

async function loadTemplates(q: Queryable): Promise<Map<string, TemplateRow>> {
  const rows = (await q.query<TemplateRow>(
    `SELECT t.builtin_key AS key, t.id, t.kind, t.billable, max(v.version)::int AS version
       FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id AND v.status = 'published'
      WHERE t.builtin_key IS NOT NULL GROUP BY t.id`,
  )).rows;
  const map = new Map(rows.map((r) => [r.key, r]));
  const missing = TEMPLATE_KEYS.filter((k) => !map.has(k));
  // The built-in templates are loaded by syncBuiltinContent after migrations; the demo needs them.
  if (missing.length) throw new Error(`demo notes: built-in templates missing (${missing.join(', ')}); run syncBuiltinContent before seeding`);
  return map;
}

/** A planned note as its row will read back from the database (what the content hash covers). */
function storedRow(n: PlannedNote, t: TemplateRow, sharedContent: TNoteContent | null): NoteRow {
  const row: Partial<NoteRow> = {
    id: n.id, patient_id: n.patientId, author_id: n.authorId, template_id: t.id, template_version: t.version, kind: t.kind as NoteRow['kind'],
    billable: t.billable, appointment_id: n.appointmentId, group_note_id: n.groupNoteId, status: n.status, service_date: n.serviceDate,
    started_at: n.startedAt, ended_at: n.endedAt, time_zone: n.timeZone, psychotherapy_minutes: n.psychotherapyMinutes, medical_minutes: n.medicalMinutes,
    place_of_service: n.placeOfService, pos_code: n.posCode, telehealth_mode: n.telehealthMode, patient_location: n.patientLocation,
    participants: n.participants, diagnoses: n.diagnoses, content: n.content, enabled_sections: n.enabledSections, carried_forward: [], copied_from: null,
    cosign_required: n.cosignRequired, supervisor_id: n.supervisorId, late_entry: n.lateEntry, shared_content: sharedContent,
  };
  return row as NoteRow;
}

const NOTE_COLUMNS: [string, string][] = [
  ['id', 'uuid'], ['patient_id', 'uuid'], ['author_id', 'uuid'], ['template_id', 'uuid'], ['template_version', 'int'], ['kind', 'text'], ['billable', 'boolean'],
  ['appointment_id', 'uuid'], ['group_note_id', 'uuid'], ['status', 'text'], ['service_date', 'date'], ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'],
  ['psychotherapy_minutes', 'int'], ['medical_minutes', 'int'], ['place_of_service', 'text'], ['pos_code', 'text'], ['telehealth_mode', 'text'],
  ['patient_location', 'text'], ['participants', 'jsonb'], ['diagnoses', 'jsonb'], ['content', 'jsonb'], ['enabled_sections', 'jsonb'],
  ['cosign_required', 'boolean'], ['supervisor_id', 'uuid'], ['late_entry', 'boolean'], ['content_hash', 'text'], ['signed_at', 'timestamptz'],
  ['finalized_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['version', 'int'],
];

function noteValues(n: PlannedNote, t: TemplateRow, hash: string | null): unknown[] {
  return [
    n.id, n.patientId, n.authorId, t.id, t.version, t.kind, t.billable, n.appointmentId, n.groupNoteId, n.status, n.serviceDate, n.startedAt, n.endedAt,
    n.psychotherapyMinutes, n.medicalMinutes, n.placeOfService, n.posCode, n.telehealthMode, n.patientLocation, JSON.stringify(n.participants),
    JSON.stringify(n.diagnoses), JSON.stringify(n.content), JSON.stringify(n.enabledSections), n.cosignRequired, n.supervisorId, n.lateEntry, hash,
    n.signedAt, n.finalizedAt, n.createdAt, n.updatedAt, n.version,
  ];
}

interface ProblemRow {
  patientId: string;
  code: string;
  title: string;
  onset: string;
  status: 'active' | 'in_remission' | 'resolved';
  primary: boolean;
  comment: string | null;
  addedBy: string;
  addedAt: Date;
  resolvedOn: string | null;
}

/**
 * Everyone who has been seen has a problem list from their clinical picture: the primary diagnosis
 * with an onset months before care began, a secondary one; entered by the therapist at the first
 * visit. Discharged patients' diagnoses are in remission or resolved.
 */
function problemList(input: NotesSeedInput, appointments: ApptRow[]): ProblemRow[] {
  const titles = new Map(ICD10CM_CODES.map((c) => [c.code, c.title]));
  const r = rng(20261202);
  const firstVisit = new Map<string, ApptRow>();
  for (const a of appointments) {
    if (!a.patient_id || a.status !== 'completed') continue;
    const f = firstVisit.get(a.patient_id);
    if (!f || a.starts_at < f.starts_at) firstVisit.set(a.patient_id, a);
  }
  const out: ProblemRow[] = [];
  for (const p of input.patients) {
    const first = firstVisit.get(p.id);
    if (!first) continue;
    const seen = first.starts_at.toISOString().slice(0, 10);
    const lastSeen = appointments.filter((a) => a.patient_id === p.id && a.status === 'completed').reduce((m, a) => (a.starts_at > m ? a.starts_at : m), first.starts_at);
    const onset = plusDays(seen, -(60 + Math.floor(r() * 360)));
    themeFor(p).problems.forEach((code, i) => {
      const title = titles.get(code);
      if (!title) throw new Error(`demo notes: ICD-10-CM code ${code} is not in the shipped code list`);
      const discharged = p.status === 'discharged';
      out.push({
        patientId: p.id, code, title, onset: i === 0 ? onset : [plusDays(onset, 30 + Math.floor(r() * 90)), seen].sort()[0]!,
        status: discharged ? (i === 0 ? 'in_remission' : 'resolved') : 'active', primary: i === 0,
        comment: i === 0 ? 'Confirmed at the diagnostic assessment.' : null,
        addedBy: input.staff.get(p.therapist)!, addedAt: new Date(first.ends_at.getTime() + 30 * 60_000),
        resolvedOn: discharged && i > 0 ? lastSeen.toISOString().slice(0, 10) : null,
      });
    });
  }
  return out;
}

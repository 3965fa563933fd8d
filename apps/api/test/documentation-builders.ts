import { ZTemplateDefinition, type TNoteContent, type TNoteKind, type TTemplateDefinition } from '@hearth/contracts';
import type { Db } from '../src/platform/db/db.js';
import { newId } from '../src/platform/ids.js';
import { loadNoteRow } from '../src/modules/documentation/notes.repo.js';
import { hashOf } from '../src/modules/documentation/signing.js';

// Documentation scenario helpers: templates, codes, interventions and notes written straight into
// the database, so tests of queues, search, PDFs and group notes need not go through the routes.

let n = 0;

/** A published template version made by SQL (no built-in content needed). */
export async function aTemplate(
  db: Db, o: { definition: TTemplateDefinition | unknown; billable?: boolean; kind?: TNoteKind; name?: string; version?: number; active?: boolean },
): Promise<{ id: string; version: number; definition: TTemplateDefinition }> {
  const id = newId();
  const version = o.version ?? 1;
  const definition = ZTemplateDefinition.parse(o.definition);
  await db.query('INSERT INTO note_templates(id, name, kind, billable, active) VALUES ($1,$2,$3,$4,$5)', [id, o.name ?? `Test template ${++n}`, o.kind ?? 'progress', o.billable ?? true, o.active ?? true]);
  await db.query(
    `INSERT INTO note_template_versions(template_id, version, definition, status, published_at) VALUES ($1,$2,$3::jsonb,'published', now())`,
    [id, version, JSON.stringify(definition)],
  );
  return { id, version, definition };
}

/** Another published version of a template (a note keeps the version it was written on). */
export async function aTemplateVersion(db: Db, templateId: string, version: number, definition: unknown): Promise<void> {
  await db.query(
    `INSERT INTO note_template_versions(template_id, version, definition, status, published_at) VALUES ($1,$2,$3::jsonb,'published', now())`,
    [templateId, version, JSON.stringify(ZTemplateDefinition.parse(definition))],
  );
}

/** ICD-10-CM codes for tests (kept when the built-in code set is already loaded). */
export async function icd10(db: Db, codes: { code: string; title: string; billable?: boolean }[]): Promise<void> {
  for (const c of codes) {
    await db.query(
      `INSERT INTO icd10_codes(code, title, billable, effective_from, release) VALUES ($1,$2,$3,'2024-10-01','test') ON CONFLICT (code) DO NOTHING`,
      [c.code, c.title, c.billable ?? true],
    );
  }
}

export const TEST_CODES = [
  { code: 'F41.1', title: 'Generalized anxiety disorder' },
  { code: 'F32.1', title: 'Major depressive disorder, single episode, moderate' },
  { code: 'F43.10', title: 'Post-traumatic stress disorder, unspecified' },
  { code: 'Z63.0', title: 'Problems in relationship with spouse or partner' },
];

/** A practice intervention, so tests do not depend on the built-in list's codes. */
export async function anIntervention(db: Db, code: string, label = code): Promise<string> {
  await db.query('INSERT INTO practice_interventions(code, label) VALUES ($1,$2) ON CONFLICT (code) DO NOTHING', [code, label]);
  return code;
}

/** A problem on the patient's list. */
export async function aProblem(db: Db, patientId: string, o: { code: string; title: string; primary?: boolean; status?: string; addedAt?: string }): Promise<void> {
  await db.query(
    `INSERT INTO patient_problems(id, patient_id, code, title, is_primary, status, added_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [newId(), patientId, o.code, o.title, o.primary ?? false, o.status ?? 'active', o.addedAt ?? new Date().toISOString()],
  );
}

/**
 * A DAP-style billable progress template: a required narrative, the tagged payer elements
 * (interventions, response, goal progress, risk, plan) and an optional psychotherapy section.
 */
export const progressDefinition = (interventionCode = 'test_cbt') => ({
  sections: [
    {
      key: 'data', title: 'Data',
      fields: [
        { key: 'subjective', label: 'What the patient reported', type: 'long_text', required: true },
        { key: 'mood', label: 'Mood', type: 'single_choice', options: [{ value: 'low', label: 'Low' }, { value: 'stable', label: 'Stable' }] },
        { key: 'interventions', label: 'Interventions', type: 'interventions', element: 'interventions', help: `e.g. ${interventionCode}` },
        { key: 'next_date', label: 'Next session', type: 'date' },
      ],
    },
    {
      key: 'assessment', title: 'Assessment',
      fields: [
        { key: 'response', label: 'Response to treatment', type: 'long_text', element: 'response' },
        { key: 'goals', label: 'Goal progress', type: 'goal_progress', element: 'goal_progress' },
        { key: 'risk', label: 'Risk assessment', type: 'risk_assessment', element: 'risk_assessment' },
        { key: 'mse', label: 'Mental status', type: 'mental_status_exam' },
        { key: 'phq9', label: 'PHQ-9 score', type: 'number', min: 0, max: 27 },
      ],
    },
    { key: 'plan', title: 'Plan', fields: [{ key: 'plan', label: 'Plan', type: 'long_text', element: 'plan' }] },
    { key: 'psychotherapy', title: 'Psychotherapy', optional: true, fields: [{ key: 'summary', label: 'Psychotherapy summary', type: 'long_text', required: true }] },
  ],
});

export const RISK_LOW = { suicidalIdeation: 'denied', homicidalIdeation: 'denied', selfHarm: 'denied', riskLevel: 'low', safetyPlan: 'not_indicated' };

/** Content that completes progressDefinition. */
export const completeProgressContent = (interventionCode = 'test_cbt'): TNoteContent => ({
  data: { subjective: 'Slept better; practised breathing daily', mood: 'stable', interventions: [interventionCode] },
  assessment: { response: 'Engaged and receptive', goals: [{ goal: 'Sleep 7 hours', rating: 'some_progress' }], risk: RISK_LOW },
  plan: { plan: 'Continue weekly CBT' },
});

export interface NoteSpec {
  patientId: string;
  authorId: string;
  template: { id: string; version: number };
  kind?: TNoteKind;
  billable?: boolean;
  status?: 'draft' | 'pending_cosign' | 'returned' | 'signed';
  serviceDate?: string;
  /** Instants of the session, ISO. */
  startedAt?: string | null;
  endedAt?: string | null;
  content?: TNoteContent;
  diagnoses?: { code: string; title: string }[];
  participants?: { role: string; name?: string }[];
  appointmentId?: string | null;
  supervisorId?: string | null;
  /** When signed (default: the end of the session, else now). */
  signedAt?: Date;
  signerName?: string;
}

/**
 * A note straight in the database. Unless a draft, it carries a real content hash (computed the way
 * signing does) and the author's signature row; 'signed' notes are final.
 */
export async function aNote(db: Db, o: NoteSpec): Promise<string> {
  const id = newId();
  const status = o.status ?? 'signed';
  const signedAt = o.signedAt ?? (o.endedAt ? new Date(o.endedAt) : new Date());
  await db.query(
    `INSERT INTO notes(id, patient_id, author_id, template_id, template_version, kind, billable, appointment_id, status, service_date, started_at, ended_at,
                       psychotherapy_minutes, place_of_service, pos_code, participants, diagnoses, content, cosign_required, supervisor_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'draft',$9,$10,$11,$12,'in_person','11',$13::jsonb,$14::jsonb,$15::jsonb,$16,$17)`,
    [
      id, o.patientId, o.authorId, o.template.id, o.template.version, o.kind ?? 'progress', o.billable ?? true, o.appointmentId ?? null,
      o.serviceDate ?? '2027-03-01', o.startedAt ?? '2027-03-01T20:00:00Z', o.endedAt ?? '2027-03-01T20:53:00Z', 53,
      JSON.stringify(o.participants ?? [{ role: 'patient' }]), JSON.stringify(o.diagnoses ?? [TEST_CODES[0]]), JSON.stringify(o.content ?? completeProgressContent()),
      status === 'pending_cosign' || !!o.supervisorId, o.supervisorId ?? null,
    ],
  );
  if (status === 'draft') return id;
  const hash = hashOf((await loadNoteRow(db, id))!);
  await db.query(
    `UPDATE notes SET status = $2, content_hash = $3, signed_at = $4, finalized_at = CASE WHEN $2 = 'signed' THEN $4::timestamptz END WHERE id = $1`,
    [id, status === 'returned' ? 'returned' : status, status === 'returned' ? null : hash, status === 'returned' ? null : signedAt.toISOString()],
  );
  await db.query(
    `INSERT INTO note_signatures(id, note_id, kind, user_id, signer_name, credentials, signed_at, content_hash)
     SELECT $1, $2, 'author', u.id, coalesce($5, trim(u.first_name || ' ' || u.last_name)), u.credentials, $4, $3 FROM users u WHERE u.id = $6`,
    [newId(), id, hash, signedAt.toISOString(), o.signerName ?? null, o.authorId],
  );
  return id;
}

/** A signed, final note (the common case for readers of the chart). */
export const aSignedNote = (db: Db, o: Omit<NoteSpec, 'status'>) => aNote(db, { ...o, status: 'signed' });

/** Puts a clinician on the patient's care team. */
export async function onCareTeam(db: Db, patientId: string, userId: string, role = 'therapist'): Promise<void> {
  await db.query('INSERT INTO care_team(patient_id, user_id, role) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [patientId, userId, role]);
}

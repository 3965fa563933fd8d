import type { TCreateNoteRequest, TEncounter, TNote, TNoteContent } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError, invalid, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient } from '../patients/index.js';
import { copyForward, stillCarried } from './domain/carry-forward.js';
import { LIST_LIMITS, restrictToScopes, validateContent, validateEnabledSections } from './domain/content-rules.js';
import { toLocal } from './domain/encounter.js';
import { encounterColumns, mergeEncounter, type EncounterState } from './encounter-input.js';
import { knownInterventionCodes } from './interventions.js';
import { auditNote } from './note-access.js';
import { noteDetails } from './get-note.js';
import {
  activeProblemDiagnoses, insertNote, loadAppointmentForNote, loadSigner, loadWritableTemplate, noteIdForAppointment, patientExists, practiceZone,
  previousSignedNote, type AppointmentForNote,
} from './notes.repo.js';

export interface NewNoteInput {
  patientId: string;
  templateId: string;
  /** A published version; the newest published version of an active template when absent. */
  templateVersion?: number;
  appointmentId?: string | null;
  /** Group sessions: the group note this member note belongs to (group templates need one). */
  groupNoteId?: string | null;
  copyForward?: boolean;
  encounter?: TEncounter;
  content?: TNoteContent;
}

const validation = (issues: FieldIssue[]) => new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; ').slice(0, 1000), issues);

/** The facts an appointment gives a new note: its local date and times, place of service, the patient present. */
function fromAppointment(a: AppointmentForNote): Pick<EncounterState, 'serviceDate' | 'startTime' | 'endTime' | 'placeOfService' | 'participants'> {
  const start = toLocal(new Date(a.starts_at), a.time_zone);
  const end = toLocal(new Date(a.ends_at), a.time_zone);
  return {
    serviceDate: start.date,
    startTime: start.time,
    // A session running past midnight keeps its stop time for the writer to enter.
    endTime: end.date === start.date ? end.time : null,
    placeOfService: a.telehealth ? 'telehealth' : 'in_person',
    // The patient was there (for a group session, the member whose note this is).
    participants: [{ role: 'patient' }],
  };
}

/**
 * Starts a note in the caller's transaction and returns its id. The caller has checked that the
 * actor may write for the patient. From an appointment, the note is linked to it and prefilled
 * (date, times, place of service, participants); diagnoses come from the active problem list, the
 * primary first; with copy forward, the previous signed note of the template fills the content,
 * its fields marked until edited. An appointment has at most one note per patient (409 with its id).
 */
export async function createNoteInTx(q: Queryable, actor: Actor, input: NewNoteInput, now: Date, ip: string): Promise<string> {
  const template = await loadWritableTemplate(q, input.templateId, input.templateVersion);
  if (!template) throw invalid('templateId', 'is not an active template with a published version');
  if (template.kind === 'group' && !input.groupNoteId) throw invalid('templateId', 'is a group template: write it from the group session as a group note');
  let appt: AppointmentForNote | null = null;
  if (input.appointmentId) {
    appt = await loadAppointmentForNote(q, input.appointmentId);
    if (!appt) throw invalid('appointmentId', 'was not found');
    if (!input.groupNoteId && appt.patient_id !== input.patientId) throw invalid('appointmentId', 'is not an appointment of this patient');
    if (appt.status === 'rescheduled' || appt.status === 'skipped') throw invalid('appointmentId', 'was rescheduled or skipped: start the note from the appointment that took its place');
    const existing = await noteIdForAppointment(q, appt.id, input.patientId);
    if (existing) throw new DomainError('conflict', 'This appointment already has a note; open it instead.', [], { noteId: existing });
  }
  const timeZone = appt?.time_zone ?? (await practiceZone(q));
  const base: EncounterState = {
    serviceDate: toLocal(now, timeZone).date, startTime: null, endTime: null, psychotherapyMinutes: null, medicalMinutes: null,
    placeOfService: 'in_person', telehealthMode: null, patientLocation: null, participants: [],
    diagnoses: await activeProblemDiagnoses(q, input.patientId, LIST_LIMITS.diagnoses),
    ...(appt ? fromAppointment(appt) : {}),
  };
  const { state, issues } = await mergeEncounter(q, base, input.encounter);

  const ctx = { interventionCodes: await knownInterventionCodes(q) };
  const previous = input.copyForward ? await previousSignedNote(q, input.patientId, template.template_id) : null;
  const copied = previous ? copyForward(template.definition, { content: previous.content, enabledSections: previous.enabled_sections }, ctx) : null;
  const content: TNoteContent = structuredClone(copied?.content ?? {});
  for (const [section, values] of Object.entries(input.content ?? {})) content[section] = { ...(content[section] ?? {}), ...values };
  const own = input.groupNoteId ? restrictToScopes(template.definition, ['note', 'member']) : template.definition;
  issues.push(...validateContent(own, content, ctx), ...validateEnabledSections(template.definition, copied?.enabledSections ?? []));
  if (issues.length) throw validation(issues);

  const signer = await loadSigner(q, actor.userId);
  const id = newId();
  const carried = copied && previous ? stillCarried(copied.carried, previous.content, content) : [];
  await insertNote(q, {
    id, patientId: input.patientId, authorId: actor.userId, templateId: template.template_id, templateVersion: template.version, kind: template.kind,
    billable: template.billable, appointmentId: appt?.id ?? null, groupNoteId: input.groupNoteId ?? null, copiedFrom: previous?.id ?? null,
    cosignRequired: !!signer?.is_associate, supervisorId: signer?.is_associate ? signer.supervisor_id : null, now,
    ...encounterColumns(state, timeZone, appt?.location_pos ?? null),
    content, enabledSections: copied?.enabledSections ?? [], carriedForward: carried,
  });
  await auditNote(q, actor, ip, now, {
    action: 'note.create', noteId: id, patientId: input.patientId,
    detail: { templateId: template.template_id, templateVersion: template.version, appointmentId: appt?.id ?? null, groupNoteId: input.groupNoteId ?? null, copiedFrom: previous?.id ?? null, carried: carried.length },
  });
  return id;
}

/** POST /api/notes: a note on the actor's patient (unknown and not-on-your-caseload read the same). */
export async function createNote(deps: Deps, actor: Actor, input: TCreateNoteRequest, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  if (!(await patientExists(db, input.patientId)) || !(await canAccessPatient(db, actor, input.patientId, 'clinical'))) {
    throw invalid('patientId', 'was not found, or is not on your caseload');
  }
  const id = await db.tx((q) => createNoteInTx(q, actor, input, clock.now(), ip));
  return noteDetails(db, actor, id);
}

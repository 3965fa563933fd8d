import type { TNote, TSaveNoteRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { stillCarried } from './domain/carry-forward.js';
import { assertContentSize, restrictToScopes, validateContent, validateEnabledSections } from './domain/content-rules.js';
import { encounterColumns, mergeEncounter, type EncounterState } from './encounter-input.js';
import { knownInterventionCodes } from './interventions.js';
import { auditNote, loadVisibleNote, requireAuthor, requireEditable, requireVersion } from './note-access.js';
import { toEncounter } from './note-view.js';
import { noteContent, updateDraft, type NoteRow } from './notes.repo.js';
import { noteDetails } from './get-note.js';

/** The encounter as the writer edits it, from the stored note. */
export function encounterState(row: NoteRow): EncounterState {
  const e = toEncounter(row);
  return {
    serviceDate: e.serviceDate, startTime: e.startTime, endTime: e.endTime, psychotherapyMinutes: e.psychotherapyMinutes, medicalMinutes: e.medicalMinutes,
    placeOfService: e.placeOfService, telehealthMode: e.telehealthMode, patientLocation: e.patientLocation, participants: e.participants, diagnoses: e.diagnoses,
  };
}

/**
 * Autosave: the author's draft (or returned note) as it stands, if nobody saved since `version`.
 * Encounter facts the request names replace the stored ones; content and switched-on sections, when
 * sent, replace them whole. Everything is checked against the note's template version first, so a
 * refused save changes nothing. Copied-forward fields stay marked while unchanged. A signed note, or
 * one awaiting co-signature, is locked (409): corrections are addenda.
 */
export async function saveNote(deps: Deps, actor: Actor, id: string, input: TSaveNoteRequest, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.content) assertContentSize(input.content);
  await db.tx(async (q) => {
    const row = await loadVisibleNote(q, actor, id, { lock: true });
    requireAuthor(actor, row, 'edit');
    requireEditable(row);
    requireVersion(row, input.version);
    const { state, issues } = await mergeEncounter(q, encounterState(row), input.encounter);
    const content = input.content ?? row.content ?? {};
    const enabledSections = input.enabledSections ?? row.enabled_sections ?? [];
    const own = row.group_note_id ? restrictToScopes(row.definition, ['note', 'member']) : row.definition;
    issues.push(...validateContent(own, content, { interventionCodes: await knownInterventionCodes(q) }), ...validateEnabledSections(row.definition, enabledSections));
    if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; ').slice(0, 1000), issues);
    const source = row.copied_from && row.carried_forward?.length ? await noteContent(q, row.copied_from) : null;
    const carriedForward = source ? stillCarried(row.carried_forward, source, content) : [];
    const ok = await updateDraft(q, id, input.version, { ...encounterColumns(state, row.time_zone, row.location_pos), content, enabledSections, carriedForward }, now);
    if (!ok) throw new DomainError('conflict', 'Someone else changed this note since you opened it. Reload to see their changes.');
    await auditNote(q, actor, ip, now, {
      action: 'note.save', noteId: id, patientId: row.patient_id,
      // Which parts were sent, never their values.
      detail: { fields: Object.keys(input).filter((k) => k !== 'version').sort(), status: row.status, carried: carriedForward.length },
    });
  });
  return noteDetails(db, actor, id);
}

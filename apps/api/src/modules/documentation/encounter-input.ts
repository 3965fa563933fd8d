import type { TEncounter, TParticipant } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { FieldIssue } from '../../platform/errors.js';
import { posCodeFor, stopAfterStart, toInstant } from './domain/encounter.js';
import { icd10Titles, type NoteWrite } from './notes.repo.js';

// The encounter facts as the writer edits them (local times), merged from a request onto what the
// note holds, checked, and turned into the stored columns (instants, POS code).

export interface EncounterState {
  serviceDate: string;
  startTime: string | null;
  endTime: string | null;
  psychotherapyMinutes: number | null;
  medicalMinutes: number | null;
  placeOfService: 'in_person' | 'telehealth';
  telehealthMode: 'video' | 'audio_only' | null;
  patientLocation: string | null;
  participants: TParticipant[];
  diagnoses: { code: string; title: string }[];
}

/**
 * The state with each fact the request names replaced. Diagnoses the request sends must be
 * ICD-10-CM codes we know (their titles come from the code set), each once; the stop time must be
 * after the start. In person, the telehealth facts are cleared.
 */
export async function mergeEncounter(q: Queryable, base: EncounterState, patch: TEncounter | undefined): Promise<{ state: EncounterState; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const s: EncounterState = { ...base };
  if (patch) {
    if (patch.serviceDate !== undefined) s.serviceDate = patch.serviceDate;
    if (patch.startTime !== undefined) s.startTime = patch.startTime;
    if (patch.endTime !== undefined) s.endTime = patch.endTime;
    if (patch.psychotherapyMinutes !== undefined) s.psychotherapyMinutes = patch.psychotherapyMinutes;
    if (patch.medicalMinutes !== undefined) s.medicalMinutes = patch.medicalMinutes;
    if (patch.placeOfService !== undefined) s.placeOfService = patch.placeOfService;
    if (patch.telehealthMode !== undefined) s.telehealthMode = patch.telehealthMode;
    if (patch.patientLocation !== undefined) s.patientLocation = patch.patientLocation || null;
    if (patch.participants !== undefined) s.participants = patch.participants;
    if (patch.diagnoses !== undefined) {
      const titles = await icd10Titles(q, [...new Set(patch.diagnoses.map((d) => d.code))]);
      patch.diagnoses.forEach((d, i) => {
        const fact = titles.get(d.code);
        const field = `encounter.diagnoses.${i}.code`;
        if (!fact) issues.push({ field, message: 'is not an ICD-10-CM code we know' });
        // A claim needs a billable (most specific) code; a category heading is a search aid only.
        else if (!fact.billable) issues.push({ field, message: 'is a category: choose one of the more specific codes under it' });
        // Shipped codes carry the release date as their start, so only the end of validity is checked.
        else if (fact.effectiveTo && fact.effectiveTo < s.serviceDate) issues.push({ field, message: `was retired on ${fact.effectiveTo}, before the date of service` });
        else if (patch.diagnoses!.findIndex((x) => x.code === d.code) !== i) issues.push({ field, message: 'lists a diagnosis twice' });
      });
      s.diagnoses = patch.diagnoses.map((d) => ({ code: d.code, title: titles.get(d.code)?.title ?? d.title ?? '' }));
    }
  }
  if (!stopAfterStart(s.startTime, s.endTime)) issues.push({ field: 'encounter.endTime', message: 'must be after the start time' });
  if (s.placeOfService === 'in_person') {
    s.telehealthMode = null;
    s.patientLocation = null;
  }
  return { state: s, issues };
}

/** The stored columns of an encounter: local times become instants in the note's zone. */
export function encounterColumns(s: EncounterState, timeZone: string, locationPos: string | null): Omit<NoteWrite, 'content' | 'enabledSections' | 'carriedForward'> {
  return {
    serviceDate: s.serviceDate,
    startedAt: s.startTime ? toInstant(s.serviceDate, s.startTime, timeZone) : null,
    endedAt: s.endTime ? toInstant(s.serviceDate, s.endTime, timeZone) : null,
    psychotherapyMinutes: s.psychotherapyMinutes,
    medicalMinutes: s.medicalMinutes,
    placeOfService: s.placeOfService,
    posCode: posCodeFor({ placeOfService: s.placeOfService, patientLocation: s.patientLocation, locationPos }),
    telehealthMode: s.telehealthMode,
    patientLocation: s.patientLocation,
    participants: s.participants,
    diagnoses: s.diagnoses,
  };
}

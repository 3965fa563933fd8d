import type { TEncounter, TNote, TParticipant } from '@hearth/contracts';

// The encounter block's pure logic: the editable copy of the server's encounter, what is sent,
// and the session length from the times.

/** The editable encounter, from the note as the server answered it. */
export function toEncounterDraft(e: TNote['encounter']): TEncounter {
  return {
    serviceDate: e.serviceDate,
    startTime: e.startTime,
    endTime: e.endTime,
    psychotherapyMinutes: e.psychotherapyMinutes,
    medicalMinutes: e.medicalMinutes,
    placeOfService: e.placeOfService,
    telehealthMode: e.telehealthMode,
    patientLocation: e.patientLocation,
    participants: e.participants.map((p) => ({ role: p.role, ...(p.name ? { name: p.name } : {}) })),
    diagnoses: e.diagnoses.map((d) => ({ code: d.code, title: d.title })),
  };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes from start to stop ('HH:MM'), or null when either is missing or stop is not after start. */
export function minutesBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  const a = start ? TIME.exec(start) : null;
  const b = end ? TIME.exec(end) : null;
  if (!a || !b) return null;
  const m = +b[1]! * 60 + +b[2]! - (+a[1]! * 60 + +a[2]!);
  return m > 0 ? m : null;
}

/** What the autosave sends: blanks as null, participants' empty names left out, no telehealth details in person. */
export function encounterForSave(e: TEncounter): TEncounter {
  const telehealth = e.placeOfService === 'telehealth';
  const participants: TParticipant[] | undefined = e.participants?.map((p) =>
    p.name?.trim() ? { role: p.role, name: p.name.trim() } : { role: p.role },
  );
  return {
    ...(e.serviceDate ? { serviceDate: e.serviceDate } : {}),
    startTime: e.startTime || null,
    endTime: e.endTime || null,
    psychotherapyMinutes: e.psychotherapyMinutes ?? null,
    medicalMinutes: e.medicalMinutes ?? null,
    ...(e.placeOfService ? { placeOfService: e.placeOfService } : {}),
    telehealthMode: telehealth ? (e.telehealthMode ?? null) : null,
    patientLocation: telehealth && e.patientLocation?.trim() ? e.patientLocation.trim() : null,
    ...(participants ? { participants } : {}),
    ...(e.diagnoses ? { diagnoses: e.diagnoses } : {}),
  };
}

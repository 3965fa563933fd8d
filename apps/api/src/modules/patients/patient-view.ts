import type { TPatient, TPatientSummary } from '@hearth/contracts';
import type { PatientRow } from './patients.repo.js';
import { ADULT_AGE, ageOn } from './domain/patient-rules.js';

export function toSummary(r: PatientRow): TPatientSummary {
  return {
    id: r.id,
    mrn: r.mrn,
    legalFirstName: r.legal_first_name,
    legalLastName: r.legal_last_name,
    preferredName: r.preferred_name,
    pronouns: r.pronouns,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    status: r.status as TPatientSummary['status'],
  };
}

export function toPatient(r: PatientRow, today: string): TPatient {
  const age = ageOn(r.date_of_birth, today);
  return {
    ...toSummary(r),
    legalMiddleName: r.legal_middle_name,
    sexAtBirth: r.sex_at_birth as TPatient['sexAtBirth'],
    genderIdentity: r.gender_identity,
    email: r.email,
    address: r.address ?? {},
    contactPreferences: r.contact_preferences ?? {},
    language: r.language,
    interpreterNeeded: r.interpreter_needed,
    age,
    isMinor: age < ADULT_AGE,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    // A contact's missing phone or e-mail is NULL in the database but absent in the contract.
    contacts: ((r.contacts ?? []) as Record<string, unknown>[]).map((c) =>
      Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null)),
    ) as TPatient['contacts'],
    coverages: (r.coverages ?? []) as TPatient['coverages'],
    careTeam: (r.care_team ?? []) as TPatient['careTeam'],
  };
}

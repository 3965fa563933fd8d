import type { FieldIssue } from '../../../platform/errors.js';

/** Lower-case and strip diacritics so "José" is found by "jose" and "JOSE". */
export function normaliseForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchNameFor(p: { legalFirstName: string; legalMiddleName?: string | null; legalLastName: string; preferredName?: string | null }): string {
  return normaliseForSearch([p.legalFirstName, p.legalMiddleName, p.legalLastName, p.preferredName].filter(Boolean).join(' '));
}

/** US numbers are stored as their ten national digits; others as all their digits. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

/** Age in whole years on a local calendar date (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

export const ADULT_AGE = 18;

export interface PatientFacts {
  dateOfBirth?: string;
  contacts?: { kind: string }[];
  coverages?: { priority: number; payerId: string }[];
  careTeam?: { userId: string }[];
}

/** Rules the schema alone cannot state. Returns every problem found, each naming its field. */
export function checkPatientRules(p: PatientFacts, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.dateOfBirth) {
    if (p.dateOfBirth > today) issues.push({ field: 'dateOfBirth', message: 'must not be in the future' });
    else if (p.dateOfBirth < '1900-01-01') issues.push({ field: 'dateOfBirth', message: 'must be after 1900' });
    else if (ageOn(p.dateOfBirth, today) < ADULT_AGE && p.contacts && !p.contacts.some((c) => c.kind !== 'emergency')) {
      issues.push({ field: 'contacts', message: 'a patient under 18 needs a guardian or legal representative' });
    }
  }
  if (p.coverages) {
    const seen = new Set<number>();
    p.coverages.forEach((c, i) => {
      if (seen.has(c.priority)) issues.push({ field: `coverages.${i}.priority`, message: 'is used by another coverage' });
      seen.add(c.priority);
    });
  }
  if (p.careTeam) {
    const seen = new Set<string>();
    p.careTeam.forEach((c, i) => {
      if (seen.has(c.userId)) issues.push({ field: `careTeam.${i}.userId`, message: 'is listed twice' });
      seen.add(c.userId);
    });
  }
  return issues;
}

/** 'YYYY-MM-DD' for an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

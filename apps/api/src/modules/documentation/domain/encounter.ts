import { addDays, instantToLocal, localToInstant } from '../../scheduling/index.js';

// Encounter times are written as local wall-clock times ('HH:MM') on the service date, in the
// appointment's zone (else the practice's); they are stored as instants. These helpers convert
// between the two and derive the facts computed from them (minutes, session end, POS code).

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant a local time on the service date names in the zone. */
export function toInstant(serviceDate: string, time: string, timeZone: string): Date {
  return localToInstant(`${serviceDate}T${time}`, timeZone);
}

/** The local date and 'HH:MM' time of an instant in the zone. */
export function toLocal(at: Date, timeZone: string): { date: string; time: string } {
  const local = instantToLocal(at, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Minutes from start to stop on the same day; null unless both are times and the stop is after the start. */
export function minutesBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  if (!start || !end || !CLOCK_TIME.test(start) || !CLOCK_TIME.test(end)) return null;
  const m = minutesOf(end) - minutesOf(start);
  return m > 0 ? m : null;
}

/** Whether a stop time is after its start (true when either is missing: nothing to compare yet). */
export function stopAfterStart(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return true;
  return minutesBetween(start, end) !== null;
}

/**
 * When the session ended: the recorded stop time, else the end of the service date in the zone
 * (a note without times is due a day's worth of hours later, never earlier than its session).
 */
export function sessionEnd(serviceDate: string, endedAt: Date | null, timeZone: string): Date {
  return endedAt ?? localToInstant(`${addDays(serviceDate, 1)}T00:00`, timeZone);
}

/**
 * The CMS place-of-service code of the encounter: the location's code in person; for telehealth
 * 10 (patient at home) unless the patient's location says otherwise, then 02. An unknown location
 * for telehealth is taken as home, the usual case, until the writer says where the patient was.
 */
export function posCodeFor(e: { placeOfService: 'in_person' | 'telehealth'; patientLocation: string | null; locationPos: string | null }): string {
  if (e.placeOfService === 'in_person') return e.locationPos ?? '11';
  const where = (e.patientLocation ?? '').trim();
  return !where || /\bhome\b/i.test(where) ? '10' : '02';
}

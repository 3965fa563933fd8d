// Which waitlist entries fit a slot freed by a cancellation, and in what order to offer it.

export interface PreferredTime {
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Local 'HH:MM'; `to` may be '24:00'. */
  from: string;
  to: string;
}

export interface WaitlistCandidate {
  id: string;
  patientId: string;
  clinicianId: string | null;
  appointmentTypeId: string | null;
  locationId: string | null;
  telehealthOk: boolean;
  preferredTimes: readonly PreferredTime[];
  /** 1 = most urgent ... 3 = least. */
  priority: number;
  addedOn: string;
}

export interface OpenSlot {
  clinicianId: string;
  appointmentTypeId: string;
  locationId: string;
  telehealth: boolean;
  /** Local weekday and times of the slot in its own time zone. */
  weekday: number;
  startTime: string;
  /** '24:00' when the slot runs to or past midnight. */
  endTime: string;
  /** Whose appointment was cancelled: they are not offered their own slot back. */
  patientId: string | null;
  names: { clinician: string; appointmentType: string; location: string };
}

export interface MatchReason {
  code: 'clinician' | 'any_clinician' | 'appointment_type' | 'any_appointment_type' | 'location' | 'any_location' | 'telehealth' | 'preferred_time' | 'any_time' | 'priority' | 'waiting';
  text: string;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const PRIORITY_WORDS: Record<number, string> = { 1: 'most urgent', 2: 'normal', 3: 'flexible' };

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The preferred window that holds the whole slot, if any ('HH:MM' strings compare in time order). */
export function coveringWindow(times: readonly PreferredTime[], slot: Pick<OpenSlot, 'weekday' | 'startTime' | 'endTime'>): PreferredTime | null {
  return times.find((t) => t.weekday === slot.weekday && t.from <= slot.startTime && slot.endTime <= t.to) ?? null;
}

/** Why an entry fits the slot, or null when it does not. */
export function matchEntry(slot: OpenSlot, e: WaitlistCandidate, today: string): MatchReason[] | null {
  if (slot.patientId && e.patientId === slot.patientId) return null;
  if (e.clinicianId && e.clinicianId !== slot.clinicianId) return null;
  if (e.appointmentTypeId && e.appointmentTypeId !== slot.appointmentTypeId) return null;
  if (slot.telehealth && !e.telehealthOk) return null;
  // A wanted location matters only for an in-person slot: a video visit can be joined from anywhere.
  if (!slot.telehealth && e.locationId && e.locationId !== slot.locationId) return null;
  const window = e.preferredTimes.length ? coveringWindow(e.preferredTimes, slot) : null;
  if (e.preferredTimes.length && !window) return null;

  const reasons: MatchReason[] = [
    e.clinicianId ? { code: 'clinician', text: `Wants ${slot.names.clinician}` } : { code: 'any_clinician', text: 'Any clinician' },
    e.appointmentTypeId ? { code: 'appointment_type', text: `Wants ${slot.names.appointmentType}` } : { code: 'any_appointment_type', text: 'Any appointment type' },
  ];
  if (slot.telehealth) reasons.push({ code: 'telehealth', text: 'Open to telehealth' });
  else reasons.push(e.locationId ? { code: 'location', text: `Wants ${slot.names.location}` } : { code: 'any_location', text: 'Any location' });
  reasons.push(
    window
      ? { code: 'preferred_time', text: `Prefers ${WEEKDAY_NAMES[window.weekday - 1]} ${window.from}–${window.to}` }
      : { code: 'any_time', text: 'Any time of the week' },
  );
  reasons.push({ code: 'priority', text: `Priority ${e.priority} (${PRIORITY_WORDS[e.priority] ?? 'normal'})` });
  const waited = Math.max(0, dayNumber(today) - dayNumber(e.addedOn));
  reasons.push({ code: 'waiting', text: `Waiting ${waited} day${waited === 1 ? '' : 's'} (added ${e.addedOn})` });
  return reasons;
}

/**
 * The open entries that fit the slot, most urgent first, then longest waiting, with the reasons
 * each one fits. Null wishes (no clinician, type or location chosen, no preferred times) match anything.
 */
export function rankWaitlist<E extends WaitlistCandidate>(slot: OpenSlot, entries: readonly E[], today: string): { entry: E; reasons: MatchReason[] }[] {
  return entries
    .map((entry) => ({ entry, reasons: matchEntry(slot, entry, today) }))
    .filter((m): m is { entry: E; reasons: MatchReason[] } => m.reasons !== null)
    .sort((a, b) => a.entry.priority - b.entry.priority || a.entry.addedOn.localeCompare(b.entry.addedOn) || a.entry.id.localeCompare(b.entry.id));
}

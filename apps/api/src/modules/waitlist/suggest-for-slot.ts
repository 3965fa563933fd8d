import type { TWaitlistSuggestions } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { practiceToday } from '../patients/index.js';
import { rankWaitlist, type OpenSlot } from './domain/match.js';
import { auditWaitlist, visibilityFor } from './waitlist-access.js';
import { loadSlot, openEntries } from './waitlist.repo.js';
import { toEntry } from './waitlist-view.js';

/** At most this many suggestions: the front desk calls the first few. */
export const MAX_SUGGESTIONS = 20;

/**
 * Open waitlist entries that fit the time of an appointment (typically one just cancelled): the
 * same clinician, type and location when the entry names them, telehealth when the entry is open to
 * it, and a preferred window of the week holding the slot's local weekday and times. Most urgent
 * first, then longest waiting. Works for any appointment id, so a slot can be offered before or
 * after it is cancelled.
 */
export async function suggestForSlot(deps: Deps, actor: Actor, appointmentId: string, ip: string): Promise<TWaitlistSuggestions> {
  const { db, clock } = deps;
  const now = clock.now();
  const a = await loadSlot(db, appointmentId);
  if (!a) throw new DomainError('not_found', 'Appointment was not found.');
  const startTime = a.start_local.slice(11);
  // A slot that runs to or past midnight ends, for matching, at the end of its day.
  const endTime = a.end_local.slice(0, 10) > a.start_local.slice(0, 10) ? '24:00' : a.end_local.slice(11);
  const slot: OpenSlot = {
    clinicianId: a.clinician_id, appointmentTypeId: a.appointment_type_id, locationId: a.location_id, telehealth: a.telehealth,
    weekday: a.weekday, startTime, endTime, patientId: a.patient_id,
    names: { clinician: a.clinician_name, appointmentType: a.type_name, location: a.location_name },
  };
  const entries = await openEntries(db, visibilityFor(actor));
  const today = await practiceToday(db, now);
  const ranked = rankWaitlist(
    slot,
    entries.map((row) => ({
      row, id: row.id, patientId: row.patient_id, clinicianId: row.clinician_id, appointmentTypeId: row.appointment_type_id, locationId: row.location_id,
      telehealthOk: row.telehealth_ok, preferredTimes: row.preferred_times ?? [], priority: row.priority, addedOn: row.added_on,
    })),
    today,
  ).slice(0, MAX_SUGGESTIONS);
  await auditWaitlist(db, actor, ip, now, {
    action: 'waitlist.suggestions', resourceId: null,
    detail: { appointmentId, count: ranked.length, patientIds: ranked.filter((m) => m.entry.row.visible).map((m) => m.entry.patientId) },
  });
  return {
    slot: {
      appointmentId: a.id, status: a.status, start: a.start_local, end: a.end_local, weekday: a.weekday, timeZone: a.time_zone,
      durationMinutes: a.duration_minutes, telehealth: a.telehealth,
      clinician: { id: a.clinician_id, name: a.clinician_name },
      appointmentType: { id: a.appointment_type_id, name: a.type_name },
      location: { id: a.location_id, name: a.location_name },
    },
    suggestions: ranked.map((m) => ({ entry: toEntry(m.entry.row), reasons: m.reasons })),
  };
}

import type { TOpenSlot, TOpenSlotsRequest } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import { invalid } from '../../../platform/errors.js';
import { findOpenSlots as openSlotsOn, intersect, localDate, localInstant, workingTime, type Interval } from '../domain/availability.js';
import { addDays, instantToLocal } from '../domain/recurrence.js';
import {
  appointmentTypeDuration, busyAppointments, cliniciansWithHours, exceptionsOf, hoursOf, toException, toWeeklyHours, type ClinicianRow,
} from './availability.repo.js';
import { loadPlaces, requireActiveClinician } from './availability-view.js';

const DAY = 86_400_000;

/**
 * The next open slots for one clinician, or for an appointment type across every clinician with
 * working hours: inside working hours (plus extra hours, minus time off), clear of appointments
 * that hold their slot, on a local grid, from `from` (default today) but never before now.
 * Busy time says nothing about whose appointment it is, so no patient data is read.
 */
export async function findOpenSlots(deps: Deps, b: TOpenSlotsRequest): Promise<TOpenSlot[]> {
  const { db } = deps;
  if (!b.clinicianId && !b.appointmentTypeId) throw invalid('clinicianId', 'give a clinician or an appointment type');
  let typeDuration: number | null = null;
  let telehealth = b.telehealth ?? false;
  if (b.appointmentTypeId) {
    const type = await appointmentTypeDuration(db, b.appointmentTypeId);
    if (!type || !type.active) throw invalid('appointmentTypeId', 'is not an active appointment type');
    if (b.telehealth && type.mode === 'in_person') throw invalid('telehealth', 'is not offered for this appointment type');
    if (type.mode === 'telehealth') telehealth = true;
    typeDuration = type.duration_minutes;
  }
  const places = await loadPlaces(db);
  if (b.locationId && !places.byId.get(b.locationId)?.active) throw invalid('locationId', 'is not an active location');
  const clinicians: ClinicianRow[] = b.clinicianId ? [await requireActiveClinician(db, b.clinicianId, 'clinicianId')] : await cliniciansWithHours(db);
  if (!clinicians.length) return [];

  const now = deps.clock.now().getTime();
  const duration = b.durationMinutes ?? typeDuration ?? 60;
  const step = b.stepMinutes ?? 15;
  const limit = b.limit ?? 10;
  const fromDate = b.from ?? localDate(now, places.practiceZone);
  const toDate = addDays(fromDate, (b.weeks ?? 4) * 7 - 1);
  // A generous instant window for the queries; each location's local dates are applied below.
  const winFrom = new Date(Date.parse(`${fromDate}T00:00:00Z`) - 2 * DAY);
  const winTo = new Date(Date.parse(`${toDate}T00:00:00Z`) + 3 * DAY);
  const ids = clinicians.map((c) => c.id);
  const hours = (await hoursOf(db, ids)).map((r) => ({ userId: r.user_id, h: toWeeklyHours(r) }));
  const exceptions = (await exceptionsOf(db, ids, winFrom, winTo)).map((r) => ({ userId: r.user_id, e: toException(r) }));
  const busy = await busyAppointments(db, ids, winFrom, winTo);
  // Telehealth can be held from wherever the clinician is working; in person needs the location.
  const locationFilter = telehealth ? null : (b.locationId ?? null);

  const slots: TOpenSlot[] = [];
  for (const c of clinicians) {
    const working = workingTime({
      hours: hours.filter((x) => x.userId === c.id).map((x) => x.h),
      exceptions: exceptions.filter((x) => x.userId === c.id).map((x) => x.e),
      zoneOf: places.zoneOf,
      fromDate,
      toDate,
      locationId: locationFilter,
    });
    const taken: Interval[] = busy.filter((x) => x.clinicianId === c.id);
    for (const [locationId, available] of working) {
      const tz = places.zoneOf(locationId);
      const range = { start: localInstant(fromDate, '00:00', tz), end: localInstant(addDays(toDate, 1), '00:00', tz) };
      const found = openSlotsOn({ available: intersect(available, [range]), busy: taken, durationMinutes: duration, stepMinutes: step, now, limit, timeZone: tz });
      for (const s of found) {
        slots.push({
          clinicianId: c.id,
          clinicianName: c.name,
          locationId,
          locationName: places.byId.get(locationId)?.name ?? '',
          timeZone: tz,
          start: instantToLocal(new Date(s.start), tz),
          startsAt: new Date(s.start).toISOString(),
          endsAt: new Date(s.end).toISOString(),
          durationMinutes: duration,
        });
      }
    }
  }
  slots.sort((a, b2) => a.startsAt.localeCompare(b2.startsAt) || a.clinicianName.localeCompare(b2.clinicianName) || a.locationName.localeCompare(b2.locationName));
  return slots.slice(0, limit);
}

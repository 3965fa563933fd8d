import type { TConflict } from '@hearth/contracts';
import type { Queryable } from '../../../platform/db/db.js';
import { coveredBy, localDate, overlapsAny, union, workingTime, type Interval } from '../domain/availability.js';
import { exceptionsOf, hoursOf, locations, practiceZone, toException, toWeeklyHours } from './availability.repo.js';

/**
 * Availability conflicts for booking: per interval, a blocking 'time_off' conflict when it overlaps
 * the clinician's time off, and an 'outside_hours' warning when the clinician keeps weekly hours
 * but the interval is not inside their working time at this location (weekly hours plus extra
 * hours). A clinician with no hours at all gets no warning: many practices never enter hours.
 * Runs inside the caller's transaction.
 */
export async function availabilityConflicts(
  q: Queryable,
  clinicianId: string,
  locationId: string,
  intervals: { startsAt: Date; endsAt: Date }[],
): Promise<TConflict[][]> {
  if (!intervals.length) return [];
  const spans: Interval[] = intervals.map((i) => ({ start: i.startsAt.getTime(), end: i.endsAt.getTime() }));
  const from = new Date(Math.min(...spans.map((s) => s.start)));
  const to = new Date(Math.max(...spans.map((s) => s.end)));
  // One query at a time: q may be a transaction's single connection.
  const hourRows = await hoursOf(q, [clinicianId]);
  const exceptionRows = await exceptionsOf(q, [clinicianId], from, to);
  const exceptions = exceptionRows.map(toException);
  const timeOff = union(exceptions.filter((e) => e.kind === 'time_off'));
  const hours = hourRows.map(toWeeklyHours);
  const zones = new Map<string, string>();
  if (hours.length) {
    const fallback = await practiceZone(q);
    for (const l of await locations(q)) zones.set(l.id, l.time_zone);
    if (!zones.has(locationId)) zones.set(locationId, fallback);
  }
  const zoneOf = (id: string) => zones.get(id)!;

  return spans.map((span) => {
    const out: TConflict[] = [];
    if (overlapsAny(span, timeOff)) {
      out.push({ kind: 'time_off', blocking: true, message: 'The clinician has time off at this time.', appointmentId: null });
    }
    if (hours.length) {
      // Hours never cross midnight, so the local dates the interval touches are the only ones to expand.
      const tz = zoneOf(locationId);
      const first = localDate(span.start, tz);
      const last = localDate(span.end - 1, tz);
      const working = workingTime({
        hours,
        // Time off is reported above; here only whether the time lies inside working hours.
        exceptions: exceptions.filter((e) => e.kind === 'extra_hours'),
        zoneOf,
        fromDate: first,
        toDate: last,
        locationId,
      }).get(locationId) ?? [];
      if (!coveredBy(span, working)) {
        out.push({ kind: 'outside_hours', blocking: false, message: "Outside the clinician's working hours at this location.", appointmentId: null });
      }
    }
    return out;
  });
}

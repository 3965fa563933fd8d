import { Temporal } from 'temporal-polyfill';

// Availability as pure interval arithmetic on instants (epoch milliseconds, half-open [start, end)).
// Weekly hours are local wall-clock times, expanded day by day in the location's IANA zone so an
// 09:00-17:00 day stays 09:00-17:00 local across daylight-saving changes. No clock, no database.

export interface Interval {
  start: number;
  end: number;
}

/** One weekly working-hours entry: ISO weekday (1 = Monday), local 'HH:MM' times, optional date range. */
export interface WeeklyHours {
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  /** First and last local dates (inclusive) the entry applies; null = open. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface AvailabilityException {
  kind: 'time_off' | 'extra_hours';
  /** Extra hours belong to a location; time off applies everywhere. */
  locationId: string | null;
  start: number;
  end: number;
}

const MINUTE = 60_000;

/** Sorted, with overlapping and touching intervals merged; empty intervals dropped. */
export function union(...lists: Interval[][]): Interval[] {
  const all = lists.flat().filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of all) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** The parts covered by both lists. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const x = union(a);
  const y = union(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` not covered by `b`. */
export function subtract(a: Interval[], b: Interval[]): Interval[] {
  const cut = union(b);
  const out: Interval[] = [];
  for (const piece of union(a)) {
    let start = piece.start;
    for (const c of cut) {
      if (c.end <= start) continue;
      if (c.start >= piece.end) break;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= piece.end) break;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Does any interval of the list overlap [i.start, i.end)? Touching does not count. */
export function overlapsAny(i: Interval, list: Interval[]): boolean {
  return list.some((x) => x.start < i.end && i.start < x.end);
}

/** Is [i.start, i.end) entirely covered by the (merged) list? */
export function coveredBy(i: Interval, list: Interval[]): boolean {
  return subtract([i], list).length === 0;
}

/** The instant a local date and 'HH:MM' name in a zone; a time skipped by spring-forward moves forward. */
export function localInstant(date: string, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const pdt = Temporal.PlainDate.from(date).toPlainDateTime({ hour: h, minute: m });
  return pdt.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The local date of an instant in a zone, 'YYYY-MM-DD'. */
export function localDate(at: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * Concrete intervals for weekly hours over the local dates fromDate..toDate (inclusive), each
 * entry in the zone its location gives. Entries of one location may touch; they merge later.
 */
export function expandWeeklyHours(
  hours: WeeklyHours[],
  zoneOf: (locationId: string) => string,
  fromDate: string,
  toDate: string,
): (Interval & { locationId: string })[] {
  const out: (Interval & { locationId: string })[] = [];
  const last = Temporal.PlainDate.from(toDate);
  for (let d = Temporal.PlainDate.from(fromDate); Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
    const date = d.toString();
    for (const h of hours) {
      if (h.weekday !== d.dayOfWeek) continue;
      if (h.effectiveFrom && date < h.effectiveFrom) continue;
      if (h.effectiveTo && date > h.effectiveTo) continue;
      const tz = zoneOf(h.locationId);
      const start = localInstant(date, h.start, tz);
      const end = localInstant(date, h.end, tz);
      // Both ends of an entry inside a spring-forward gap move forward alike; never emit an empty or inverted one.
      if (end > start) out.push({ start, end, locationId: h.locationId });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Problems with a weekly schedule, each naming its field ('hours.2.end'): an end not after its
 * start, an effective range that ends before it begins, and two entries on the same weekday whose
 * times overlap while their date ranges overlap. Entries in different zones are not compared:
 * their local times do not name the same instants. Touching entries (09-12, 12-17) are fine.
 */
export function weeklyHoursIssues(hours: WeeklyHours[], zoneOf: (locationId: string) => string): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  hours.forEach((h, i) => {
    if (h.end <= h.start) issues.push({ field: `hours.${i}.end`, message: 'must be after the start' });
    if (h.effectiveFrom && h.effectiveTo && h.effectiveTo < h.effectiveFrom) issues.push({ field: `hours.${i}.effectiveTo`, message: 'must not be before effectiveFrom' });
  });
  if (issues.length) return issues;
  for (let i = 0; i < hours.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = hours[j]!;
      const b = hours[i]!;
      if (a.weekday !== b.weekday || zoneOf(a.locationId) !== zoneOf(b.locationId)) continue;
      const datesOverlap = (a.effectiveFrom ?? '0000') <= (b.effectiveTo ?? '9999') && (b.effectiveFrom ?? '0000') <= (a.effectiveTo ?? '9999');
      if (datesOverlap && a.start < b.end && b.start < a.end) {
        issues.push({ field: `hours.${i}.start`, message: `overlaps entry ${j + 1} on the same weekday` });
        break;
      }
    }
  }
  return issues;
}

export interface WorkingTimeInput {
  hours: WeeklyHours[];
  exceptions: AvailabilityException[];
  zoneOf: (locationId: string) => string;
  /** Local dates, inclusive, in each location's zone. */
  fromDate: string;
  toDate: string;
  /** Only this location's hours (and extra hours); null = every location. */
  locationId: string | null;
}

/** Working time, per location: weekly hours plus extra hours, minus time off. */
export function workingTime(input: WorkingTimeInput): Map<string, Interval[]> {
  const wanted = (loc: string | null) => loc !== null && (input.locationId === null || loc === input.locationId);
  const byLocation = new Map<string, Interval[]>();
  const add = (loc: string, i: Interval) => {
    const list = byLocation.get(loc) ?? [];
    list.push(i);
    byLocation.set(loc, list);
  };
  for (const i of expandWeeklyHours(input.hours.filter((h) => wanted(h.locationId)), input.zoneOf, input.fromDate, input.toDate)) add(i.locationId, i);
  for (const e of input.exceptions) if (e.kind === 'extra_hours' && wanted(e.locationId)) add(e.locationId!, e);
  const off = input.exceptions.filter((e) => e.kind === 'time_off');
  const out = new Map<string, Interval[]>();
  for (const [loc, list] of byLocation) {
    const free = subtract(list, off);
    if (free.length) out.set(loc, free);
  }
  return out;
}

/** The first grid point at or after `at`: local minutes since midnight a multiple of stepMinutes. */
export function alignUp(at: number, stepMinutes: number, timeZone: string): number {
  const zdt = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone).round({ smallestUnit: 'minute', roundingMode: 'ceil' });
  const rem = (zdt.hour * 60 + zdt.minute) % stepMinutes;
  return rem === 0 ? zdt.epochMilliseconds : zdt.add({ minutes: stepMinutes - rem }).epochMilliseconds;
}

export interface OpenSlotQuery {
  /** Working time (already minus time off). */
  available: Interval[];
  /** Appointments that hold their slot, and anything else that blocks. */
  busy: Interval[];
  durationMinutes: number;
  /** Grid step: slots start on local times whose minutes since midnight are a multiple of it. */
  stepMinutes: number;
  /** Slots start at or after this instant. */
  now: number;
  limit: number;
  /** Zone the grid is aligned in. */
  timeZone: string;
}

/** The next `limit` open slots of the duration, on the step grid, inside working time and clear of busy time. */
export function findOpenSlots(q: OpenSlotQuery): Interval[] {
  if (q.limit <= 0 || q.durationMinutes <= 0 || q.stepMinutes <= 0) return [];
  const length = q.durationMinutes * MINUTE;
  const out: Interval[] = [];
  for (const free of subtract(q.available, q.busy)) {
    if (free.end <= q.now) continue;
    let at = alignUp(Math.max(free.start, q.now), q.stepMinutes, q.timeZone);
    while (at + length <= free.end) {
      out.push({ start: at, end: at + length });
      if (out.length >= q.limit) return out;
      // Re-align after each step: a zone whose offset changes by half an hour keeps the local grid.
      at = alignUp(at + q.stepMinutes * MINUTE, q.stepMinutes, q.timeZone);
    }
  }
  return out;
}

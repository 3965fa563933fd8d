import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  alignUp,
  coveredBy,
  expandWeeklyHours,
  findOpenSlots,
  intersect,
  localInstant,
  overlapsAny,
  subtract,
  union,
  weeklyHoursIssues,
  workingTime,
  type Interval,
  type WeeklyHours,
} from './availability.js';

// Property tests run hundreds of cases: generous on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const t = (iso: string) => new Date(iso).getTime();
const iv = (a: string, b: string): Interval => ({ start: t(a), end: t(b) });
const show = (list: Interval[]) => list.map((i) => `${new Date(i.start).toISOString()}/${new Date(i.end).toISOString()}`);
const weekdays = (loc: string, start: string, end: string, days = [1, 2, 3, 4, 5]): WeeklyHours[] =>
  days.map((weekday) => ({ locationId: loc, weekday, start, end, effectiveFrom: null, effectiveTo: null }));
const zones: Record<string, string> = { ny: NY, ny2: NY, berlin: BERLIN, la: 'America/Los_Angeles', kolkata: 'Asia/Kolkata' };
const zoneOf = (id: string) => zones[id]!;

describe('interval helpers', () => {
  it('union merges overlapping and touching intervals and drops empty ones', () => {
    const out = union([iv('2027-01-04T10:00Z', '2027-01-04T11:00Z'), iv('2027-01-04T09:00Z', '2027-01-04T10:00Z')], [
      iv('2027-01-04T10:30Z', '2027-01-04T12:00Z'),
      iv('2027-01-04T14:00Z', '2027-01-04T14:00Z'),
      iv('2027-01-04T15:00Z', '2027-01-04T16:00Z'),
    ]);
    expect(show(out)).toEqual(['2027-01-04T09:00:00.000Z/2027-01-04T12:00:00.000Z', '2027-01-04T15:00:00.000Z/2027-01-04T16:00:00.000Z']);
  });

  it('handles empty inputs', () => {
    const a = [iv('2027-01-04T09:00Z', '2027-01-04T10:00Z')];
    expect(union()).toEqual([]);
    expect(union([], [])).toEqual([]);
    expect(intersect(a, [])).toEqual([]);
    expect(intersect([], a)).toEqual([]);
    expect(subtract([], a)).toEqual([]);
    expect(subtract(a, [])).toEqual(a);
    expect(findOpenSlots({ available: [], busy: [], durationMinutes: 30, stepMinutes: 15, now: 0, limit: 5, timeZone: NY })).toEqual([]);
  });

  it('intersect keeps only common parts; touching is not overlap', () => {
    const a = [iv('2027-01-04T09:00Z', '2027-01-04T12:00Z'), iv('2027-01-04T13:00Z', '2027-01-04T17:00Z')];
    const b = [iv('2027-01-04T11:00Z', '2027-01-04T14:00Z'), iv('2027-01-04T17:00Z', '2027-01-04T18:00Z')];
    expect(show(intersect(a, b))).toEqual(['2027-01-04T11:00:00.000Z/2027-01-04T12:00:00.000Z', '2027-01-04T13:00:00.000Z/2027-01-04T14:00:00.000Z']);
  });

  it('subtract cuts holes, trims ends and removes covered pieces', () => {
    const day = [iv('2027-01-04T09:00Z', '2027-01-04T17:00Z')];
    const out = subtract(day, [
      iv('2027-01-04T08:00Z', '2027-01-04T09:30Z'),
      iv('2027-01-04T12:00Z', '2027-01-04T13:00Z'),
      iv('2027-01-04T12:30Z', '2027-01-04T13:30Z'),
      iv('2027-01-04T16:00Z', '2027-01-04T18:00Z'),
    ]);
    expect(show(out)).toEqual(['2027-01-04T09:30:00.000Z/2027-01-04T12:00:00.000Z', '2027-01-04T13:30:00.000Z/2027-01-04T16:00:00.000Z']);
    expect(subtract(day, [iv('2027-01-04T00:00Z', '2027-01-05T00:00Z')])).toEqual([]);
  });

  it('overlapsAny and coveredBy treat intervals as half-open', () => {
    const list = union([iv('2027-01-04T09:00Z', '2027-01-04T10:00Z'), iv('2027-01-04T10:00Z', '2027-01-04T11:00Z')]);
    expect(overlapsAny(iv('2027-01-04T11:00Z', '2027-01-04T12:00Z'), list)).toBe(false);
    expect(overlapsAny(iv('2027-01-04T10:59Z', '2027-01-04T12:00Z'), list)).toBe(true);
    expect(coveredBy(iv('2027-01-04T09:30Z', '2027-01-04T10:30Z'), list)).toBe(true);
    expect(coveredBy(iv('2027-01-04T10:30Z', '2027-01-04T11:01Z'), list)).toBe(false);
  });

  const arbIntervals = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 200 })).map(([s, l]) => ({ start: s, end: s + l })),
    { maxLength: 12 },
  );
  const covers = (list: Interval[], p: number) => list.some((i) => i.start <= p && p < i.end);

  it('agrees with point-wise set algebra (property)', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        const u = union(a, b);
        const n = intersect(a, b);
        const d = subtract(a, b);
        for (const out of [u, n, d]) {
          for (let k = 1; k < out.length; k++) expect(out[k]!.start).toBeGreaterThan(out[k - 1]!.end);
          for (const i of out) expect(i.end).toBeGreaterThan(i.start);
        }
        for (let p = 0; p <= 1200; p += 7) {
          expect(covers(u, p)).toBe(covers(a, p) || covers(b, p));
          expect(covers(n, p)).toBe(covers(a, p) && covers(b, p));
          expect(covers(d, p)).toBe(covers(a, p) && !covers(b, p));
        }
      }),
    );
  });
});

describe('expandWeeklyHours', () => {
  it('keeps 09:00-17:00 local across the New York spring-forward week', () => {
    // 2027-03-14 (Sunday) is the US change: EST (UTC-5) before, EDT (UTC-4) after.
    const out = expandWeeklyHours(weekdays('ny', '09:00', '17:00'), zoneOf, '2027-03-08', '2027-03-19');
    expect(out).toHaveLength(10);
    expect(show(out.slice(4, 6))).toEqual(['2027-03-12T14:00:00.000Z/2027-03-12T22:00:00.000Z', '2027-03-15T13:00:00.000Z/2027-03-15T21:00:00.000Z']);
    for (const i of out) expect(i.end - i.start).toBe(8 * 3600_000);
  });

  it('keeps 09:00-17:00 local across the New York fall-back week', () => {
    const out = expandWeeklyHours(weekdays('ny', '09:00', '17:00'), zoneOf, '2027-11-05', '2027-11-08');
    expect(show(out)).toEqual(['2027-11-05T13:00:00.000Z/2027-11-05T21:00:00.000Z', '2027-11-08T14:00:00.000Z/2027-11-08T22:00:00.000Z']);
  });

  it('gives the real length of hours that span the change itself', () => {
    const night = [{ locationId: 'ny', weekday: 7, start: '01:00', end: '04:00', effectiveFrom: null, effectiveTo: null }];
    const spring = expandWeeklyHours(night, zoneOf, '2027-03-14', '2027-03-14');
    const fall = expandWeeklyHours(night, zoneOf, '2027-11-07', '2027-11-07');
    expect(show(spring)).toEqual(['2027-03-14T06:00:00.000Z/2027-03-14T08:00:00.000Z']);
    expect(show(fall)).toEqual(['2027-11-07T05:00:00.000Z/2027-11-07T09:00:00.000Z']);
  });

  it('moves a start inside the spring-forward gap forward', () => {
    expect(new Date(localInstant('2027-03-14', '02:30', NY)).toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });

  it('follows Europe/Berlin, whose change falls on other dates than the US one', () => {
    // Berlin moves to CEST on 2027-03-28; between 2027-03-14 and 03-28 New York is 5 hours behind, not 6.
    const hours = [...weekdays('berlin', '08:00', '12:00', [1]), ...weekdays('ny', '08:00', '12:00', [1])];
    const out = expandWeeklyHours(hours, zoneOf, '2027-03-08', '2027-04-05');
    const berlin = out.filter((i) => i.locationId === 'berlin').map((i) => new Date(i.start).toISOString());
    expect(berlin).toEqual(['2027-03-08T07:00:00.000Z', '2027-03-15T07:00:00.000Z', '2027-03-22T07:00:00.000Z', '2027-03-29T06:00:00.000Z', '2027-04-05T06:00:00.000Z']);
    const gaps = out.filter((i) => i.locationId === 'ny').map((i, k) => (i.start - t(berlin[k]!)) / 3600_000);
    expect(gaps).toEqual([6, 5, 5, 6, 6]);
  });

  it('respects effective dates and weekday', () => {
    const hours: WeeklyHours[] = [
      { locationId: 'ny', weekday: 2, start: '09:00', end: '12:00', effectiveFrom: '2027-01-12', effectiveTo: '2027-01-19' },
      { locationId: 'ny', weekday: 3, start: '13:00', end: '15:00', effectiveFrom: null, effectiveTo: '2027-01-06' },
    ];
    const out = expandWeeklyHours(hours, zoneOf, '2027-01-01', '2027-01-31');
    expect(out.map((i) => new Date(i.start).toISOString())).toEqual(['2027-01-06T18:00:00.000Z', '2027-01-12T14:00:00.000Z', '2027-01-19T14:00:00.000Z']);
  });

  it('returns nothing for an empty range or no hours', () => {
    expect(expandWeeklyHours(weekdays('ny', '09:00', '17:00'), zoneOf, '2027-01-08', '2027-01-07')).toEqual([]);
    expect(expandWeeklyHours([], zoneOf, '2027-01-01', '2027-01-31')).toEqual([]);
  });
});

describe('workingTime', () => {
  const base = { zoneOf, fromDate: '2027-01-04', toDate: '2027-01-05' };

  it('merges adjacent entries, subtracts time off everywhere and adds extra hours at their location', () => {
    const hours = [...weekdays('ny', '09:00', '12:00', [1]), ...weekdays('ny', '12:00', '17:00', [1]), ...weekdays('la', '09:00', '17:00', [2])];
    const result = workingTime({
      ...base,
      hours,
      locationId: null,
      exceptions: [
        { kind: 'time_off', locationId: null, ...iv('2027-01-04T17:00Z', '2027-01-04T18:00Z') },
        { kind: 'time_off', locationId: null, ...iv('2027-01-05T17:00Z', '2027-01-05T19:00Z') },
        { kind: 'extra_hours', locationId: 'ny', ...iv('2027-01-04T22:00Z', '2027-01-05T00:00Z') },
      ],
    });
    expect(show(result.get('ny')!)).toEqual([
      '2027-01-04T14:00:00.000Z/2027-01-04T17:00:00.000Z',
      '2027-01-04T18:00:00.000Z/2027-01-05T00:00:00.000Z',
    ]);
    expect(show(result.get('la')!)).toEqual(['2027-01-05T19:00:00.000Z/2027-01-06T01:00:00.000Z']);
  });

  it('filters by location and leaves out a location whose whole day is off', () => {
    const hours = [...weekdays('ny', '09:00', '17:00', [1]), ...weekdays('la', '09:00', '17:00', [1])];
    const off = [{ kind: 'time_off' as const, locationId: null, ...iv('2027-01-04T00:00Z', '2027-01-05T00:00Z') }];
    expect([...workingTime({ ...base, hours, exceptions: off, locationId: 'ny' }).keys()]).toEqual([]);
    expect([...workingTime({ ...base, hours, exceptions: [], locationId: 'la' }).keys()]).toEqual(['la']);
  });
});

describe('findOpenSlots', () => {
  const day = [iv('2027-01-04T14:00Z', '2027-01-04T22:00Z')]; // 09:00-17:00 in New York
  const q = { available: day, busy: [] as Interval[], durationMinutes: 50, stepMinutes: 15, now: t('2027-01-01T00:00Z'), limit: 4, timeZone: NY };

  it('returns slots on the grid from the start of working time', () => {
    expect(findOpenSlots(q).map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-01-04T14:00:00.000Z', '2027-01-04T14:15:00.000Z', '2027-01-04T14:30:00.000Z', '2027-01-04T14:45:00.000Z',
    ]);
    expect(findOpenSlots(q).every((s) => s.end - s.start === 50 * 60_000)).toBe(true);
  });

  it('starts after now, rounded up to the grid', () => {
    const out = findOpenSlots({ ...q, now: t('2027-01-04T15:07:30Z'), limit: 2 });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual(['2027-01-04T15:15:00.000Z', '2027-01-04T15:30:00.000Z']);
  });

  it('avoids busy time, allowing slots that touch it', () => {
    const busy = [iv('2027-01-04T14:50Z', '2027-01-04T20:00Z')];
    const out = findOpenSlots({ ...q, busy, limit: 10, durationMinutes: 60 });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-01-04T20:00:00.000Z', '2027-01-04T20:15:00.000Z', '2027-01-04T20:30:00.000Z', '2027-01-04T20:45:00.000Z', '2027-01-04T21:00:00.000Z',
    ]);
    for (const s of out) expect(overlapsAny(s, busy)).toBe(false);
  });

  it('aligns working time that starts off the grid to the next grid point', () => {
    const out = findOpenSlots({ ...q, available: [iv('2027-01-04T14:10Z', '2027-01-04T15:30Z')], durationMinutes: 60, limit: 5 });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual(['2027-01-04T14:15:00.000Z', '2027-01-04T14:30:00.000Z']);
  });

  it('finds nothing when no gap is long enough, and respects the limit', () => {
    expect(findOpenSlots({ ...q, durationMinutes: 9 * 60 })).toEqual([]);
    expect(findOpenSlots({ ...q, limit: 0 })).toEqual([]);
    expect(findOpenSlots({ ...q, limit: 100, stepMinutes: 60, durationMinutes: 60 })).toHaveLength(8);
  });

  it('aligns the grid to local hours in a half-hour-offset zone', () => {
    // Asia/Kolkata is UTC+05:30: local 10:00 is 04:30Z.
    const out = findOpenSlots({ ...q, available: [iv('2027-01-04T04:00Z', '2027-01-04T08:00Z')], stepMinutes: 60, durationMinutes: 45, timeZone: 'Asia/Kolkata' });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-01-04T04:30:00.000Z', '2027-01-04T05:30:00.000Z', '2027-01-04T06:30:00.000Z',
    ]);
  });

  it('offers 09:00 local on both sides of the New York spring-forward change', () => {
    const avail = workingTime({ hours: weekdays('ny', '09:00', '10:00', [5, 1]), exceptions: [], zoneOf, fromDate: '2027-03-12', toDate: '2027-03-15', locationId: 'ny' }).get('ny')!;
    const out = findOpenSlots({ ...q, available: avail, stepMinutes: 60, durationMinutes: 60, limit: 5 });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual(['2027-03-12T14:00:00.000Z', '2027-03-15T13:00:00.000Z']);
  });

  it('steps across the fall-back hour without duplicating or skipping a slot', () => {
    // 00:00-04:00 local on 2027-11-07 is five real hours: 01:00-02:00 happens twice.
    const avail = [{ start: localInstant('2027-11-07', '00:00', NY), end: localInstant('2027-11-07', '04:00', NY) }];
    const out = findOpenSlots({ ...q, available: avail, stepMinutes: 60, durationMinutes: 60, limit: 10 });
    expect(out.map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-11-07T04:00:00.000Z', '2027-11-07T05:00:00.000Z', '2027-11-07T06:00:00.000Z', '2027-11-07T07:00:00.000Z', '2027-11-07T08:00:00.000Z',
    ]);
  });

  it('never returns a slot outside working time, inside busy time, before now or off the grid (property)', () => {
    const base = t('2027-03-10T00:00Z');
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.integer({ min: 0, max: 600 })), { maxLength: 8 });
    fc.assert(
      fc.property(arb, arb, fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.constantFrom(5, 10, 15, 30, 60), fc.integer({ min: 5, max: 120 }), (a, b, nowMin, step, duration) => {
        const toIv = ([s, l]: [number, number]) => ({ start: base + s * 60_000, end: base + (s + l) * 60_000 });
        const available = a.map(toIv);
        const busy = b.map(toIv);
        const now = base + nowMin * 60_000;
        const out = findOpenSlots({ available, busy, durationMinutes: duration, stepMinutes: step, now, limit: 30, timeZone: NY });
        const free = subtract(available, busy);
        for (let k = 0; k < out.length; k++) {
          const s = out[k]!;
          expect(s.start).toBeGreaterThanOrEqual(now);
          expect(coveredBy(s, free)).toBe(true);
          expect(alignUp(s.start, step, NY)).toBe(s.start);
          if (k) expect(s.start).toBeGreaterThan(out[k - 1]!.start);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('weeklyHoursIssues', () => {
  const h = (o: Partial<WeeklyHours>): WeeklyHours => ({ locationId: 'ny', weekday: 1, start: '09:00', end: '12:00', effectiveFrom: null, effectiveTo: null, ...o });

  it('accepts an empty schedule and touching entries', () => {
    expect(weeklyHoursIssues([], zoneOf)).toEqual([]);
    expect(weeklyHoursIssues([h({}), h({ start: '12:00', end: '17:00' }), h({ weekday: 2, start: '10:00', end: '11:00' })], zoneOf)).toEqual([]);
  });

  it('names an end not after its start, and an effective range ending before it begins', () => {
    expect(weeklyHoursIssues([h({}), h({ weekday: 3, start: '14:00', end: '14:00' })], zoneOf)).toEqual([{ field: 'hours.1.end', message: 'must be after the start' }]);
    expect(weeklyHoursIssues([h({ effectiveFrom: '2027-02-01', effectiveTo: '2027-01-31' })], zoneOf)).toEqual([{ field: 'hours.0.effectiveTo', message: 'must not be before effectiveFrom' }]);
  });

  it('names the later of two overlapping entries on the same weekday, even at another location in the same zone', () => {
    expect(weeklyHoursIssues([h({}), h({ weekday: 2 }), h({ locationId: 'ny2', start: '11:00', end: '13:00' })], zoneOf)).toEqual([
      { field: 'hours.2.start', message: 'overlaps entry 1 on the same weekday' },
    ]);
  });

  it('allows the same times when the effective date ranges do not overlap, or the zones differ', () => {
    const spring = h({ effectiveTo: '2027-03-31' });
    const summer = h({ effectiveFrom: '2027-04-01' });
    expect(weeklyHoursIssues([spring, summer], zoneOf)).toEqual([]);
    expect(weeklyHoursIssues([h({ effectiveFrom: '2027-03-31' }), spring], zoneOf)).toHaveLength(1);
    expect(weeklyHoursIssues([h({}), h({ locationId: 'berlin' })], zoneOf)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../../../platform/errors.js';
import {
  addDays,
  assertTimeZone,
  daysBetween,
  describeRule,
  expandLocal,
  formatRule,
  instantToLocal,
  lastOccurrenceDate,
  localToInstant,
  parseLocal,
  parseRule,
  ruleIssues,
  type ParsedRule,
} from './recurrence.js';

// Recurrence expands in local wall-clock time and then places each occurrence in its zone. These
// tests hold it to an independent oracle (plain calendar arithmetic with Temporal) and check the
// daylight-saving cases by hand: both US changes, a European zone and a southern-hemisphere one.

// Property tests run hundreds of expansions: generous on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney'] as const;
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const date = (local: string) => local.slice(0, 10);
const time = (local: string) => local.slice(11, 16);

/** The oracle: local starts of a weekly rule, walking the calendar day by day (plain day numbers, no library). */
function weeklyOracle(start: string, interval: number, weekdays: number[], count: number): string[] {
  const dayNo = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const wd = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;
  const first = dayNo(date(start));
  const firstMonday = first - (wd(first) - 1);
  const days = weekdays.length ? weekdays : [wd(first)];
  const out: string[] = [];
  for (let n = first; out.length < count; n++) {
    const week = (n - (wd(n) - 1) - firstMonday) / 7;
    if (week % interval === 0 && days.includes(wd(n))) out.push(`${iso(n)}T${time(start)}`);
  }
  return out;
}

const arbStartDate = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2026-01-01', n));
const arbTime = fc.tuple(fc.integer({ min: 6, max: 21 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const arbWeekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 0, maxLength: 4 }).map((a) => a.sort((x, y) => x - y));
const byday = (days: number[]) => (days.length ? `;BYDAY=${days.map((d) => CODES[d - 1]).join(',')}` : '');

function fieldOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('validation');
    return e.issues[0]?.field ?? null;
  }
}

describe('weekly series across daylight saving', () => {
  it.each([
    ['America/New_York', 20, 19],
    ['America/Los_Angeles', 23, 22],
  ])('keeps a Tuesday 15:00 session at 15:00 all year in %s (both US changes)', (tz, winterUtc, summerUtc) => {
    const occ = expandLocal(parseRule('FREQ=WEEKLY;BYDAY=TU'), '2027-01-05T15:00', '2027-01-01', '2027-12-31');
    expect(occ).toHaveLength(52);
    expect(new Set(occ).size).toBe(52);
    const instants = occ.map((o) => localToInstant(o, tz));
    for (let k = 0; k < occ.length; k++) {
      expect(time(occ[k]!)).toBe('15:00');
      expect(instantToLocal(instants[k]!, tz)).toBe(occ[k]);
      if (k) expect(daysBetween(date(occ[k - 1]!), date(occ[k]!))).toBe(7);
    }
    // The week before and after each US change (2027-03-14 and 2027-11-07).
    const utcHour = (local: string) => localToInstant(local, tz).getUTCHours();
    expect([utcHour('2027-03-09T15:00'), utcHour('2027-03-16T15:00')]).toEqual([winterUtc, summerUtc]);
    expect([utcHour('2027-11-02T15:00'), utcHour('2027-11-09T15:00')]).toEqual([summerUtc, winterUtc]);
    expect(occ).toContain('2027-03-16T15:00');
    expect(occ).toContain('2027-11-09T15:00');
  });

  it('keeps 15:00 in Europe/London and Australia/Sydney, whose changes fall on other dates', () => {
    const occ = expandLocal(parseRule('FREQ=WEEKLY;BYDAY=MO'), '2027-01-04T15:00', '2027-01-01', '2027-12-31');
    expect(occ).toHaveLength(52);
    const london = occ.map((o) => localToInstant(o, 'Europe/London').getUTCHours());
    const sydney = occ.map((o) => localToInstant(o, 'Australia/Sydney').getUTCHours());
    // London: GMT until 2027-03-28, BST until 2027-10-31. Sydney: AEDT until 2027-04-04, AEST until 2027-10-03.
    expect(london[occ.indexOf('2027-03-22T15:00')]).toBe(15);
    expect(london[occ.indexOf('2027-03-29T15:00')]).toBe(14);
    expect(london[occ.indexOf('2027-10-25T15:00')]).toBe(14);
    expect(london[occ.indexOf('2027-11-01T15:00')]).toBe(15);
    expect(sydney[occ.indexOf('2027-03-29T15:00')]).toBe(4);
    expect(sydney[occ.indexOf('2027-04-05T15:00')]).toBe(5);
    expect(sydney[occ.indexOf('2027-09-27T15:00')]).toBe(5);
    expect(sydney[occ.indexOf('2027-10-04T15:00')]).toBe(4);
    for (const o of occ) {
      expect(instantToLocal(localToInstant(o, 'Europe/London'), 'Europe/London')).toBe(o);
      expect(instantToLocal(localToInstant(o, 'Australia/Sydney'), 'Australia/Sydney')).toBe(o);
    }
  });

  it('matches the calendar oracle: no occurrence lost or duplicated, local time constant, in every zone (property)', () => {
    fc.assert(
      fc.property(arbStartDate, arbTime, fc.integer({ min: 1, max: 4 }), arbWeekdays, fc.integer({ min: 1, max: 80 }), fc.constantFrom(...ZONES), (d, hm, interval, days, count, tz) => {
        const start = `${d}T${hm}`;
        const rule = parseRule(`FREQ=WEEKLY;INTERVAL=${interval}${byday(days)};COUNT=${count}`);
        // Wide enough for every count: at most one occurrence per `interval` weeks.
        const occ = expandLocal(rule, start, d, addDays(d, count * interval * 7 + 7));
        expect(occ).toEqual(weeklyOracle(start, interval, days, count));
        const instants = occ.map((o) => localToInstant(o, tz).getTime());
        for (let k = 0; k < occ.length; k++) {
          expect(time(occ[k]!)).toBe(hm);
          // 06:00-21:45 is never inside a change in these zones: every local time round-trips.
          expect(instantToLocal(new Date(instants[k]!), tz)).toBe(occ[k]);
          if (k) {
            expect(instants[k]!).toBeGreaterThan(instants[k - 1]!);
            // Real elapsed time differs from whole local days by at most the one-hour change.
            const drift = instants[k]! - instants[k - 1]! - daysBetween(date(occ[k - 1]!), date(occ[k]!)) * 86_400_000;
            expect(Math.abs(drift)).toBeLessThanOrEqual(3_600_000);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('splits cleanly at any window boundary: the rolling horizon neither loses nor repeats one (property)', () => {
    fc.assert(
      fc.property(arbStartDate, arbTime, fc.integer({ min: 1, max: 3 }), arbWeekdays, fc.integer({ min: 0, max: 400 }), (d, hm, interval, days, cut) => {
        const rule = parseRule(`FREQ=WEEKLY;INTERVAL=${interval}${byday(days)}`);
        const start = `${d}T${hm}`;
        const end = addDays(d, 400);
        const mid = addDays(d, cut);
        const whole = expandLocal(rule, start, d, end);
        const parts = [...expandLocal(rule, start, d, mid), ...expandLocal(rule, start, addDays(mid, 1), end)];
        expect(parts).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});

describe('every N weeks', () => {
  it('spaces a single-weekday rule exactly N*7 local days apart (property)', () => {
    fc.assert(
      fc.property(arbStartDate, arbTime, fc.integer({ min: 1, max: 8 }), fc.constantFrom(...ZONES), (d, hm, n, tz) => {
        const occ = expandLocal(parseRule(`FREQ=WEEKLY;INTERVAL=${n}`), `${d}T${hm}`, d, addDays(d, 2 * 366));
        expect(occ[0]).toBe(`${d}T${hm}`);
        expect(occ.length).toBe(Math.floor((2 * 366) / (n * 7)) + 1);
        for (let k = 1; k < occ.length; k++) {
          expect(daysBetween(date(occ[k - 1]!), date(occ[k]!))).toBe(n * 7);
          expect(time(occ[k]!)).toBe(hm);
          expect(instantToLocal(localToInstant(occ[k]!, tz), tz)).toBe(occ[k]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('books every other week on Tuesday and Thursday in the same weeks', () => {
    const occ = expandLocal(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6'), '2027-03-02T15:00', '2027-01-01', '2027-12-31');
    expect(occ).toEqual(['2027-03-02T15:00', '2027-03-04T15:00', '2027-03-16T15:00', '2027-03-18T15:00', '2027-03-30T15:00', '2027-04-01T15:00']);
  });
});

describe('COUNT and UNTIL', () => {
  it('COUNT gives exactly count occurrences, and the last date agrees (property)', () => {
    fc.assert(
      fc.property(arbStartDate, fc.integer({ min: 1, max: 3 }), arbWeekdays, fc.integer({ min: 1, max: 200 }), (d, interval, days, count) => {
        const rule = parseRule(`FREQ=WEEKLY;INTERVAL=${interval}${byday(days)};COUNT=${count}`);
        const occ = expandLocal(rule, `${d}T10:00`, addDays(d, -30), addDays(d, count * interval * 7 + 7));
        expect(occ).toHaveLength(count);
        expect(new Set(occ).size).toBe(count);
        expect(lastOccurrenceDate(rule, `${d}T10:00`)).toBe(date(occ.at(-1)!));
      }),
      { numRuns: 100 },
    );
  });

  it('UNTIL includes its whole local day, even for a late-evening session', () => {
    const occ = expandLocal(parseRule('FREQ=WEEKLY;UNTIL=20270316'), '2027-03-02T23:30', '2027-01-01', '2027-12-31');
    expect(occ).toEqual(['2027-03-02T23:30', '2027-03-09T23:30', '2027-03-16T23:30']);
    // A UTC-style UNTIL with a time still means that local date.
    expect(expandLocal(parseRule('FREQ=WEEKLY;UNTIL=20270316T000000Z'), '2027-03-02T23:30', '2027-01-01', '2027-12-31')).toHaveLength(3);
    expect(lastOccurrenceDate(parseRule('FREQ=WEEKLY;UNTIL=20270316'), '2027-03-02T23:30')).toBe('2027-03-16');
  });

  it('UNTIL keeps exactly the occurrences on or before its date (property)', () => {
    fc.assert(
      fc.property(arbStartDate, arbTime, arbWeekdays, fc.integer({ min: 0, max: 500 }), (d, hm, days, span) => {
        const until = addDays(d, span);
        const open = expandLocal(parseRule(`FREQ=WEEKLY${byday(days)}`), `${d}T${hm}`, d, addDays(d, 520));
        const bounded = expandLocal(parseRule(`FREQ=WEEKLY${byday(days)};UNTIL=${until.replaceAll('-', '')}`), `${d}T${hm}`, d, addDays(d, 520));
        expect(bounded).toEqual(open.filter((o) => date(o) <= until));
      }),
      { numRuns: 100 },
    );
  });

  it('has no last date when the rule never ends', () => {
    expect(lastOccurrenceDate(parseRule('FREQ=WEEKLY;BYDAY=MO'), '2027-01-04T09:00')).toBeNull();
  });
});

describe('monthly by weekday', () => {
  const daysInMonth = (d: string) => Temporal.PlainDate.from(d).daysInMonth;

  it('2nd Tuesday and last Friday, written both ways', () => {
    const second = expandLocal(parseRule('FREQ=MONTHLY;BYDAY=2TU'), '2027-01-12T15:00', '2027-01-01', '2027-06-30');
    expect(second).toEqual(['2027-01-12T15:00', '2027-02-09T15:00', '2027-03-09T15:00', '2027-04-13T15:00', '2027-05-11T15:00', '2027-06-08T15:00']);
    expect(expandLocal(parseRule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2'), '2027-01-12T15:00', '2027-01-01', '2027-06-30')).toEqual(second);
    const last = expandLocal(parseRule('FREQ=MONTHLY;BYDAY=-1FR'), '2027-01-29T15:00', '2027-01-01', '2027-06-30');
    expect(last).toEqual(['2027-01-29T15:00', '2027-02-26T15:00', '2027-03-26T15:00', '2027-04-30T15:00', '2027-05-28T15:00', '2027-06-25T15:00']);
    expect(expandLocal(parseRule('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1'), '2027-01-29T15:00', '2027-01-01', '2027-06-30')).toEqual(last);
  });

  it('lands on the right weekday of every month for years (property)', () => {
    fc.assert(
      fc.property(arbStartDate, fc.constantFrom(1, 2, 3, 4, -1), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 3 }), (d, nth, wd, interval) => {
        const rule = parseRule(`FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${nth}${CODES[wd - 1]}`);
        const occ = expandLocal(rule, `${d}T15:00`, d, addDays(d, 3 * 366));
        expect(occ.length).toBeGreaterThanOrEqual(Math.floor(36 / interval) - 1);
        let prevMonth: Temporal.PlainYearMonth | null = null;
        for (const o of occ) {
          const day = Temporal.PlainDate.from(date(o));
          expect(day.dayOfWeek).toBe(wd);
          if (nth > 0) expect(Math.ceil(day.day / 7)).toBe(nth);
          else expect(day.day + 7).toBeGreaterThan(daysInMonth(date(o)));
          expect(time(o)).toBe('15:00');
          const ym = day.toPlainYearMonth();
          if (prevMonth) expect(prevMonth.until(ym, { largestUnit: 'months' }).months).toBe(interval);
          prevMonth = ym;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('rule validation', () => {
  it.each([
    '',
    'RRULE:',
    'FREQ=YEARLY',
    'FREQ=HOURLY',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;INTERVAL=-1',
    'FREQ=WEEKLY;INTERVAL=1.5',
    'FREQ=WEEKLY;INTERVAL=53',
    'FREQ=WEEKLY;COUNT=0',
    'FREQ=WEEKLY;COUNT=1001',
    'FREQ=WEEKLY;COUNT=3;UNTIL=20270101',
    'FREQ=WEEKLY;UNTIL=2027-01-01',
    'FREQ=WEEKLY;UNTIL=20270230',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;BYDAY=2TU',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;BYDAY=5TU',
    'FREQ=MONTHLY;BYDAY=2TU,3TH',
    'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2',
    'FREQ=DAILY;BYDAY=MO',
    'FREQ=WEEKLY;BYMONTHDAY=1',
    'FREQ=WEEKLY;FREQ=DAILY',
    'FREQ=WEEKLY;INTERVAL',
    'FREQ=WEEKLY;X=1=2',
    'DTSTART:20270101T090000Z',
    // Weeks start on Monday; another week start would change every-N-weeks rules with several days.
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU',
  ])('rejects %j with a field error on recurrence', (text) => {
    expect(fieldOf(() => parseRule(text))).toBe('recurrence');
    expect(ruleIssues(text)[0]?.field).toBe('recurrence');
  });

  it('accepts the supported forms, case-insensitively and with an RRULE: prefix', () => {
    expect(parseRule('rrule:freq=weekly;interval=2;byday=th,tu')).toEqual({ freq: 'WEEKLY', interval: 2, weekdays: [2, 4], monthlyNth: null, untilDate: null, count: null });
    expect(parseRule('FREQ=DAILY;COUNT=10').count).toBe(10);
    expect(ruleIssues('FREQ=WEEKLY;BYDAY=MO')).toEqual([]);
    expect(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO').weekdays).toEqual([1, 7]);
  });

  it('counts every-N-weeks from Monday-start weeks: Sunday and the next Monday are in different weeks', () => {
    // RFC 5545 with WKST=MO: the week of 2026-12-28 holds Sunday 2027-01-03; Monday 2027-01-04 starts an off week.
    const occ = expandLocal(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;COUNT=4'), '2027-01-03T15:00', '2027-01-01', '2027-03-01');
    expect(occ).toEqual(['2027-01-03T15:00', '2027-01-11T15:00', '2027-01-17T15:00', '2027-01-25T15:00']);
  });

  it('any text either parses or fails with a field error on recurrence, never anything else (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=DAILY', 'INTERVAL=2', 'BYDAY=MO,TU', 'BYDAY=-1FR', 'BYSETPOS=2', 'COUNT=5', 'UNTIL=20270101', 'WKST=MO'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (parts) => {
        const text = parts.join(';');
        const field = fieldOf(() => parseRule(text));
        if (field === null) {
          // What parses is stored in canonical form, and the canonical form parses to the same rule.
          const rule = parseRule(text);
          expect(parseRule(formatRule(rule))).toEqual(rule);
        } else expect(field).toBe('recurrence');
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips canonical text for generated rules (property)', () => {
    const arbRule: fc.Arbitrary<ParsedRule> = fc.oneof(
      fc.record({ freq: fc.constant('WEEKLY' as const), interval: fc.integer({ min: 1, max: 52 }), weekdays: arbWeekdays, monthlyNth: fc.constant(null) }),
      fc.record({ freq: fc.constant('DAILY' as const), interval: fc.integer({ min: 1, max: 52 }), weekdays: fc.constant([] as number[]), monthlyNth: fc.constant(null) }),
      fc.record({
        freq: fc.constant('MONTHLY' as const),
        interval: fc.integer({ min: 1, max: 12 }),
        weekdays: fc.constant([] as number[]),
        monthlyNth: fc.record({ nth: fc.constantFrom(1, 2, 3, 4, -1), weekday: fc.integer({ min: 1, max: 7 }) }),
      }),
    ).chain((r) =>
      fc.oneof(
        fc.constant({ ...r, untilDate: null, count: null }),
        fc.integer({ min: 1, max: 1000 }).map((count) => ({ ...r, untilDate: null, count })),
        arbStartDate.map((untilDate) => ({ ...r, untilDate, count: null })),
      ),
    );
    fc.assert(
      fc.property(arbRule, (r) => {
        expect(parseRule(formatRule(r))).toEqual(r);
      }),
    );
  });

  it('describes a rule in plain words', () => {
    expect(describeRule(parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'), '2027-01-05T15:00')).toBe('every 2 weeks on Tuesday at 3:00 PM');
  });
});

describe('time zones and local times', () => {
  it.each(['Mars/Olympus_Mons', 'America/Chicag', 'Not a zone', ''])('rejects the unknown zone %j naming the field', (tz) => {
    expect(fieldOf(() => assertTimeZone(tz))).toBe('timeZone');
    expect(fieldOf(() => assertTimeZone(tz, 'location.timeZone'))).toBe('location.timeZone');
  });

  it('accepts real zones', () => {
    for (const tz of [...ZONES, 'UTC', 'Asia/Kolkata', 'Pacific/Chatham']) expect(fieldOf(() => assertTimeZone(tz))).toBeNull();
  });

  it('moves a spring-forward gap time (02:30) forward by the gap', () => {
    // 2027-03-14 02:30 does not exist in New York: it becomes 03:30 EDT.
    const at = localToInstant('2027-03-14T02:30', 'America/New_York');
    expect(at.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(instantToLocal(at, 'America/New_York')).toBe('2027-03-14T03:30');
    // Same in Europe/London on 2027-03-28 (01:30 is skipped there).
    expect(instantToLocal(localToInstant('2027-03-28T01:30', 'Europe/London'), 'Europe/London')).toBe('2027-03-28T02:30');
  });

  it('keeps a weekly 02:30 series: only the gap day moves, the next week is back at 02:30', () => {
    const tz = 'America/New_York';
    const occ = expandLocal(parseRule('FREQ=WEEKLY;BYDAY=SU;COUNT=3'), '2027-03-07T02:30', '2027-03-01', '2027-03-31');
    expect(occ).toEqual(['2027-03-07T02:30', '2027-03-14T02:30', '2027-03-21T02:30']);
    expect(occ.map((o) => instantToLocal(localToInstant(o, tz), tz))).toEqual(['2027-03-07T02:30', '2027-03-14T03:30', '2027-03-21T02:30']);
  });

  it('places a fall-back repeated time (01:30) at its first occurrence', () => {
    expect(localToInstant('2027-11-07T01:30', 'America/New_York').toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('rejects malformed or impossible local times naming the field', () => {
    for (const bad of ['2027-02-30T10:00', '2027-01-01T24:00', '2027-01-01 10:00', '2027-1-1T10:00', '2027-01-01T10:00:30']) {
      expect(fieldOf(() => parseLocal(bad))).toBe('start');
    }
    expect(fieldOf(() => expandLocal(parseRule('FREQ=WEEKLY'), 'tomorrow', '2027-01-01', '2027-02-01'))).toBe('start');
  });

  it('returns nothing for a window that ends before it starts', () => {
    expect(expandLocal(parseRule('FREQ=DAILY'), '2027-01-01T09:00', '2027-02-01', '2027-01-01')).toEqual([]);
  });
});

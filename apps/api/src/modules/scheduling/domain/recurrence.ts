import rrulePkg from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { DomainError, type FieldIssue } from '../../../platform/errors.js';

const { RRule, Frequency } = rrulePkg;
type RRuleOptions = ConstructorParameters<typeof RRule>[0] & {};

// Recurrence is expanded in local wall-clock time, then each occurrence is placed in its IANA time
// zone. rrule does its arithmetic in UTC, so we hand it "floating" times (local wall-clock encoded as
// UTC) and convert afterwards: a 3 pm session stays at 3 pm across daylight-saving changes.

/** A local wall-clock time, 'YYYY-MM-DDTHH:MM' (seconds allowed but always zero here). */
export type LocalDateTime = string;

export interface ParsedRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** ISO weekdays 1 (Mon) .. 7 (Sun) for weekly rules. */
  weekdays: number[];
  /** Monthly by weekday: the nth (1..4, or -1 for last) weekday of the month. */
  monthlyNth: { nth: number; weekday: number } | null;
  /** Last local date (inclusive), when the rule has UNTIL. */
  untilDate: string | null;
  count: number | null;
}

const ALLOWED_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'UNTIL', 'COUNT', 'WKST']);
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MAX_COUNT = 1000;

const bad = (message: string, field = 'recurrence'): DomainError => new DomainError('validation', `${field}: ${message}`, [{ field, message }]);

/** Validates an IANA time zone name; throws a field error naming `field` otherwise. */
export function assertTimeZone(tz: string, field = 'timeZone'): void {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(tz);
  } catch {
    throw bad('is not a known IANA time zone (for example America/Chicago)', field);
  }
}

/**
 * Parses the RRULE subset that recurring care needs: daily, weekly (every N weeks, chosen
 * weekdays), monthly by weekday ("second Tuesday"), ending on a date, after a count, or never.
 */
export function parseRule(text: string): ParsedRule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body) throw bad('is empty');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [k, v, ...rest] = part.split('=');
    if (!k || v === undefined || rest.length) throw bad('is not an RFC 5545 rule (KEY=VALUE pairs separated by ;)');
    const key = k.toUpperCase();
    if (!ALLOWED_KEYS.has(key)) throw bad(`${key} is not supported (use FREQ, INTERVAL, BYDAY, BYSETPOS, UNTIL, COUNT)`);
    if (parts.has(key)) throw bad(`${key} appears twice`);
    parts.set(key, v.toUpperCase());
  }
  // Weeks always start on Monday here (toRRule passes wkst MO); another WKST would silently give
  // other dates for every-N-weeks rules with several weekdays, so it is refused rather than ignored.
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') throw bad('WKST must be MO (weeks start on Monday)');
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') throw bad('FREQ must be DAILY, WEEKLY or MONTHLY');
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) throw bad('INTERVAL must be a whole number from 1 to 52');
  if (parts.has('UNTIL') && parts.has('COUNT')) throw bad('UNTIL and COUNT cannot both be given');
  let count: number | null = null;
  if (parts.has('COUNT')) {
    count = Number(parts.get('COUNT'));
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw bad(`COUNT must be a whole number from 1 to ${MAX_COUNT}`);
  }
  let untilDate: string | null = null;
  if (parts.has('UNTIL')) {
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(parts.get('UNTIL')!);
    if (!m) throw bad('UNTIL must be a date such as 20270601');
    untilDate = `${m[1]}-${m[2]}-${m[3]}`;
    try {
      Temporal.PlainDate.from(untilDate, { overflow: 'reject' });
    } catch {
      throw bad('UNTIL is not a real date');
    }
  }
  const weekdays: number[] = [];
  let monthlyNth: ParsedRule['monthlyNth'] = null;
  const byday = parts.get('BYDAY');
  if (byday) {
    for (const d of byday.split(',')) {
      const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      if (!m) throw bad(`BYDAY value ${d.slice(0, 8)} is not a weekday such as TU or 2TU`);
      const wd = DAY_CODES.indexOf(m[2]!) + 1;
      if (m[1]) {
        const nth = Number(m[1]);
        if (freq !== 'MONTHLY' || ![1, 2, 3, 4, -1].includes(nth)) throw bad('an ordinal weekday (such as 2TU) is only for monthly rules: 1 to 4, or -1 for the last');
        if (monthlyNth) throw bad('a monthly rule takes one ordinal weekday');
        monthlyNth = { nth, weekday: wd };
      } else if (!weekdays.includes(wd)) weekdays.push(wd);
    }
  }
  if (parts.has('BYSETPOS')) {
    const pos = Number(parts.get('BYSETPOS'));
    if (freq !== 'MONTHLY' || weekdays.length !== 1 || ![1, 2, 3, 4, -1].includes(pos)) throw bad('BYSETPOS is only for a monthly rule with one weekday: 1 to 4, or -1');
    monthlyNth = { nth: pos, weekday: weekdays.pop()! };
  }
  if (freq === 'MONTHLY' && (!monthlyNth || weekdays.length)) throw bad('a monthly rule needs one weekday with its position, such as BYDAY=2TU');
  if (freq === 'DAILY' && weekdays.length) throw bad('a daily rule takes no BYDAY; use a weekly rule with the weekdays');
  weekdays.sort((a, b) => a - b);
  return { freq, interval, weekdays, monthlyNth, untilDate, count };
}

/** The canonical RRULE text for a parsed rule (what is stored). */
export function formatRule(r: ParsedRule): string {
  const out = [`FREQ=${r.freq}`];
  if (r.interval !== 1) out.push(`INTERVAL=${r.interval}`);
  if (r.weekdays.length) out.push(`BYDAY=${r.weekdays.map((d) => DAY_CODES[d - 1]).join(',')}`);
  if (r.monthlyNth) out.push(`BYDAY=${r.monthlyNth.nth}${DAY_CODES[r.monthlyNth.weekday - 1]}`);
  if (r.untilDate) out.push(`UNTIL=${r.untilDate.replaceAll('-', '')}`);
  if (r.count) out.push(`COUNT=${r.count}`);
  return out.join(';');
}

export function parseLocal(local: string, field = 'start'): Temporal.PlainDateTime {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$/.test(local)) throw bad('must be a local date and time such as 2027-01-05T15:00', field);
  try {
    return Temporal.PlainDateTime.from(local, { overflow: 'reject' });
  } catch {
    throw bad('is not a real date and time', field);
  }
}

const fmtLocal = (p: Temporal.PlainDateTime): LocalDateTime => p.toString({ smallestUnit: 'minute' });
const toFloating = (p: Temporal.PlainDateTime) => new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
const fromFloating = (d: Date) => Temporal.PlainDateTime.from({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() });

function toRRule(rule: ParsedRule, start: Temporal.PlainDateTime): InstanceType<typeof RRule> {
  const opts: RRuleOptions = {
    freq: rule.freq === 'DAILY' ? Frequency.DAILY : rule.freq === 'WEEKLY' ? Frequency.WEEKLY : Frequency.MONTHLY,
    interval: rule.interval,
    dtstart: toFloating(start),
    wkst: RRule.MO,
  };
  const days = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
  if (rule.weekdays.length) opts.byweekday = rule.weekdays.map((d) => days[d - 1]!);
  if (rule.monthlyNth) opts.byweekday = [days[rule.monthlyNth.weekday - 1]!.nth(rule.monthlyNth.nth)];
  // UNTIL is a local date and includes that whole day.
  if (rule.untilDate) opts.until = new Date(`${rule.untilDate}T23:59:59Z`);
  if (rule.count) opts.count = rule.count;
  return new RRule(opts);
}

/**
 * Local start times of the occurrences between two local dates (inclusive), in order. The
 * start itself counts as the first occurrence only when it matches the rule (as RFC 5545 says).
 */
export function expandLocal(rule: ParsedRule, startLocal: LocalDateTime, fromDate: string, throughDate: string): LocalDateTime[] {
  const start = parseLocal(startLocal);
  const from = new Date(`${fromDate}T00:00:00Z`);
  const through = new Date(`${throughDate}T23:59:59Z`);
  if (through < from) return [];
  return toRRule(rule, start).between(from, through, true).map((d) => fmtLocal(fromFloating(d)));
}

/** The local date of the last occurrence of a bounded rule, or null when it never ends. */
export function lastOccurrenceDate(rule: ParsedRule, startLocal: LocalDateTime): string | null {
  if (!rule.untilDate && !rule.count) return null;
  const all = toRRule(rule, parseLocal(startLocal)).all((_, i) => i < MAX_COUNT + 1);
  const last = all.at(-1);
  return last ? fromFloating(last).toPlainDate().toString() : null;
}

/** The instant a local wall-clock time names in a zone. A time skipped by a spring-forward change moves forward by the gap. */
export function localToInstant(local: LocalDateTime, timeZone: string): Date {
  const zdt = parseLocal(local).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zdt.epochMilliseconds);
}

// Calendars convert hundreds of instants per request: a cached Intl formatter per zone is several
// times faster than the Temporal polyfill and gives the same wall-clock time.
const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock time of an instant in a zone. */
export function instantToLocal(at: Date, timeZone: string): LocalDateTime {
  let f = localFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    localFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/** The rule in plain words, for people: "every 2 weeks on Tuesday until June 1, 2027". */
export function describeRule(rule: ParsedRule, startLocal: LocalDateTime): string {
  const start = parseLocal(startLocal);
  const time = new Date(Date.UTC(2000, 0, 1, start.hour, start.minute)).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return `${toRRule(rule, start).toText()} at ${time}`;
}

export function ruleIssues(text: string): FieldIssue[] {
  try {
    parseRule(text);
    return [];
  } catch (e) {
    return e instanceof DomainError ? e.issues : [{ field: 'recurrence', message: 'is invalid' }];
  }
}

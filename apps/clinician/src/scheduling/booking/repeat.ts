// "Repeat" chosen in plain words, turned into the RFC 5545 rule the server expands. The server
// describes the rule back in words (the preview's `description`); this file only builds the rule.
import { isoWeekday, weekdayPosition } from '../time';

export type RepeatPattern = 'none' | 'weekly' | 'biweekly' | 'every_n_weeks' | 'monthly_nth' | 'monthly_last';
export type RepeatEnd = 'never' | 'on' | 'after';

export interface RepeatChoice {
  pattern: RepeatPattern;
  /** For 'every_n_weeks'. */
  everyWeeks: number;
  /** ISO weekdays (1 = Monday ... 7 = Sunday) for the weekly patterns. */
  weekdays: number[];
  end: RepeatEnd;
  /** Last date ('YYYY-MM-DD') when end = 'on'. */
  until: string;
  /** Number of sessions when end = 'after'. */
  count: number;
}

export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th'];

export const NO_REPEAT: RepeatChoice = {
  pattern: 'none',
  everyWeeks: 3,
  weekdays: [],
  end: 'never',
  until: '',
  count: 12,
};

export const isWeeklyPattern = (p: RepeatPattern) => p === 'weekly' || p === 'biweekly' || p === 'every_n_weeks';

/** The options of the "Repeats" select, worded for the first session's date. */
export function repeatOptions(startDate: string): { value: RepeatPattern; label: string }[] {
  const wd = isoWeekday(startDate);
  const name = WEEKDAY_NAMES[wd - 1]!;
  const { nth, isLast } = weekdayPosition(startDate);
  const options: { value: RepeatPattern; label: string }[] = [
    { value: 'none', label: 'Does not repeat' },
    { value: 'weekly', label: 'Weekly' },
    { value: 'biweekly', label: 'Every 2 weeks' },
    { value: 'every_n_weeks', label: 'Every N weeks…' },
  ];
  // "the 5th Tuesday" does not exist in most months: only the 1st to 4th, or the last, repeat monthly.
  if (nth <= 4) options.push({ value: 'monthly_nth', label: `Monthly on the ${ORDINALS[nth]} ${name}` });
  if (isLast) options.push({ value: 'monthly_last', label: `Monthly on the last ${name}` });
  return options;
}

export type RuleProblem = { field: 'weekdays' | 'until' | 'count' | 'everyWeeks'; message: string };

/** Why the choice cannot be turned into a rule yet, or null. */
export function repeatProblem(c: RepeatChoice, startDate: string): RuleProblem | null {
  if (c.pattern === 'none') return null;
  if (c.pattern === 'every_n_weeks' && (!Number.isInteger(c.everyWeeks) || c.everyWeeks < 1 || c.everyWeeks > 52))
    return { field: 'everyWeeks', message: 'Choose a number of weeks from 1 to 52' };
  if (isWeeklyPattern(c.pattern) && c.weekdays.length === 0)
    return { field: 'weekdays', message: 'Choose at least one weekday' };
  if (c.end === 'on') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.until)) return { field: 'until', message: 'Choose the last date' };
    if (c.until < startDate) return { field: 'until', message: 'The last date must be on or after the first session' };
  }
  if (c.end === 'after' && (!Number.isInteger(c.count) || c.count < 1 || c.count > 1000))
    return { field: 'count', message: 'Enter a number of sessions from 1 to 1000' };
  return null;
}

/** The RRULE for the choice (without DTSTART: the start is sent separately), or null for no repeat. */
export function buildRule(c: RepeatChoice, startDate: string): string | null {
  if (c.pattern === 'none' || repeatProblem(c, startDate)) return null;
  const parts: string[] = [];
  if (isWeeklyPattern(c.pattern)) {
    parts.push('FREQ=WEEKLY');
    const interval = c.pattern === 'weekly' ? 1 : c.pattern === 'biweekly' ? 2 : c.everyWeeks;
    if (interval !== 1) parts.push(`INTERVAL=${interval}`);
    const days = [...new Set(c.weekdays)].sort((a, b) => a - b);
    parts.push(`BYDAY=${days.map((d) => DAY_CODES[d - 1]).join(',')}`);
  } else {
    const wd = DAY_CODES[isoWeekday(startDate) - 1];
    const nth = c.pattern === 'monthly_last' ? -1 : weekdayPosition(startDate).nth;
    parts.push('FREQ=MONTHLY', `BYDAY=${nth}${wd}`);
  }
  if (c.end === 'on') parts.push(`UNTIL=${c.until.replaceAll('-', '')}`);
  if (c.end === 'after') parts.push(`COUNT=${c.count}`);
  return parts.join(';');
}

/**
 * Keeps the choice consistent with a new first date: the weekday chips follow the start's weekday
 * when only that one day was chosen, and a monthly pattern that no longer fits falls back.
 */
export function adaptToStart(c: RepeatChoice, prevStart: string, nextStart: string): RepeatChoice {
  let next = c;
  const prevWd = isoWeekday(prevStart);
  const nextWd = isoWeekday(nextStart);
  if (prevWd !== nextWd && (c.weekdays.length === 0 || (c.weekdays.length === 1 && c.weekdays[0] === prevWd)))
    next = { ...next, weekdays: [nextWd] };
  if (!repeatOptions(nextStart).some((o) => o.value === next.pattern)) {
    next = { ...next, pattern: weekdayPosition(nextStart).isLast ? 'monthly_last' : 'monthly_nth' };
    if (!repeatOptions(nextStart).some((o) => o.value === next.pattern)) next = { ...next, pattern: 'weekly' };
  }
  return next;
}

/** The plain-words choice for a stored rule (to edit a series' repeat), or null if it has no such form. */
export function choiceFromRule(rule: string, startDate: string): RepeatChoice | null {
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((kv) => kv.split('=') as [string, string])
      .map(([k, v]) => [k.toUpperCase(), (v ?? '').toUpperCase()]),
  );
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const end: Pick<RepeatChoice, 'end' | 'until' | 'count'> = parts.has('UNTIL')
    ? { end: 'on', until: parts.get('UNTIL')!.replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3'), count: NO_REPEAT.count }
    : parts.has('COUNT')
      ? { end: 'after', until: '', count: Number(parts.get('COUNT')) }
      : { end: 'never', until: '', count: NO_REPEAT.count };
  const byday = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (parts.get('FREQ') === 'WEEKLY') {
    const weekdays = byday.map((d) => DAY_CODES.indexOf(d as (typeof DAY_CODES)[number]) + 1).filter((d) => d > 0);
    const pattern: RepeatPattern = interval === 1 ? 'weekly' : interval === 2 ? 'biweekly' : 'every_n_weeks';
    return { ...NO_REPEAT, ...end, pattern, everyWeeks: interval, weekdays: weekdays.length ? weekdays : [isoWeekday(startDate)] };
  }
  if (parts.get('FREQ') === 'MONTHLY' && byday.length === 1) {
    const nth = Number(/^([+-]?\d)/.exec(byday[0]!)?.[1] ?? parts.get('BYSETPOS') ?? '0');
    if (nth === -1) return { ...NO_REPEAT, ...end, pattern: 'monthly_last', weekdays: [isoWeekday(startDate)] };
    if (nth >= 1 && nth <= 4) return { ...NO_REPEAT, ...end, pattern: 'monthly_nth', weekdays: [isoWeekday(startDate)] };
  }
  return null;
}

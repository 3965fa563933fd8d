import { describe, expect, test } from 'vitest';
import { addDays, addMinutesLocal, addMonths, isoWeekday, localOf, visibleRange, weekdayPosition } from '../time';
import {
  NO_REPEAT,
  adaptToStart,
  buildRule,
  choiceFromRule,
  repeatOptions,
  repeatProblem,
  type RepeatChoice,
} from './repeat';

// 2027-01-05 is a Tuesday (the 1st Tuesday of January); 2027-01-26 is the last Tuesday.
const TUE = '2027-01-05';
const weekly = (patch: Partial<RepeatChoice> = {}): RepeatChoice => ({
  ...NO_REPEAT,
  pattern: 'weekly',
  weekdays: [2],
  ...patch,
});

describe('buildRule', () => {
  test('does not repeat: no rule', () => {
    expect(buildRule(NO_REPEAT, TUE)).toBeNull();
  });

  test('weekly on the chosen weekdays, open-ended', () => {
    expect(buildRule(weekly(), TUE)).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(buildRule(weekly({ weekdays: [4, 2, 2] }), TUE)).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });

  test('every 2 weeks and every N weeks carry the interval', () => {
    expect(buildRule(weekly({ pattern: 'biweekly' }), TUE)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    expect(buildRule(weekly({ pattern: 'every_n_weeks', everyWeeks: 3 }), TUE)).toBe(
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU',
    );
  });

  test('ends on a date or after a number of sessions', () => {
    expect(buildRule(weekly({ pattern: 'biweekly', end: 'on', until: '2027-06-01' }), TUE)).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270601',
    );
    expect(buildRule(weekly({ end: 'after', count: 10 }), TUE)).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=10');
  });

  test('monthly on the nth or the last weekday of the start date', () => {
    expect(buildRule({ ...NO_REPEAT, pattern: 'monthly_nth' }, '2027-01-12')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(buildRule({ ...NO_REPEAT, pattern: 'monthly_last' }, '2027-01-26')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
  });

  test('an incomplete choice gives no rule and names the field', () => {
    expect(buildRule(weekly({ weekdays: [] }), TUE)).toBeNull();
    expect(repeatProblem(weekly({ weekdays: [] }), TUE)?.field).toBe('weekdays');
    expect(repeatProblem(weekly({ end: 'on', until: '2026-12-01' }), TUE)?.field).toBe('until');
    expect(repeatProblem(weekly({ end: 'after', count: 0 }), TUE)?.field).toBe('count');
    expect(repeatProblem(weekly({ pattern: 'every_n_weeks', everyWeeks: 60 }), TUE)?.field).toBe('everyWeeks');
  });
});

describe('repeatOptions', () => {
  test('words the monthly choices for the start date', () => {
    const labels = repeatOptions('2027-01-12').map((o) => o.label);
    expect(labels).toContain('Monthly on the 2nd Tuesday');
    expect(labels).not.toContain('Monthly on the last Tuesday');
    const last = repeatOptions('2027-01-26').map((o) => o.label);
    expect(last).toEqual(expect.arrayContaining(['Monthly on the 4th Tuesday', 'Monthly on the last Tuesday']));
    // A 5th weekday repeats only as "the last".
    const fifth = repeatOptions('2027-03-30').map((o) => o.value);
    expect(fifth).toContain('monthly_last');
    expect(fifth).not.toContain('monthly_nth');
  });

  test('moving the start keeps a single weekday chip in step', () => {
    const moved = adaptToStart(weekly(), TUE, '2027-01-07');
    expect(moved.weekdays).toEqual([4]);
    const several = adaptToStart(weekly({ weekdays: [2, 4] }), TUE, '2027-01-06');
    expect(several.weekdays).toEqual([2, 4]);
    const fifth = adaptToStart({ ...NO_REPEAT, pattern: 'monthly_nth' }, TUE, '2027-03-30');
    expect(fifth.pattern).toBe('monthly_last');
  });
});

describe('local time helpers', () => {
  test('reads an instant in the location zone, across daylight saving', () => {
    expect(localOf('2027-01-05T21:00:00Z', 'America/Chicago')).toBe('2027-01-05T15:00');
    expect(localOf('2027-07-06T20:00:00Z', 'America/Chicago')).toBe('2027-07-06T15:00');
    expect(localOf('2027-07-06T13:00:00Z', 'Europe/Berlin')).toBe('2027-07-06T15:00');
  });

  test('date arithmetic stays on the wall clock', () => {
    expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMinutesLocal('2027-03-13T23:30', 45)).toBe('2027-03-14T00:15');
    expect(isoWeekday('2027-01-05')).toBe(2);
    expect(isoWeekday('2027-01-10')).toBe(7);
    expect(weekdayPosition('2027-01-26')).toEqual({ nth: 4, isLast: true });
  });

  test('visible ranges start on Sunday and cover whole weeks', () => {
    expect(visibleRange('day', TUE)).toEqual({ from: TUE, to: TUE });
    expect(visibleRange('week', TUE)).toEqual({ from: '2027-01-03', to: '2027-01-09' });
    expect(visibleRange('month', '2027-01-20')).toEqual({ from: '2026-12-27', to: '2027-02-06' });
  });
});

describe('choiceFromRule', () => {
  test('reads back what buildRule writes', () => {
    const choices: RepeatChoice[] = [
      weekly(),
      weekly({ pattern: 'biweekly', end: 'on', until: '2027-06-01' }),
      weekly({ pattern: 'every_n_weeks', everyWeeks: 3, weekdays: [2, 4], end: 'after', count: 8 }),
    ];
    for (const c of choices) {
      const rule = buildRule(c, TUE)!;
      expect(buildRule(choiceFromRule(rule, TUE)!, TUE)).toBe(rule);
    }
    expect(choiceFromRule('FREQ=MONTHLY;BYDAY=-1TU', '2027-01-26')?.pattern).toBe('monthly_last');
    expect(choiceFromRule('FREQ=DAILY', TUE)).toBeNull();
  });
});

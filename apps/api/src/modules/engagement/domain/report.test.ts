import { describe, expect, it } from 'vitest';
import { defaultInterval, fixedLabel, periodLabel, periodStart, periodStarts, rates, sumCounts } from './report.js';

describe('rates', () => {
  it('divides by kept + missed with one decimal, and is null without appointments', () => {
    expect(rates({ kept: 5, noShows: 1, lateCancels: 0 })).toEqual({ kept: 5, noShows: 1, lateCancels: 0, total: 6, noShowRate: 16.7, lateCancelRate: 0 });
    expect(rates({ kept: 0, noShows: 0, lateCancels: 0 })).toMatchObject({ total: 0, noShowRate: null, lateCancelRate: null });
    expect(rates({ kept: 0, noShows: 2, lateCancels: 2 })).toMatchObject({ noShowRate: 50, lateCancelRate: 50 });
  });
  it('adds counts', () => {
    expect(sumCounts([{ kept: 1, noShows: 2, lateCancels: 3 }, { kept: 4, noShows: 5, lateCancels: 6 }])).toEqual({ kept: 5, noShows: 7, lateCancels: 9 });
  });
});

describe('periods', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(periodStart('2027-03-14', 'week')).toBe('2027-03-08'); // a Sunday
    expect(periodStart('2027-03-15', 'week')).toBe('2027-03-15'); // a Monday
    expect(periodStart('2027-03-31', 'month')).toBe('2027-03-01');
  });
  it('lists every period touching the range, across a year end', () => {
    expect(periodStarts('2026-12-30', '2027-01-12', 'week')).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(periodStarts('2026-11-15', '2027-02-01', 'month')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
    expect(periodStarts('2027-03-15', '2027-03-15', 'week')).toEqual(['2027-03-15']);
  });
  it('chooses weeks up to about half a year, months beyond', () => {
    expect(defaultInterval(182)).toBe('week');
    expect(defaultInterval(183)).toBe('month');
  });
  it('labels periods and fixed buckets for people', () => {
    expect(periodLabel('2027-03-08', 'week')).toBe('Week of Mar 8, 2027');
    expect(periodLabel('2027-03-01', 'month')).toBe('Mar 2027');
    expect(fixedLabel('weekday', '1')).toBe('Monday');
    expect(fixedLabel('weekday', '7')).toBe('Sunday');
    expect(fixedLabel('hour', '9')).toBe('09:00');
    expect(fixedLabel('month', '2027-12')).toBe('Dec 2027');
  });
});

import { addDays, isoWeekday } from './dates.js';

// The attendance dashboard's arithmetic: rates over kept + missed appointments, bucket labels and
// the periods of the over-time series (so weeks or months without appointments show as zero).

export interface Counts {
  kept: number;
  noShows: number;
  lateCancels: number;
}

export interface Rates extends Counts {
  total: number;
  /** Percent of kept + missed, one decimal; null when there were none. */
  noShowRate: number | null;
  lateCancelRate: number | null;
}

const pct = (n: number, total: number) => (total ? Math.round((n * 1000) / total) / 10 : null);

export function rates(c: Counts): Rates {
  const total = c.kept + c.noShows + c.lateCancels;
  // Only the counts: callers pass rows that carry keys and labels of their own.
  return { kept: c.kept, noShows: c.noShows, lateCancels: c.lateCancels, total, noShowRate: pct(c.noShows, total), lateCancelRate: pct(c.lateCancels, total) };
}

export const sumCounts = (xs: readonly Counts[]): Counts =>
  xs.reduce((a, x) => ({ kept: a.kept + x.kept, noShows: a.noShows + x.noShows, lateCancels: a.lateCancels + x.lateCancels }), { kept: 0, noShows: 0, lateCancels: 0 });

export type Interval = 'week' | 'month';

/** Monthly for ranges longer than about half a year, weekly otherwise. */
export const defaultInterval = (days: number): Interval => (days > 182 ? 'month' : 'week');

/** The start of the week (Monday) or month holding a date. */
export function periodStart(date: string, interval: Interval): string {
  return interval === 'month' ? `${date.slice(0, 7)}-01` : addDays(date, 1 - isoWeekday(date));
}

/** Every period start from the one holding `from` to the one holding `to`. */
export function periodStarts(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  let cur = periodStart(from, interval);
  while (cur <= to) {
    out.push(cur);
    if (interval === 'week') cur = addDays(cur, 7);
    else {
      const y = Number(cur.slice(0, 4));
      const m = Number(cur.slice(5, 7));
      cur = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Week of Mar 8, 2027" or "Mar 2027". */
export function periodLabel(start: string, interval: Interval): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1];
  return interval === 'month' ? `${month} ${start.slice(0, 4)}` : `Week of ${month} ${Number(start.slice(8, 10))}, ${start.slice(0, 4)}`;
}

/** Labels for the fixed buckets; clinicians, types and payers come labelled from the database. */
export function fixedLabel(groupBy: 'weekday' | 'hour' | 'month', key: string): string {
  if (groupBy === 'weekday') return WEEKDAYS[Number(key) - 1] ?? key;
  if (groupBy === 'hour') return `${key.padStart(2, '0')}:00`;
  return periodLabel(`${key}-01`, 'month');
}

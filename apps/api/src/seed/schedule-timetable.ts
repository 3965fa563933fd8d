// The demo timetable: which clinician sees whom, on which weekday and at what time, and a record of
// every busy interval so nothing the seed writes trips the database's double-booking constraints.
import { daysBetween } from '../modules/scheduling/domain/recurrence.js';
import type { DemoWorkday } from './demo-data.js';

export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Small deterministic PRNG so every fresh demo looks the same for the same seed time. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** ISO weekday (1 = Monday) of a 'YYYY-MM-DD' date; plain Date arithmetic, as it runs for every occurrence. */
export const weekdayOf = (date: string): number => {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** `date` plus `days` calendar days (plain UTC date arithmetic: cheap enough to call in every loop). */
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first date on or after `date` that falls on ISO weekday `wd`. */
export function onOrAfter(date: string, wd: number): string {
  return plusDays(date, (wd - weekdayOf(date) + 7) % 7);
}

/** Week parity (0 or 1) counted from a fixed Monday: every-2-weeks series sharing a time alternate on it. */
export const weekParity = (date: string): number => Math.floor(daysBetween('2001-01-01', date) / 7) % 2;

/**
 * Busy intervals per clinician, room and patient. Only slot-holding appointments go in, exactly
 * like the exclusion constraints in 0006_scheduling.sql; `take` refuses an overlap so a mistake in
 * the timetable shows up here with a readable message rather than as a constraint error.
 */
export class Occupancy {
  private readonly busy = new Map<string, [number, number][]>();

  free(keys: string[], start: Date, end: Date): boolean {
    const s = start.getTime();
    const e = end.getTime();
    return keys.every((k) => !(this.busy.get(k) ?? []).some(([a, b]) => a < e && b > s));
  }

  take(keys: string[], start: Date, end: Date, what: string): void {
    if (!this.free(keys, start, end)) throw new Error(`demo timetable: ${what} at ${start.toISOString()} overlaps another appointment`);
    for (const k of keys) {
      const list = this.busy.get(k) ?? [];
      list.push([start.getTime(), end.getTime()]);
      this.busy.set(k, list);
    }
  }
}

export type CellUse = 'weekly' | 'biweekly' | 'monthly';

/** A recurring place in a clinician's week: a working day and a start time. */
export interface Cell {
  clinician: string;
  day: DemoWorkday;
  time: string;
  use: CellUse | null;
  /** Taken parities (every 2 weeks) or positions in the month (monthly); {0} when weekly. */
  taken: Set<number>;
}

const CAPACITY: Record<CellUse, number[]> = { weekly: [0], biweekly: [0, 1], monthly: [1, 2, 3, 4] };

/**
 * Hands out cells so that a clinician's recurring series never meet: a cell holds one weekly series,
 * two every-2-weeks series on alternate weeks, or four monthly ones (first to fourth weekday of the month).
 */
export class Cells {
  private readonly cells = new Map<string, Cell[]>();

  constructor(week: Record<string, DemoWorkday[]>, timesFor: (clinician: string) => string[], rand: () => number) {
    for (const [clinician, workdays] of Object.entries(week)) {
      const all = workdays.flatMap((day) => timesFor(clinician).map((time): Cell => ({ clinician, day, time, use: null, taken: new Set() })));
      this.cells.set(clinician, shuffle(all, rand));
    }
  }

  /** A cell of this clinician on none of `avoid` weekdays, and the parity or month position taken in it. */
  take(clinician: string, use: CellUse, avoid: Set<number>): { cell: Cell; slot: number } {
    const list = this.cells.get(clinician) ?? [];
    const fits = (c: Cell) => !avoid.has(c.day.weekday);
    const open = (c: Cell) => CAPACITY[use].filter((s) => !c.taken.has(s));
    const cell = list.find((c) => fits(c) && c.use === use && open(c).length) ?? list.find((c) => fits(c) && c.use === null);
    if (!cell) throw new Error(`demo timetable: no free ${use} time left for ${clinician}`);
    cell.use = use;
    const slot = open(cell)[0]!;
    cell.taken.add(slot);
    return { cell, slot };
  }
}

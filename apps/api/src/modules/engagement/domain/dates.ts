// Calendar arithmetic on local dates ('YYYY-MM-DD'). Dates are days, not instants: computing in UTC
// keeps every day exactly 24 hours long, whatever the practice's daylight-saving rules.

const DAY_MS = 86_400_000;

const toUtc = (date: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error('expected a YYYY-MM-DD date');
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

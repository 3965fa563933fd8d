// Local wall-clock helpers for scheduling. Appointments carry an IANA zone; what people see and
// choose is the local time in that zone ('YYYY-MM-DDTHH:MM'), never the browser's own zone. Local
// strings are formatted by reading them as UTC, so no browser offset can shift them.

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

function asUtc(local: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)));
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The local date and time of an instant in `timeZone`, as 'YYYY-MM-DDTHH:MM'. */
export function localOf(instant: string | Date, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Today's date in `timeZone`. */
export const todayIn = (timeZone: string, now = new Date()) => localOf(now, timeZone).slice(0, 10);

export function addDays(date: string, n: number): string {
  const d = asUtc(date);
  if (!d) return date;
  d.setUTCDate(d.getUTCDate() + n);
  return isoDate(d);
}

export function addMonths(date: string, n: number): string {
  const d = asUtc(date);
  if (!d) return date;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return isoDate(d);
}

/** Adds minutes to a local date-time (wall-clock arithmetic). */
export function addMinutesLocal(local: string, minutes: number): string {
  const d = asUtc(local);
  if (!d) return local;
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return `${isoDate(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** ISO weekday of a local date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = asUtc(date);
  return d ? ((d.getUTCDay() + 6) % 7) + 1 : 1;
}

/** The Sunday that starts the week containing `date` (the calendar's weeks start on Sunday). */
export const startOfWeek = (date: string) => addDays(date, -(isoWeekday(date) % 7));
export const startOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** Which weekday of its month the date is (1..5), and whether it is the last one. */
export function weekdayPosition(date: string): { nth: number; isLast: boolean } {
  const d = asUtc(date);
  if (!d) return { nth: 1, isLast: false };
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { nth: Math.ceil(day / 7), isLast: day + 7 > daysInMonth };
}

const fmt = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' });
const TIME = fmt({ hour: 'numeric', minute: '2-digit' });
const DATE_LONG = fmt({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const DATE_SHORT = fmt({ weekday: 'short', month: 'short', day: 'numeric' });
const WEEKDAY = fmt({ weekday: 'long' });
const MONTH_YEAR = fmt({ month: 'long', year: 'numeric' });

/** "3:00 PM" for a local date-time. */
export const formatLocalTime = (local: string) => {
  const d = asUtc(local);
  return d ? TIME.format(d) : local;
};
/** "Tue, Jan 5, 2027" for a local date (or date-time). */
export const formatLocalDate = (local: string) => {
  const d = asUtc(local);
  return d ? DATE_LONG.format(d) : local;
};
/** "Tue, Jan 5" for a local date (or date-time). */
export const formatLocalDateShort = (local: string) => {
  const d = asUtc(local);
  return d ? DATE_SHORT.format(d) : local;
};
/** "Tue, Jan 5, 2027, 3:00 PM". */
export const formatLocalDateTime = (local: string) => `${formatLocalDate(local)}, ${formatLocalTime(local)}`;
export const weekdayName = (date: string) => {
  const d = asUtc(date);
  return d ? WEEKDAY.format(d) : '';
};

/** The heading for the visible range of the calendar. */
export function rangeTitle(view: 'day' | 'week' | 'month', date: string): string {
  if (view === 'day') return formatLocalDate(date);
  if (view === 'month') return MONTH_YEAR.format(asUtc(date)!);
  const start = startOfWeek(date);
  return `${formatLocalDateShort(start)} – ${formatLocalDate(addDays(start, 6))}`;
}

/** The first and last local dates (both inclusive) the calendar shows for `view` around `date`. */
export function visibleRange(view: 'day' | 'week' | 'month', date: string): { from: string; to: string } {
  if (view === 'day') return { from: date, to: date };
  if (view === 'week') {
    const from = startOfWeek(date);
    return { from, to: addDays(from, 6) };
  }
  // A month grid shows whole weeks: up to six of them from the Sunday before the 1st.
  const from = startOfWeek(startOfMonth(date));
  return { from, to: addDays(from, 41) };
}

/** The short name of a zone ("CST") at a moment, to label times. */
export function zoneAbbreviation(timeZone: string, at = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

export const isLocalDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && asUtc(s) !== null;

/** True when an ISO instant is still ahead of now. */
export const isUpcoming = (isoInstant: string, now = new Date()) => Date.parse(isoInstant) > now.getTime();

import { classify, inLastDays, missStreak, nextAppointment, RECENT_DAYS, type AttendanceItem } from './attendance.js';
import { addDays, daysBetween } from './dates.js';

/**
 * The engagement score is a DROPOUT-RISK score: 0 = no concern, 100 = highest concern (higher is
 * worse). It adds points for five factors and is capped at 100; every factor that adds points is
 * returned as a reason, so the number is never shown without its explanation.
 *
 * | factor (code)              | points                                                         |
 * |----------------------------|----------------------------------------------------------------|
 * | consecutive_misses         | 1 miss in a row: 15, 2: 30, 3 or more: 45                      |
 * | recent_late_cancels        | 8 per late cancel in the last 90 days outside that run, max 16 |
 * | unconfirmed_reminders      | 5 per reminded appointment neither confirmed nor attended      |
 * |                            | (last 90 days and ahead), max 15                               |
 * | growing_gap                | current gap at least 2x the usual gap: 10; at least 3x: 20     |
 * | no_future_appointment      | active patient with nothing booked: 20                         |
 *
 * Levels: low below 30, moderate 30 to 59, high 60 and above. So one no-show that was rebooked stays
 * low (15), one no-show with nothing booked is moderate (35), and three misses in a row with nothing
 * booked is high (65). The score looks at the last 365 days (and everything booked ahead), so it
 * does not depend on how far back the records go.
 */
export const SCORE_WINDOW_DAYS = 365;
export const STREAK_POINTS = [0, 15, 30, 45] as const;
export const LATE_CANCEL_POINTS = 8;
export const LATE_CANCEL_MAX = 16;
export const UNCONFIRMED_POINTS = 5;
export const UNCONFIRMED_MAX = 15;
export const GAP_POINTS = { twice: 10, thrice: 20 } as const;
/** Gaps are only judged once there are this many attended sessions (two gaps) to know the usual one. */
export const GAP_MIN_ATTENDED = 3;
export const NO_FUTURE_POINTS = 20;
export const LEVELS = { moderate: 30, high: 60 } as const;

export type RiskLevel = 'low' | 'moderate' | 'high';

export interface EngagementReason {
  code: 'consecutive_misses' | 'recent_late_cancels' | 'unconfirmed_reminders' | 'growing_gap' | 'no_future_appointment' | 'no_concerns';
  text: string;
  points: number;
}

export interface EngagementScore {
  score: number;
  level: RiskLevel;
  reasons: EngagementReason[];
}

/** A reminded appointment: at least one reminder was sent; confirmed when the patient confirmed it. */
export interface ReminderFact {
  appointmentId: string;
  date: string;
  confirmed: boolean;
}

export interface EngagementInput {
  /** The practice's local date. */
  today: string;
  patientStatus: 'active' | 'waitlist' | 'discharged';
  history: readonly AttendanceItem[];
  reminders: readonly ReminderFact[];
}

export const levelOf = (score: number): RiskLevel => (score >= LEVELS.high ? 'high' : score >= LEVELS.moderate ? 'moderate' : 'low');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Usual and current gap between attended sessions, in days; null with too few sessions to tell. */
export function gapTrend(attendedDates: readonly string[], today: string): { usual: number; current: number; open: boolean } | null {
  const dates = [...new Set(attendedDates)].sort();
  if (dates.length < GAP_MIN_ATTENDED) return null;
  const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i]!, d));
  // At least a day: two sessions on one day must not make every later gap look infinite.
  const usual = Math.max(1, median(gaps));
  const lastClosed = gaps.at(-1)!;
  const sinceLast = Math.max(0, daysBetween(dates.at(-1)!, today));
  return sinceLast >= lastClosed ? { usual, current: sinceLast, open: true } : { usual, current: lastClosed, open: false };
}

export function engagementScore(input: EngagementInput): EngagementScore {
  const { today } = input;
  const windowStart = addDays(today, -SCORE_WINDOW_DAYS);
  const history = input.history.filter((h) => h.date > windowStart);
  const reasons: EngagementReason[] = [];

  // 1. A run of misses is the strongest single sign that someone is drifting away.
  const streak = missStreak(history);
  if (streak.count > 0) {
    const points = STREAK_POINTS[Math.min(streak.count, STREAK_POINTS.length - 1)]!;
    const kinds = [...new Set(streak.items.map((h) => (h.status === 'no_show' ? 'no-show' : 'late cancel')))].join(' or ');
    reasons.push({
      code: 'consecutive_misses',
      points,
      text: streak.count === 1 ? `Missed the most recent session (${kinds})` : `Missed the last ${streak.count} sessions in a row (${kinds})`,
    });
  }

  // 2. Late cancels are counted here only when they are not already part of that run (no double count).
  const inStreak = new Set(streak.items.map((h) => h.appointmentId));
  const lateCancels = history.filter((h) => h.status === 'late_cancel' && inLastDays(h.date, today, RECENT_DAYS) && !inStreak.has(h.appointmentId)).length;
  if (lateCancels > 0) {
    reasons.push({
      code: 'recent_late_cancels',
      points: Math.min(LATE_CANCEL_MAX, lateCancels * LATE_CANCEL_POINTS),
      text: `${plural(lateCancels, streak.count ? 'other late cancellation' : 'late cancellation')} in the last ${RECENT_DAYS} days`,
    });
  }

  // 3. Reminders neither confirmed nor followed by a visit: the patient is not answering. Attended
  // appointments and ones the practice cancelled say nothing here and are left out.
  const statusOf = new Map(input.history.map((h) => [h.appointmentId, h.status]));
  const unconfirmed = input.reminders.filter((r) => {
    if (r.confirmed || r.date <= addDays(today, -RECENT_DAYS)) return false;
    const c = classify(statusOf.get(r.appointmentId) ?? 'scheduled');
    return c === 'missed' || c === 'neutral' || c === 'booked';
  }).length;
  if (unconfirmed > 0) {
    reasons.push({
      code: 'unconfirmed_reminders',
      points: Math.min(UNCONFIRMED_MAX, unconfirmed * UNCONFIRMED_POINTS),
      text: `${plural(unconfirmed, 'reminded appointment')} not confirmed and not attended`,
    });
  }

  // 4. Growing gaps: the time since the last visit (or the last gap) against this patient's own rhythm.
  const gap = gapTrend(history.filter((h) => classify(h.status) === 'attended').map((h) => h.date), today);
  if (gap && gap.current >= 2 * gap.usual) {
    const usual = Math.round(gap.usual);
    reasons.push({
      code: 'growing_gap',
      points: gap.current >= 3 * gap.usual ? GAP_POINTS.thrice : GAP_POINTS.twice,
      text: gap.open
        ? `${gap.current} days since the last attended session; usually about ${usual} days between sessions`
        : `The last gap between attended sessions was ${gap.current} days; usually about ${usual}`,
    });
  }

  // 5. An active patient with nothing booked has no next step in care.
  if (input.patientStatus === 'active' && !nextAppointment(input.history, today)) {
    reasons.push({ code: 'no_future_appointment', points: NO_FUTURE_POINTS, text: 'No upcoming appointment booked' });
  }

  const score = Math.min(100, reasons.reduce((s, r) => s + r.points, 0));
  if (!reasons.length) reasons.push({ code: 'no_concerns', points: 0, text: 'No missed sessions, long gaps or missing bookings found' });
  reasons.sort((a, b) => b.points - a.points);
  return { score, level: levelOf(score), reasons };
}

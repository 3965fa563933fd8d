import { addDays, daysBetween } from './dates.js';

/**
 * One appointment in a patient's history: an individual appointment (its own status) or a group
 * occurrence (the member's attendance status, or the occurrence's when the practice cancelled it).
 */
export interface AttendanceItem {
  appointmentId: string;
  status: string;
  /** Local date in the appointment's time zone. */
  date: string;
  /** Local start 'YYYY-MM-DDTHH:MM' in the appointment's time zone. */
  start: string;
  /** The instant (ISO 8601), to order appointments held in different time zones. */
  startsAt: string;
  timeZone: string;
  clinicianName: string;
  group: boolean;
}

/**
 * How each status counts:
 * - attended: completed, checked in, in session (the patient came);
 * - missed: no-show and late cancel (inside the practice's window);
 * - neutral: cancelled by the patient in time. The patient followed the cancellation policy, so it
 *   is neither kept nor missed: it is left out of the attendance rate and does not break or extend a
 *   run of misses; it is counted on its own for the last 90 days;
 * - booked: scheduled or confirmed (upcoming, or not yet recorded);
 * - excluded: cancelled by the practice, rescheduled (its replacement counts instead) and skipped
 *   occurrences say nothing about the patient.
 */
export type AttendanceClass = 'attended' | 'missed' | 'neutral' | 'booked' | 'excluded';

const CLASS: Record<string, AttendanceClass> = {
  completed: 'attended',
  checked_in: 'attended',
  in_session: 'attended',
  no_show: 'missed',
  late_cancel: 'missed',
  cancelled_patient: 'neutral',
  scheduled: 'booked',
  confirmed: 'booked',
  cancelled_practice: 'excluded',
  rescheduled: 'excluded',
  skipped: 'excluded',
};

export const classify = (status: string): AttendanceClass => CLASS[status] ?? 'excluded';

export interface UpcomingAppointment {
  appointmentId: string;
  start: string;
  startsAt: string;
  timeZone: string;
  clinicianName: string;
  group: boolean;
}

export interface AttendanceStats {
  attended: number;
  missed: number;
  /** Percent with one decimal; null before any kept or missed session. */
  attendanceRate: number | null;
  last90Days: { attended: number; noShows: number; lateCancels: number; cancelledByPatient: number };
  consecutiveMisses: number;
  lastAttendedDate: string | null;
  daysSinceLastAttended: number | null;
  nextAppointment: UpcomingAppointment | null;
}

/** "The last 90 days" are today and the 89 days before it. */
export const RECENT_DAYS = 90;

export const inLastDays = (date: string, today: string, days: number) => date > addDays(today, -days) && date <= today;

const byTime = (a: AttendanceItem, b: AttendanceItem) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0);

/** Misses in a row, newest first, and how many of them were late cancels. */
export function missStreak(history: readonly AttendanceItem[]): { count: number; lateCancels: number; items: AttendanceItem[] } {
  const decided = history.filter((h) => ['attended', 'missed'].includes(classify(h.status))).sort(byTime).reverse();
  const items: AttendanceItem[] = [];
  for (const h of decided) {
    if (classify(h.status) !== 'missed') break;
    items.push(h);
  }
  return { count: items.length, lateCancels: items.filter((h) => h.status === 'late_cancel').length, items };
}

/** The earliest booked appointment on or after today. */
export function nextAppointment(history: readonly AttendanceItem[], today: string): UpcomingAppointment | null {
  const next = history.filter((h) => classify(h.status) === 'booked' && h.date >= today).sort(byTime)[0];
  if (!next) return null;
  return { appointmentId: next.appointmentId, start: next.start, startsAt: next.startsAt, timeZone: next.timeZone, clinicianName: next.clinicianName, group: next.group };
}

/** A patient's attendance as of a local date, from every appointment and group occurrence they had. */
export function attendanceStats(history: readonly AttendanceItem[], today: string): AttendanceStats {
  let attended = 0;
  let missed = 0;
  let lastAttendedDate: string | null = null;
  const last90Days = { attended: 0, noShows: 0, lateCancels: 0, cancelledByPatient: 0 };
  for (const h of history) {
    const c = classify(h.status);
    const recent = inLastDays(h.date, today, RECENT_DAYS);
    if (c === 'attended') {
      attended += 1;
      if (!lastAttendedDate || h.date > lastAttendedDate) lastAttendedDate = h.date;
      if (recent) last90Days.attended += 1;
    } else if (c === 'missed') {
      missed += 1;
      if (recent && h.status === 'no_show') last90Days.noShows += 1;
      if (recent && h.status === 'late_cancel') last90Days.lateCancels += 1;
    } else if (c === 'neutral' && recent) {
      last90Days.cancelledByPatient += 1;
    }
  }
  const decided = attended + missed;
  return {
    attended,
    missed,
    attendanceRate: decided ? Math.round((attended * 1000) / decided) / 10 : null,
    last90Days,
    consecutiveMisses: missStreak(history).count,
    lastAttendedDate,
    daysSinceLastAttended: lastAttendedDate ? Math.max(0, daysBetween(lastAttendedDate, today)) : null,
    nextAppointment: nextAppointment(history, today),
  };
}

import { describe, expect, it } from 'vitest';
import { attendanceStats, classify, missStreak, type AttendanceItem } from './attendance.js';
import { addDays, daysBetween, isoWeekday } from './dates.js';

let n = 0;
function item(date: string, status: string, o: Partial<AttendanceItem> = {}): AttendanceItem {
  const time = o.start?.slice(11) ?? '15:00';
  return {
    appointmentId: `a${(n++).toString().padStart(4, '0')}`,
    status,
    date,
    start: `${date}T${time}`,
    startsAt: `${date}T${time}:00.000Z`,
    timeZone: 'America/Chicago',
    clinicianName: 'Dana Reyes',
    group: false,
    ...o,
  };
}

const TODAY = '2027-03-15';

describe('dates', () => {
  it('adds days across month and year ends and counts days between', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-03-01', '2027-03-15')).toBe(14);
    expect(daysBetween('2027-03-15', '2027-03-01')).toBe(-14);
    // A daylight-saving change in between does not make a day shorter.
    expect(daysBetween('2027-03-13', '2027-03-15')).toBe(2);
  });
  it('names ISO weekdays (Monday 1, Sunday 7)', () => {
    expect(isoWeekday('2027-03-15')).toBe(1);
    expect(isoWeekday('2027-03-21')).toBe(7);
  });
});

describe('classify', () => {
  it.each([
    ['completed', 'attended'], ['checked_in', 'attended'], ['in_session', 'attended'],
    ['no_show', 'missed'], ['late_cancel', 'missed'], ['cancelled_patient', 'neutral'],
    ['scheduled', 'booked'], ['confirmed', 'booked'],
    ['cancelled_practice', 'excluded'], ['rescheduled', 'excluded'], ['skipped', 'excluded'], ['something-new', 'excluded'],
  ])('%s is %s', (status, cls) => expect(classify(status)).toBe(cls));
});

describe('attendanceStats', () => {
  it('has no rate, streak or dates for a patient without history', () => {
    expect(attendanceStats([], TODAY)).toEqual({
      attended: 0, missed: 0, attendanceRate: null,
      last90Days: { attended: 0, noShows: 0, lateCancels: 0, cancelledByPatient: 0 },
      consecutiveMisses: 0, lastAttendedDate: null, daysSinceLastAttended: null, nextAppointment: null,
    });
  });

  it('counts kept against kept + missed, leaving patient and practice cancellations out of the rate', () => {
    const s = attendanceStats([
      item('2027-01-04', 'completed'), item('2027-01-11', 'completed'), item('2027-01-18', 'no_show'),
      item('2027-01-25', 'cancelled_patient'), item('2027-02-01', 'cancelled_practice'), item('2027-02-08', 'skipped'),
      item('2027-02-15', 'rescheduled'), item('2027-02-16', 'checked_in'),
    ], TODAY);
    expect(s.attended).toBe(3);
    expect(s.missed).toBe(1);
    expect(s.attendanceRate).toBe(75);
    expect(s.last90Days).toEqual({ attended: 3, noShows: 1, lateCancels: 0, cancelledByPatient: 1 });
  });

  it('rounds the rate to one decimal', () => {
    expect(attendanceStats([item('2027-01-04', 'completed'), item('2027-01-11', 'completed'), item('2027-01-18', 'late_cancel')], TODAY).attendanceRate).toBe(66.7);
  });

  it('counts the last 90 days as today and the 89 days before', () => {
    const edge = addDays(TODAY, -89);
    const outside = addDays(TODAY, -90);
    const s = attendanceStats([item(edge, 'no_show'), item(outside, 'no_show'), item(TODAY, 'late_cancel'), item(outside, 'late_cancel')], TODAY);
    expect(s.last90Days.noShows).toBe(1);
    expect(s.last90Days.lateCancels).toBe(1);
    expect(s.missed).toBe(4);
  });

  it('counts the run of misses back from the most recent kept or missed session, skipping neutral ones', () => {
    const history = [
      item('2027-01-04', 'no_show'), item('2027-01-11', 'completed'), item('2027-01-18', 'no_show'),
      item('2027-01-25', 'cancelled_patient'), item('2027-02-01', 'late_cancel'), item('2027-02-08', 'cancelled_practice'),
      item('2027-02-15', 'no_show'), item('2027-03-22', 'scheduled'),
    ];
    expect(attendanceStats(history, TODAY).consecutiveMisses).toBe(3);
    const streak = missStreak(history);
    expect(streak.lateCancels).toBe(1);
    expect(streak.items.map((h) => h.date)).toEqual(['2027-02-15', '2027-02-01', '2027-01-18']);
    // A kept session ends the run.
    expect(attendanceStats([...history, item('2027-03-01', 'completed')], TODAY).consecutiveMisses).toBe(0);
  });

  it('orders by the instant, not by the order given', () => {
    const a = item('2027-02-01', 'completed', { startsAt: '2027-02-01T15:00:00.000Z' });
    const b = item('2027-02-01', 'no_show', { startsAt: '2027-02-01T18:00:00.000Z' });
    expect(attendanceStats([b, a], TODAY).consecutiveMisses).toBe(1);
    expect(attendanceStats([a, b], TODAY).consecutiveMisses).toBe(1);
  });

  it('gives the last attended date and days since, and the next booked appointment from today on', () => {
    const s = attendanceStats([
      item('2027-02-01', 'completed'), item('2027-02-22', 'in_session'), item('2027-03-01', 'no_show'),
      item('2027-03-10', 'scheduled'), // in the past and never recorded: not "next"
      item('2027-03-29', 'confirmed', { clinicianName: 'Later' }), item(TODAY, 'scheduled', { start: `${TODAY}T16:30`, clinicianName: 'Today', group: true }),
      item('2027-03-16', 'cancelled_patient'),
    ], TODAY);
    expect(s.lastAttendedDate).toBe('2027-02-22');
    expect(s.daysSinceLastAttended).toBe(21);
    expect(s.nextAppointment).toMatchObject({ start: `${TODAY}T16:30`, clinicianName: 'Today', group: true });
  });

  it('treats a session today as zero days ago', () => {
    expect(attendanceStats([item(TODAY, 'checked_in')], TODAY).daysSinceLastAttended).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AttendanceItem } from './attendance.js';
import { addDays } from './dates.js';
import { engagementScore, gapTrend, levelOf, type EngagementInput } from './engagement-score.js';

let n = 0;
function item(date: string, status: string): AttendanceItem {
  return {
    appointmentId: `a${(n++).toString().padStart(4, '0')}`, status, date, start: `${date}T15:00`, startsAt: `${date}T20:00:00.000Z`,
    timeZone: 'America/Chicago', clinicianName: 'Dana Reyes', group: false,
  };
}
const TODAY = '2027-03-15';
const ago = (d: number) => addDays(TODAY, -d);
/** Weekly kept sessions, the most recent `lastAgo` days ago. */
const weekly = (count: number, lastAgo: number) => Array.from({ length: count }, (_, i) => item(ago(lastAgo + 7 * (count - 1 - i)), 'completed'));
const booked = () => item(addDays(TODAY, 3), 'scheduled');
const score = (o: Partial<EngagementInput>) => engagementScore({ today: TODAY, patientStatus: 'active', history: [], reminders: [], ...o });
const codes = (s: ReturnType<typeof score>) => s.reasons.map((r) => r.code);

describe('levels', () => {
  it.each([[0, 'low'], [29, 'low'], [30, 'moderate'], [59, 'moderate'], [60, 'high'], [100, 'high']])('%i is %s', (s, l) => expect(levelOf(s)).toBe(l));
});

describe('engagementScore', () => {
  it('gives a regular, booked patient 0 with a "no concerns" reason', () => {
    const s = score({ history: [...weekly(6, 5), booked()] });
    expect(s).toEqual({ score: 0, level: 'low', reasons: [{ code: 'no_concerns', points: 0, text: expect.any(String) }] });
  });

  it('scores an active patient with nothing booked 20 (low), and nothing for a discharged one', () => {
    const s = score({ history: weekly(6, 5) });
    expect(s.score).toBe(20);
    expect(codes(s)).toEqual(['no_future_appointment']);
    expect(score({ history: weekly(6, 5), patientStatus: 'discharged' }).score).toBe(0);
    expect(score({ history: weekly(6, 5), patientStatus: 'waitlist' }).score).toBe(0);
  });

  it.each([
    [1, 15],
    [2, 30],
    [3, 45],
    [5, 45],
  ])('%i misses in a row add %i points', (misses, points) => {
    const history = [...weekly(4, 7 * misses + 1), ...Array.from({ length: misses }, (_, i) => item(ago(1 + 7 * i), 'no_show')), booked()];
    const s = score({ history });
    const r = s.reasons.find((x) => x.code === 'consecutive_misses')!;
    expect(r.points).toBe(points);
    expect(r.text).toContain(misses === 1 ? 'most recent session' : `last ${misses} sessions`);
  });

  it('one no-show with nothing booked is moderate; three misses with nothing booked is high', () => {
    expect(score({ history: [...weekly(4, 8), item(ago(1), 'no_show')] })).toMatchObject({ score: 35, level: 'moderate' });
    const three = score({ history: [...weekly(4, 22), item(ago(15), 'no_show'), item(ago(8), 'late_cancel'), item(ago(1), 'no_show')] });
    expect(three.level).toBe('high');
    expect(three.reasons[0]).toMatchObject({ code: 'consecutive_misses', points: 45, text: expect.stringContaining('no-show or late cancel') });
  });

  it('counts late cancels of the last 90 days only when outside the current run of misses', () => {
    // Two late cancels inside the run: only the streak counts them.
    const inRun = score({ history: [...weekly(3, 20), item(ago(13), 'late_cancel'), item(ago(6), 'late_cancel'), booked()] });
    expect(codes(inRun)).toContain('consecutive_misses');
    expect(codes(inRun)).not.toContain('recent_late_cancels');
    // Three earlier late cancels (one outside 90 days), then a kept session: 2 x 8 = 16.
    const earlier = score({ history: [item(ago(120), 'late_cancel'), item(ago(60), 'late_cancel'), item(ago(40), 'late_cancel'), ...weekly(3, 2), booked()] });
    expect(earlier.reasons).toEqual([{ code: 'recent_late_cancels', points: 16, text: '2 late cancellations in the last 90 days' }]);
    // The cap: four late cancels still add 16.
    const many = score({ history: [item(ago(70), 'late_cancel'), item(ago(60), 'late_cancel'), item(ago(50), 'late_cancel'), item(ago(40), 'late_cancel'), ...weekly(3, 2), booked()] });
    expect(many.reasons.find((r) => r.code === 'recent_late_cancels')?.points).toBe(16);
  });

  it('counts reminded appointments neither confirmed nor attended, 5 each up to 15', () => {
    const kept = item(ago(7), 'completed');
    const missed = item(ago(14), 'no_show');
    const practiceCancelled = item(ago(21), 'cancelled_practice');
    const next = booked();
    const history = [...weekly(3, 28), practiceCancelled, missed, kept, next];
    const reminders = [
      { appointmentId: kept.appointmentId, date: kept.date, confirmed: false }, // attended: no concern
      { appointmentId: practiceCancelled.appointmentId, date: practiceCancelled.date, confirmed: false }, // not the patient's doing
      { appointmentId: missed.appointmentId, date: missed.date, confirmed: false },
      { appointmentId: next.appointmentId, date: next.date, confirmed: false },
    ];
    const s = score({ history, reminders });
    expect(s.reasons.find((r) => r.code === 'unconfirmed_reminders')).toEqual({ code: 'unconfirmed_reminders', points: 10, text: '2 reminded appointments not confirmed and not attended' });
    // Confirmed ones and ones older than 90 days do not count.
    const old = item(ago(100), 'no_show');
    const s2 = score({ history: [...history, old], reminders: [{ appointmentId: next.appointmentId, date: next.date, confirmed: true }, { appointmentId: old.appointmentId, date: old.date, confirmed: false }] });
    expect(codes(s2)).not.toContain('unconfirmed_reminders');
    const five = Array.from({ length: 5 }, (_, i) => item(addDays(TODAY, 7 * (i + 1)), 'scheduled'));
    const s3 = score({ history: [...weekly(3, 2), ...five], reminders: five.map((h) => ({ appointmentId: h.appointmentId, date: h.date, confirmed: false })) });
    expect(s3.reasons.find((r) => r.code === 'unconfirmed_reminders')?.points).toBe(15);
  });

  describe('growing gaps', () => {
    it('needs three attended sessions to know the usual gap', () => {
      expect(gapTrend([ago(100), ago(93)], TODAY)).toBeNull();
      expect(gapTrend([ago(100), ago(93), ago(86)], TODAY)).toEqual({ usual: 7, current: 86, open: true });
    });
    it('uses the median gap, so one long break does not redefine "usual"', () => {
      expect(gapTrend([ago(70), ago(63), ago(56), ago(49), ago(14)], TODAY)).toEqual({ usual: 7, current: 35, open: false });
    });
    it.each([
      [13, 0],
      [14, 10],
      [20, 10],
      [21, 20],
      [60, 20],
    ])('%i days since the last of weekly sessions adds %i points', (since, points) => {
      const s = score({ history: [...weekly(5, since), booked()] });
      const r = s.reasons.find((x) => x.code === 'growing_gap');
      expect(r?.points ?? 0).toBe(points);
      if (r) expect(r.text).toBe(`${since} days since the last attended session; usually about 7 days between sessions`);
    });
    it('flags a long last gap between sessions even right after a visit', () => {
      const s = score({ history: [item(ago(50), 'completed'), item(ago(43), 'completed'), item(ago(36), 'completed'), item(ago(1), 'completed'), booked()] });
      expect(s.reasons).toEqual([{ code: 'growing_gap', points: 20, text: 'The last gap between attended sessions was 35 days; usually about 7' }]);
    });
    it('ignores sessions older than the 365-day window', () => {
      const s = score({ history: [item(ago(420), 'completed'), item(ago(413), 'completed'), item(ago(406), 'completed'), booked()] });
      expect(codes(s)).toEqual(['no_concerns']);
    });
  });

  it('caps at 100 and lists reasons by points, highest first', () => {
    const history = [
      ...weekly(4, 120), item(ago(80), 'late_cancel'), item(ago(70), 'late_cancel'), item(ago(50), 'completed'),
      item(ago(30), 'no_show'), item(ago(20), 'no_show'), item(ago(10), 'no_show'),
    ];
    const reminders = history.slice(-3).map((h) => ({ appointmentId: h.appointmentId, date: h.date, confirmed: false }));
    const s = score({ history, reminders });
    expect(s.score).toBe(100);
    expect(s.level).toBe('high');
    expect(s.reasons.map((r) => r.points)).toEqual([45, 20, 20, 16, 15]);
    expect(s.reasons.reduce((a, r) => a + r.points, 0)).toBeGreaterThan(100);
  });

  it('always stays within 0..100, always explains itself, and its points add up to the score (below the cap)', () => {
    const statuses = ['completed', 'checked_in', 'no_show', 'late_cancel', 'cancelled_patient', 'cancelled_practice', 'scheduled', 'confirmed', 'skipped'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: -400, max: 120 }), status: fc.constantFrom(...statuses), reminded: fc.boolean(), confirmed: fc.boolean() }), { maxLength: 40 }),
        fc.constantFrom('active', 'waitlist', 'discharged' as const),
        (rows, patientStatus) => {
          const history = rows.map((r) => item(addDays(TODAY, r.offset), r.status));
          const reminders = rows.flatMap((r, i) => (r.reminded ? [{ appointmentId: history[i]!.appointmentId, date: history[i]!.date, confirmed: r.confirmed }] : []));
          const s = engagementScore({ today: TODAY, patientStatus: patientStatus as 'active', history, reminders });
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(s.reasons.length).toBeGreaterThan(0);
          expect(s.level).toBe(levelOf(s.score));
          expect(Math.min(100, s.reasons.reduce((a, r) => a + r.points, 0))).toBe(s.score);
        },
      ),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { canCancel, isMovable, nextActions } from './status-rules';

const NOW = Date.parse('2027-01-05T15:00:00Z');
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * 3_600_000).toISOString();

describe('nextActions', () => {
  test('days ahead: only confirm', () => {
    expect(nextActions({ status: 'scheduled', startsAt: at(72) }, NOW)).toEqual(['confirmed']);
    expect(nextActions({ status: 'confirmed', startsAt: at(72) }, NOW)).toEqual([]);
  });

  test('on the day: check in; half an hour before: start the session', () => {
    expect(nextActions({ status: 'scheduled', startsAt: at(3) }, NOW)).toEqual(['confirmed', 'checked_in']);
    expect(nextActions({ status: 'confirmed', startsAt: at(0.25) }, NOW)).toEqual(['checked_in', 'in_session']);
  });

  test('once started: complete or no-show, never confirm', () => {
    expect(nextActions({ status: 'scheduled', startsAt: at(-1) }, NOW)).toEqual(['checked_in', 'in_session', 'completed', 'no_show']);
    expect(nextActions({ status: 'checked_in', startsAt: at(-0.1) }, NOW)).toEqual(['in_session', 'completed']);
    expect(nextActions({ status: 'checked_in', startsAt: at(0.25) }, NOW)).toEqual(['in_session']);
    expect(nextActions({ status: 'checked_in', startsAt: at(2) }, NOW)).toEqual([]);
    expect(nextActions({ status: 'in_session', startsAt: at(-0.5) }, NOW)).toEqual(['completed']);
  });

  test('finished, missed or cancelled appointments offer no next step', () => {
    for (const status of ['completed', 'no_show', 'late_cancel', 'cancelled_patient', 'skipped'] as const)
      expect(nextActions({ status, startsAt: at(-2) }, NOW)).toEqual([]);
  });

  test('moving and cancelling', () => {
    expect(isMovable({ status: 'confirmed' })).toBe(true);
    expect(isMovable({ status: 'checked_in' })).toBe(false);
    expect(canCancel({ status: 'checked_in' })).toBe(true);
    expect(canCancel({ status: 'no_show' })).toBe(false);
  });
});

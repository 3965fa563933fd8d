import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { decideStatus } from './attendance-rules.js';

const start = new Date('2027-03-10T15:00:00Z');
const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * 3_600_000);
const base = { from: 'scheduled', startsAt: start, endsAt: new Date(start.getTime() + 3_000_000), lateCancelWindowHours: 24 };

describe('attendance status rules', () => {
  it('turns a patient cancellation inside the window into a late cancel, at the edge too', () => {
    expect(decideStatus({ ...base, to: 'cancelled_patient', now: at(24) }).status).toBe('late_cancel');
    expect(decideStatus({ ...base, to: 'cancelled_patient', now: at(24.01) }).status).toBe('cancelled_patient');
    expect(decideStatus({ ...base, to: 'cancelled_patient', now: at(2) }).note).toMatch(/24-hour/);
  });
  it('refuses a late cancel outside the window', () => {
    expect(() => decideStatus({ ...base, to: 'late_cancel', now: at(30) })).toThrow(DomainError);
    expect(decideStatus({ ...base, to: 'late_cancel', now: at(23) }).status).toBe('late_cancel');
  });
  it('no-show and completed only once the appointment has started', () => {
    expect(() => decideStatus({ ...base, to: 'no_show', now: at(0.1) })).toThrow(/only once it has started/);
    expect(decideStatus({ ...base, to: 'no_show', now: at(0) }).status).toBe('no_show');
    expect(() => decideStatus({ ...base, to: 'completed', now: at(1) })).toThrow(DomainError);
    expect(decideStatus({ ...base, to: 'in_session', now: at(0.25) }).status).toBe('in_session');
  });
  it('check-in opens on the day; skipped and rescheduled occurrences cannot change; no repeats', () => {
    expect(() => decideStatus({ ...base, to: 'checked_in', now: at(25) })).toThrow(/day of the appointment/);
    expect(decideStatus({ ...base, to: 'checked_in', now: at(1) }).status).toBe('checked_in');
    expect(() => decideStatus({ ...base, from: 'skipped', to: 'scheduled', now: at(1) })).toThrow(DomainError);
    expect(() => decideStatus({ ...base, from: 'confirmed', to: 'confirmed', now: at(1) })).toThrow(/already confirmed/);
  });
  it('allows corrections after the fact', () => {
    expect(decideStatus({ ...base, from: 'no_show', to: 'completed', now: at(-2) }).status).toBe('completed');
  });
});

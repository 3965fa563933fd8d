import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { planAttendance, tallyAttendance, type AttendancePlanInput } from './attendance.js';

const startsAt = new Date('2027-01-05T23:00:00Z');
const base = (o: Partial<AttendancePlanInput> = {}): AttendancePlanInput => ({
  session: { status: 'scheduled', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), now: new Date('2027-01-06T00:00:00Z'), lateCancelWindowHours: 24 },
  roster: new Set(['ann', 'bo', 'cy']),
  current: new Map(),
  entries: [],
  policy: { noShowFeeCents: 5000, lateCancelFeeCents: 2500, medicaidFeeExempt: true },
  payers: new Map(),
  ...o,
});

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, fields: e.issues.map((i) => i.field) };
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('planning per-member attendance', () => {
  it('records each member on their own, with the practice fee for a no-show', () => {
    const changes = planAttendance(base({ entries: [{ patientId: 'ann', status: 'completed' }, { patientId: 'bo', status: 'no_show', reason: 'No answer' }] }));
    expect(changes).toEqual([
      { patientId: 'ann', kind: 'status', from: 'scheduled', to: 'completed', reason: null, feeCents: null, feeNote: null, note: null },
      { patientId: 'bo', kind: 'status', from: 'scheduled', to: 'no_show', reason: 'No answer', feeCents: 5000, feeNote: null, note: null },
    ]);
  });

  it('exempts a Medicaid member from the fee and honours a payer override and a waiver', () => {
    const payers = new Map([
      ['ann', { kind: 'medicaid', override: null }],
      ['bo', { kind: 'commercial', override: { noShowFeeCents: 1000, lateCancelFeeCents: null, exempt: false } }],
    ]);
    const changes = planAttendance(base({ payers, entries: [{ patientId: 'ann', status: 'no_show' }, { patientId: 'bo', status: 'no_show' }, { patientId: 'cy', status: 'no_show', waiveFee: true }] }));
    expect(changes.map((c) => [c.patientId, c.feeCents, c.feeNote])).toEqual([['ann', 0, 'medicaid_exempt'], ['bo', 1000, null], ['cy', 0, 'waived']]);
  });

  it('turns a patient cancellation inside the window into a late cancel, like an individual appointment', () => {
    const early = base({ session: { ...base().session, now: new Date('2027-01-05T10:00:00Z') } });
    const [c] = planAttendance({ ...early, entries: [{ patientId: 'ann', status: 'cancelled_patient' }] });
    expect(c).toMatchObject({ to: 'late_cancel', feeCents: 2500 });
    expect(c!.note).toMatch(/24-hour/);
  });

  it('refuses a no-show before the session has started, naming the entry', () => {
    const before = base({ session: { ...base().session, now: new Date('2027-01-04T10:00:00Z') } });
    expect(failure(() => planAttendance({ ...before, entries: [{ patientId: 'ann', status: 'cancelled_patient' }, { patientId: 'bo', status: 'no_show' }] }))).toEqual({
      code: 'conflict', fields: ['entries.1.status'],
    });
  });

  it('refuses members who are not on that day\u2019s roster and duplicates, naming each entry', () => {
    expect(failure(() => planAttendance(base({ entries: [{ patientId: 'ann', status: 'completed' }, { patientId: 'zed', status: 'completed' }, { patientId: 'ann', status: 'no_show' }] })))).toEqual({
      code: 'validation', fields: ['entries.1.patientId', 'entries.2.patientId'],
    });
  });

  it('leaves unchanged members alone; a new reason alone is an edit; a later waiver is a fee change', () => {
    const current = new Map([
      ['ann', { status: 'completed', reason: null, feeCents: null }],
      ['bo', { status: 'no_show', reason: 'No answer', feeCents: 5000 }],
    ]);
    const changes = planAttendance(base({ current, entries: [{ patientId: 'ann', status: 'completed' }, { patientId: 'bo', status: 'no_show', reason: 'No answer', waiveFee: true }, { patientId: 'cy', status: 'scheduled', reason: 'Running late' }] }));
    expect(changes).toEqual([
      { patientId: 'bo', kind: 'fee', from: 'no_show', to: 'no_show', reason: 'No answer', feeCents: 0, feeNote: 'waived', note: null },
      { patientId: 'cy', kind: 'edited', from: 'scheduled', to: 'scheduled', reason: 'Running late', feeCents: null, feeNote: null, note: null },
    ]);
  });

  it('takes no attendance at a session that was cancelled', () => {
    expect(failure(() => planAttendance(base({ session: { ...base().session, status: 'cancelled_practice' }, entries: [{ patientId: 'ann', status: 'completed' }] }))).code).toBe('conflict');
  });

  it('tallies present and absent members', () => {
    expect(tallyAttendance(['completed', 'checked_in', 'no_show', 'late_cancel', 'scheduled', 'confirmed', 'cancelled_patient'])).toEqual({ present: 2, absent: 3 });
  });
});

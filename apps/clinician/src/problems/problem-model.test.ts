import type { TPatientProblem } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { canBePrimary, currentCodes, explainProblemError, localToday, sortProblems, splitProblems } from './problem-model';

let n = 0;
const p = (over: Partial<TPatientProblem>): TPatientProblem => ({
  id: `00000000-0000-4000-8000-00000000000${++n}`,
  patientId: '00000000-0000-4000-8000-0000000000aa',
  code: 'F32.1',
  title: 'Major depressive disorder, single episode, moderate',
  onsetDate: null,
  status: 'active',
  isPrimary: false,
  comment: null,
  addedBy: null,
  addedAt: '2025-01-01T00:00:00.000Z',
  resolvedOn: null,
  version: 1,
  ...over,
});

describe('sortProblems / splitProblems', () => {
  it('puts the primary first, then by status, then newest added', () => {
    const a = p({ code: 'F41.1', status: 'in_remission' });
    const b = p({ code: 'F43.10', status: 'active', addedAt: '2025-02-01T00:00:00.000Z' });
    const c = p({ code: 'F32.1', status: 'active', isPrimary: true });
    const d = p({ code: 'F10.10', status: 'resolved' });
    const e = p({ code: 'F90.0', status: 'active', addedAt: '2025-03-01T00:00:00.000Z' });
    expect(sortProblems([a, b, c, d, e]).map((x) => x.code)).toEqual(['F32.1', 'F90.0', 'F43.10', 'F41.1', 'F10.10']);
    const { current, past } = splitProblems([d, a, p({ code: 'Z63.0', status: 'ruled_out' })]);
    expect(current.map((x) => x.code)).toEqual(['F41.1']);
    expect(past.map((x) => x.code)).toEqual(['F10.10', 'Z63.0']);
  });
  it('knows which statuses can be primary and which codes are taken', () => {
    expect(canBePrimary('active')).toBe(true);
    expect(canBePrimary('in_remission')).toBe(true);
    expect(canBePrimary('resolved')).toBe(false);
    expect(currentCodes([p({ code: 'F41.1' }), p({ code: 'F10.10', status: 'resolved' })])).toEqual(['F41.1']);
  });
});

describe('explainProblemError', () => {
  it('reloads after someone else’s change', () => {
    const r = explainProblemError(new ApiError({ status: 409, title: 'Conflict', detail: 'Someone else changed this problem' }));
    expect(r.reload).toBe(true);
  });
  it('explains a duplicate without reloading', () => {
    const r = explainProblemError(
      new ApiError({ status: 409, title: 'Conflict', detail: 'This diagnosis is already on the problem list.', errors: [{ field: 'code', message: 'is already on the problem list' }] }),
    );
    expect(r).toEqual({ message: 'This diagnosis is already on the problem list.', reload: false });
  });
  it('names the field of a validation error', () => {
    const r = explainProblemError(new ApiError({ status: 400, title: 'Invalid', errors: [{ field: 'onsetDate', message: 'cannot be in the future' }] }));
    expect(r).toEqual({ message: 'Onset date: cannot be in the future', reload: false, field: 'onsetDate', fieldMessage: 'Cannot be in the future' });
  });
  it('falls back to the problem detail', () => {
    expect(explainProblemError(new ApiError({ status: 500, title: 'Error' })).message).toMatch(/went wrong/);
    expect(explainProblemError(new Error('x')).reload).toBe(false);
  });
});

describe('localToday', () => {
  it('writes the local date', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

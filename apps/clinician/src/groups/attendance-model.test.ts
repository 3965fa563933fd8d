import { describe, expect, it } from 'vitest';
import type { TGroupAttendanceSheet } from '@hearth/contracts';
import { changedEntries, choicesFor, draftsFrom } from './attendance-model';

const entry = (
  id: string | null,
  status: TGroupAttendanceSheet['entries'][number]['status'],
  reason: string | null = null,
) => ({
  memberId: `m-${id}`,
  patient: id ? { id, name: `Name ${id}`, mrn: '1' } : null,
  enrolledOn: '2027-01-05',
  status,
  reason,
  feeCents: null,
  recordedAt: null,
  recordedBy: null,
});
const sheet = {
  appointmentId: 'a',
  group: { id: 'g', name: 'G' },
  start: '2027-01-12T18:00',
  startsAt: '',
  endsAt: '',
  timeZone: 'America/Chicago',
  status: 'scheduled',
  entries: [entry('ann', 'scheduled'), entry('bo', 'no_show', 'No answer'), entry(null, 'completed')],
} as TGroupAttendanceSheet;

describe('the attendance sheet', () => {
  it('drafts only the members the reader may see', () => {
    expect(Object.keys(draftsFrom(sheet))).toEqual(['ann', 'bo']);
  });

  it('sends only what changed: a status, a reason, a waived fee', () => {
    const d = draftsFrom(sheet);
    expect(changedEntries(sheet, d)).toEqual([]);
    d.ann = { status: 'completed', reason: '  ', waiveFee: false };
    d.bo = { status: 'no_show', reason: 'No answer', waiveFee: true };
    expect(changedEntries(sheet, d)).toEqual([
      { patientId: 'ann', status: 'completed' },
      { patientId: 'bo', status: 'no_show', reason: 'No answer', waiveFee: true },
    ]);
  });

  it('offers a status recorded elsewhere on that line only', () => {
    expect(choicesFor('completed').map((c) => c.value)).not.toContain('checked_in');
    expect(choicesFor('checked_in').at(-1)).toEqual({ value: 'checked_in', label: 'Checked in' });
  });
});

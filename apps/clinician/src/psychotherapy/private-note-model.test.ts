import { describe, expect, it } from 'vitest';
import type { TAppointment } from '@hearth/contracts';
import type { TPsychotherapyNote } from '../api/psychotherapy';
import {
  MAX_BODY,
  characterCount,
  draftOf,
  emptyDraft,
  firstLine,
  isDirty,
  sessionOptions,
  toCreateRequest,
  toUpdateRequest,
  validateDraft,
  withDate,
  withSession,
} from './private-note-model';

const note: TPsychotherapyNote = {
  id: 'n1', patientId: 'p1', appointmentId: 'a1', sessionDate: '2027-03-12', body: 'Felt protective.\nWhy?',
  createdAt: '2027-03-12T20:00:00.000Z', updatedAt: '2027-03-12T20:00:00.000Z', version: 3,
};
const appt = (id: string, start: string, status: string, startsAt = `${start}:00Z`) =>
  ({ id, start, startsAt, status, appointmentType: { name: 'Individual therapy, 45 min' } }) as unknown as TAppointment;

describe('the private-note editor', () => {
  it('is dirty only when something differs from what was saved', () => {
    const saved = draftOf(note);
    expect(isDirty({ ...saved }, saved)).toBe(false);
    expect(isDirty({ ...saved, body: `${saved.body} ` }, saved)).toBe(true);
    expect(isDirty(emptyDraft('2027-03-15'), emptyDraft('2027-03-15'))).toBe(false);
    expect(isDirty({ ...emptyDraft('2027-03-15'), sessionDate: '2027-03-14' }, emptyDraft('2027-03-15'))).toBe(true);
  });

  it('asks for text, within the limit, and a real session date that is not in the future', () => {
    const today = '2027-03-15';
    expect(validateDraft({ ...emptyDraft(today), body: '  ' }, today, true)).toEqual({ body: 'Write something before saving' });
    expect(validateDraft({ ...emptyDraft(today), body: 'x'.repeat(MAX_BODY + 1) }, today, true).body).toMatch(/50,000 characters or fewer/);
    expect(validateDraft({ ...emptyDraft(today), body: ` ${'x'.repeat(MAX_BODY)} ` }, today, true)).toEqual({});
    expect(validateDraft({ sessionDate: '2027-02-30', appointmentId: null, body: 'x' }, today, true)).toEqual({ sessionDate: 'Enter the date of the session' });
    expect(validateDraft({ sessionDate: '2027-03-16', appointmentId: null, body: 'x' }, today, true)).toEqual({ sessionDate: 'The session date cannot be in the future' });
    // A linked session carries its own zone's date; an existing note's date is not edited.
    expect(validateDraft({ sessionDate: '2027-03-16', appointmentId: 'a1', body: 'x' }, today, true)).toEqual({});
    expect(validateDraft({ sessionDate: 'nonsense', appointmentId: null, body: 'x' }, today, false)).toEqual({});
  });

  it('sends the trimmed text, the session only when linked, and the version it read', () => {
    expect(toCreateRequest('p1', { sessionDate: '2027-03-12', appointmentId: null, body: ' hi \n' })).toEqual({ patientId: 'p1', sessionDate: '2027-03-12', body: 'hi' });
    expect(toCreateRequest('p1', { sessionDate: '2027-03-12', appointmentId: 'a1', body: 'hi' })).toEqual({ patientId: 'p1', appointmentId: 'a1', sessionDate: '2027-03-12', body: 'hi' });
    expect(toUpdateRequest(note, { ...draftOf(note), body: ' new ' })).toEqual({ version: 3, body: 'new' });
  });

  it('offers the sessions that took place, newest first, and keeps date and session in step', () => {
    const options = sessionOptions(
      [appt('a1', '2027-03-05T14:00', 'completed'), appt('a2', '2027-03-12T14:00', 'checked_in'), appt('a3', '2027-03-19T14:00', 'scheduled'), appt('a4', '2027-03-10T09:00', 'no_show')],
      '2027-03-15',
      (local) => `on ${local}`,
    );
    expect(options).toEqual([
      { value: 'a2', label: 'on 2027-03-12T14:00 · Individual therapy, 45 min', date: '2027-03-12' },
      { value: 'a1', label: 'on 2027-03-05T14:00 · Individual therapy, 45 min', date: '2027-03-05' },
    ]);
    const linked = withSession(emptyDraft('2027-03-15'), options[0]!);
    expect(linked).toMatchObject({ appointmentId: 'a2', sessionDate: '2027-03-12' });
    expect(withDate(linked, '2027-03-12', options).appointmentId).toBe('a2');
    expect(withDate(linked, '2027-03-11', options)).toMatchObject({ appointmentId: null, sessionDate: '2027-03-11' });
    expect(withSession(linked, null)).toMatchObject({ appointmentId: null, sessionDate: '2027-03-12' });
  });

  it('shows a short first line and a character count', () => {
    expect(firstLine('  Short one\nsecond')).toBe('Short one');
    expect(firstLine('a'.repeat(100), 10)).toBe('aaaaaaaaa…');
    expect(characterCount(' 1234567 ')).toBe('7 of 50,000 characters');
  });
});

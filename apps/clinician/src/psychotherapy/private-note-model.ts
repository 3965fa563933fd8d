import type { TAppointment } from '@hearth/contracts';
import type {
  TCreatePsychotherapyNote,
  TPsychotherapyNote,
  TUpdatePsychotherapyNote,
} from '../api/psychotherapy';

// The private-note editor's state and rules, kept pure so they are tested without a browser.

/** The contract's limit on a note's text. */
export const MAX_BODY = 50_000;

export const PRIVACY_EXPLANATION =
  'Psychotherapy notes are kept apart from the record: only you can read them; they are never shared, exported or billed.';

export interface PrivateNoteDraft {
  sessionDate: string;
  /** The session it is about, when linked (only when the note is written). */
  appointmentId: string | null;
  body: string;
}

export const emptyDraft = (today: string): PrivateNoteDraft => ({ sessionDate: today, appointmentId: null, body: '' });

export const draftOf = (n: TPsychotherapyNote): PrivateNoteDraft => ({
  sessionDate: n.sessionDate,
  appointmentId: n.appointmentId,
  body: n.body,
});

/** Whether the draft differs from what was saved (or from an empty new note). */
export function isDirty(draft: PrivateNoteDraft, saved: PrivateNoteDraft): boolean {
  return draft.body !== saved.body || draft.sessionDate !== saved.sessionDate || draft.appointmentId !== saved.appointmentId;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/**
 * Field messages for what the server would refuse, checked before sending. `isNew`: the date (and
 * session) can be set only when the note is written.
 */
export function validateDraft(draft: PrivateNoteDraft, today: string, isNew: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = draft.body.trim();
  if (!text) errors.body = 'Write something before saving';
  else if (text.length > MAX_BODY) errors.body = `Shorten the note to ${MAX_BODY.toLocaleString('en-US')} characters or fewer`;
  if (isNew) {
    if (!isRealDate(draft.sessionDate)) errors.sessionDate = 'Enter the date of the session';
    else if (!draft.appointmentId && draft.sessionDate > today) errors.sessionDate = 'The session date cannot be in the future';
  }
  return errors;
}

export const toCreateRequest = (patientId: string, d: PrivateNoteDraft): TCreatePsychotherapyNote => ({
  patientId,
  ...(d.appointmentId ? { appointmentId: d.appointmentId } : {}),
  sessionDate: d.sessionDate,
  body: d.body.trim(),
});

export const toUpdateRequest = (note: TPsychotherapyNote, d: PrivateNoteDraft): TUpdatePsychotherapyNote => ({
  version: note.version,
  body: d.body.trim(),
});

/** "1,234 of 50,000 characters". */
export const characterCount = (body: string) =>
  `${body.trim().length.toLocaleString('en-US')} of ${MAX_BODY.toLocaleString('en-US')} characters`;

/** The first line of a note, shortened, to tell notes apart in the list. */
export function firstLine(body: string, max = 80): string {
  const line = body.trim().split(/\r?\n/)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export interface SessionOption {
  value: string;
  label: string;
  /** The session's local date, which becomes the note's session date. */
  date: string;
}

const SESSION_STATUSES = new Set(['scheduled', 'confirmed', 'checked_in', 'in_session', 'completed']);

/**
 * The patient's sessions a note can be about: those that took place (or start today at the latest),
 * newest first. `describe` formats a local date-time for people.
 */
export function sessionOptions(appointments: TAppointment[], today: string, describe: (local: string) => string): SessionOption[] {
  return appointments
    .filter((a) => SESSION_STATUSES.has(a.status) && a.start.slice(0, 10) <= today)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((a) => ({ value: a.id, label: `${describe(a.start)} · ${a.appointmentType.name}`, date: a.start.slice(0, 10) }));
}

/** Choosing a session sets the date to its date; clearing it keeps the date. */
export function withSession(draft: PrivateNoteDraft, option: SessionOption | null): PrivateNoteDraft {
  return option ? { ...draft, appointmentId: option.value, sessionDate: option.date } : { ...draft, appointmentId: null };
}

/** Changing the date by hand unlinks a session on another day. */
export function withDate(draft: PrivateNoteDraft, date: string, options: SessionOption[]): PrivateNoteDraft {
  const linked = options.find((o) => o.value === draft.appointmentId);
  return { ...draft, sessionDate: date, appointmentId: linked && linked.date === date ? draft.appointmentId : null };
}

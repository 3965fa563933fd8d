// What happened to each demo appointment, told as the history the app itself would have written:
// booked, maybe moved, reminded, confirmed by the patient, checked in, then completed, missed or
// cancelled (with the attendance fee), each step an appointment_events row with who and when.
import { newId, newSecret, sha256 } from '../platform/ids.js';
import { reminderDueAt } from '../modules/reminders/domain/plan.js';
import { LATE_CANCEL_REASONS, PATIENT_CANCEL_REASONS } from './demo-data.js';

export interface Appt {
  id: string;
  seriesId: string | null;
  occurrenceLocal: string | null;
  patientId: string | null;
  groupId: string | null;
  clinicianId: string;
  locationId: string;
  roomId: string | null;
  typeId: string;
  telehealth: boolean;
  timeZone: string;
  start: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  statusReason: string | null;
  statusChangedAt: Date | null;
  statusChangedBy: string | null;
  moved: boolean;
  feeCents: number | null;
  createdBy: string;
  createdAt: Date;
  version: number;
}

export interface Ev {
  appointmentId: string;
  patientId: string | null;
  at: Date;
  actorId: string | null;
  kind: 'created' | 'status' | 'moved' | 'fee' | 'reminder' | 'confirmed_by_patient';
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface ReminderRow {
  id: string;
  appointmentId: string;
  patientId: string;
  ruleId: string;
  channel: 'email' | 'sms';
  dueAt: Date;
  forStartsAt: Date;
  status: 'sent' | 'skipped';
  skipReason: string | null;
  sentAt: Date | null;
}

/** The single-use confirm link a sent e-mail reminder carried, already used by the patient. */
export interface LinkRow {
  id: string;
  tokenHash: string;
  appointmentId: string;
  patientId: string;
  expiresAt: Date;
  usedAt: Date;
  reminderId: string;
  createdAt: Date;
}

export type Outcome = 'upcoming' | 'in_session' | 'completed' | 'no_show' | 'late_cancel' | 'cancelled_patient' | 'cancelled_practice' | 'skipped';

export interface Plan {
  outcome: Outcome;
  /** Why it was cancelled or skipped, when the reason is known (time off, series ended). */
  reason?: string;
  /** When a practice-side cancellation or skip was recorded. */
  decidedAt?: Date;
  /** The occurrence was moved from this local start, on this date. */
  move?: { from: string; at: Date };
}

export interface PatientTraits {
  medicaid: boolean;
  okToText: boolean;
  /** Chance the patient confirms through the reminder's link. */
  confirms: number;
}

export interface NarrateContext {
  now: Date;
  frontDesk: string;
  rules: { email: { id: string; minutes: number }; sms: { id: string; minutes: number } };
  fees: { noShow: number; lateCancel: number };
  /** Reminders are written for appointments starting in this window (a few weeks back, two days ahead). */
  reminderWindow: [Date, Date];
  rand: () => number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LATE_NOTE = 'Cancelled within the 24-hour late-cancel window';
const CONFIRMED = 'Confirmed by the patient from a reminder';
const at = (ms: number) => new Date(Math.round(ms / MIN) * MIN);

/** Applies a plan to an appointment: sets its final state and returns the events and reminders behind it. */
export function narrate(a: Appt, plan: Plan, patient: PatientTraits | null, ctx: NarrateContext): { events: Ev[]; reminders: ReminderRow[]; links: LinkRow[] } {
  const { rand, now, frontDesk } = ctx;
  const events: Ev[] = [];
  const reminders: ReminderRow[] = [];
  const links: LinkRow[] = [];
  const ev = (kind: Ev['kind'], when: Date, actorId: string | null, extra: Partial<Ev> = {}) =>
    events.push({ appointmentId: a.id, patientId: a.patientId, at: when, actorId, kind, fromStatus: null, toStatus: null, reason: null, detail: {}, ...extra });
  const setStatus = (to: string, when: Date, actorId: string | null, reason: string | null = null) => {
    ev('status', when, actorId, { fromStatus: a.status, toStatus: to, reason });
    a.status = to;
    a.statusReason = reason;
    a.statusChangedAt = when;
    a.statusChangedBy = actorId;
    a.version++;
  };

  ev('created', a.createdAt, a.createdBy, { toStatus: 'scheduled' });
  if (plan.move) {
    ev('moved', plan.move.at, frontDesk, { reason: 'Patient asked for a later time', detail: { from: plan.move.from, to: a.start } });
    a.version++;
  }

  const start = a.startsAt.getTime();
  // When the patient or the practice called it off; reminders stop after that.
  let cancelAt: number | null = null;
  if (plan.outcome === 'late_cancel') cancelAt = start - (2 + Math.floor(rand() * 18)) * HOUR;
  if (plan.outcome === 'cancelled_patient') {
    cancelAt = start > now.getTime() ? now.getTime() - (1 + Math.floor(rand() * 2)) * DAY : start - (2 + Math.floor(rand() * 5)) * DAY;
    cancelAt = Math.max(cancelAt, a.createdAt.getTime() + HOUR);
  }
  if (plan.outcome === 'cancelled_practice' || plan.outcome === 'skipped') {
    // Never before the appointment existed (a series booked after the time off was entered).
    cancelAt = Math.max(plan.decidedAt?.getTime() ?? start - (1 + Math.floor(rand() * 4)) * DAY, a.createdAt.getTime() + MIN);
  }

  const inWindow = start >= ctx.reminderWindow[0].getTime() && start <= ctx.reminderWindow[1].getTime();
  if (a.patientId && patient && inWindow) {
    let email: { id: string; sentAt: number } | null = null;
    for (const channel of ['email', 'sms'] as const) {
      const rule = ctx.rules[channel];
      // The dispatcher's own rule: due before the start, moved to 20:00 the evening before when at night.
      const due = reminderDueAt(a.startsAt, rule.minutes, a.timeZone).getTime();
      if (due >= now.getTime() || due <= a.createdAt.getTime() || (cancelAt !== null && cancelAt <= due)) continue;
      const consent = channel === 'email' || patient.okToText;
      const sentAt = consent ? at(due + MIN) : null;
      const id = newId();
      reminders.push({
        id, appointmentId: a.id, patientId: a.patientId, ruleId: rule.id, channel, dueAt: new Date(due), forStartsAt: a.startsAt,
        status: consent ? 'sent' : 'skipped', skipReason: consent ? null : 'not_permitted', sentAt,
      });
      if (sentAt) ev('reminder', sentAt, null, { detail: { channel } });
      if (channel === 'email' && sentAt) email = { id, sentAt: sentAt.getTime() };
    }
    if (email && rand() < patient.confirms) {
      const when = at(email.sentAt + (1 + Math.floor(rand() * 20)) * HOUR);
      const limit = Math.min(now.getTime(), start - HOUR, cancelAt ?? Infinity);
      if (when.getTime() < limit) {
        const linkId = newId();
        links.push({ id: linkId, tokenHash: sha256(newSecret()), appointmentId: a.id, patientId: a.patientId, expiresAt: a.startsAt, usedAt: when, reminderId: email.id, createdAt: new Date(email.sentAt) });
        ev('confirmed_by_patient', when, null, { fromStatus: 'scheduled', toStatus: 'confirmed', reason: CONFIRMED, detail: { via: 'reminder_link', linkId } });
        a.status = 'confirmed';
        a.statusReason = CONFIRMED;
        a.statusChangedAt = when;
        a.statusChangedBy = null;
        a.version++;
      }
    }
  }

  const checkIn = () => {
    if (!a.telehealth && a.patientId) setStatus('checked_in', at(start - (2 + Math.floor(rand() * 9)) * MIN), frontDesk);
  };
  const fee = (status: 'no_show' | 'late_cancel', when: Date) => {
    if (!a.patientId || !patient) return;
    const amount = patient.medicaid ? 0 : status === 'no_show' ? ctx.fees.noShow : ctx.fees.lateCancel;
    a.feeCents = amount;
    ev('fee', when, frontDesk, { fromStatus: status, toStatus: status, reason: amount ? `Fee ${(amount / 100).toFixed(2)}` : 'medicaid_exempt' });
  };
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  switch (plan.outcome) {
    case 'upcoming':
      break;
    case 'in_session':
      checkIn();
      setStatus('in_session', at(start + MIN), a.clinicianId);
      break;
    case 'completed':
      checkIn();
      setStatus('completed', at(a.endsAt.getTime() + Math.floor(rand() * 25) * MIN), a.clinicianId);
      break;
    case 'no_show': {
      const when = at(start + (15 + Math.floor(rand() * 15)) * MIN);
      setStatus('no_show', when, frontDesk);
      fee('no_show', when);
      break;
    }
    case 'late_cancel': {
      const when = at(cancelAt!);
      setStatus('late_cancel', when, frontDesk, `${pick(LATE_CANCEL_REASONS)} — ${LATE_NOTE}`);
      fee('late_cancel', when);
      break;
    }
    case 'cancelled_patient':
      setStatus('cancelled_patient', at(cancelAt!), frontDesk, pick(PATIENT_CANCEL_REASONS));
      break;
    case 'cancelled_practice':
      setStatus('cancelled_practice', at(cancelAt!), frontDesk, plan.reason ?? 'Clinician out sick');
      break;
    case 'skipped':
      setStatus('skipped', at(cancelAt!), frontDesk, plan.reason ?? null);
      break;
  }
  return { events, reminders, links };
}

/** How a past session of a patient with this reliability turned out. */
export function pastOutcome(reliability: 'steady' | 'usual' | 'shaky', r: number): Outcome {
  const table: Record<typeof reliability, [Outcome, number][]> = {
    steady: [['completed', 0.93], ['cancelled_patient', 0.04], ['late_cancel', 0.01], ['no_show', 0.01], ['cancelled_practice', 0.01]],
    usual: [['completed', 0.84], ['cancelled_patient', 0.07], ['late_cancel', 0.03], ['no_show', 0.04], ['cancelled_practice', 0.02]],
    shaky: [['completed', 0.68], ['cancelled_patient', 0.12], ['late_cancel', 0.08], ['no_show', 0.1], ['cancelled_practice', 0.02]],
  };
  let acc = 0;
  for (const [o, p] of table[reliability]) {
    acc += p;
    if (r < acc) return o;
  }
  return 'completed';
}

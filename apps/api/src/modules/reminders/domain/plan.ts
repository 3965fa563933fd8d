import { Temporal } from 'temporal-polyfill';

// Which reminders are due now. Pure: the dispatcher loads the facts, this decides, and the
// dispatcher records each decision (a reminders row) so it is taken exactly once.
//
// The rules, in the order they apply:
// - A reminder belongs to (appointment, patient, rule, start time). When an appointment moves, the
//   reminders of its old start no longer count, so the new time gets its own reminders.
// - Only appointments that hold their slot and are still ahead are reminded (scheduled, confirmed);
//   nothing is ever sent once the appointment has started.
// - due = start - rule.minutesBefore. When that falls in the patient's night (21:00 to 08:00 in the
//   appointment's time zone), the reminder goes at 20:00 the evening before instead: earlier rather
//   than in the middle of the night or too close to a morning appointment.
// - Nothing is sent while it is night where the appointment is (a late booking, or a dispatcher that
//   was down): the reminder waits for 08:00, if the appointment has not started by then.
// - If several rules of one channel are due at once (an appointment booked at short notice), only the
//   closest to the appointment is sent; the others are recorded as superseded.
// - A patient who opted out of a channel (reminderChannel), refused it (okToText / okToEmail false) or
//   has no usable address for it gets no reminder on it; the decision is recorded with the reason.
// - Confirmed appointments still get their later reminders (worded as a reminder, with the cancel
//   link only): a confirmation days ahead does not make the day-before reminder less useful.

export type ReminderChannel = 'email' | 'sms';
export type ChannelPreference = 'both' | 'email' | 'sms' | 'none';
export type SkipReason = 'opted_out' | 'not_permitted' | 'no_address' | 'superseded' | 'patient_inactive';

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;
export const EVENING_SEND_HOUR = 20;

/** Appointment statuses that still get reminders. */
export const REMINDABLE_STATUSES: ReadonlySet<string> = new Set(['scheduled', 'confirmed']);

export interface PlanRule {
  id: string;
  channel: ReminderChannel;
  minutesBefore: number;
}

export interface RecipientFacts {
  patientId: string;
  email: string | null;
  /** An E.164 number usable for SMS, or null. */
  smsNumber: string | null;
  reminderChannel?: ChannelPreference;
  okToText?: boolean;
  okToEmail?: boolean;
  /** False for discharged patients. */
  active: boolean;
}

export interface PlanAppointment {
  id: string;
  startsAt: Date;
  timeZone: string;
  status: string;
  /** The patient, or each enrolled member of a group appointment. */
  recipients: RecipientFacts[];
}

export interface ExistingReminder {
  appointmentId: string;
  patientId: string;
  ruleId: string | null;
  forStartsAt: Date;
}

export interface ReminderDecision {
  appointmentId: string;
  patientId: string;
  ruleId: string;
  channel: ReminderChannel;
  dueAt: Date;
  forStartsAt: Date;
  action: 'send' | 'skip';
  reason: SkipReason | null;
}

const zoned = (at: Date, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);

/** Is it night (21:00 to 08:00) at this instant in this zone? */
export function inQuietHours(at: Date, timeZone: string): boolean {
  const h = zoned(at, timeZone).hour;
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/** When a rule's reminder is due: start - minutesBefore, moved to 20:00 the evening before if that is at night. */
export function reminderDueAt(startsAt: Date, minutesBefore: number, timeZone: string): Date {
  const nominal = new Date(startsAt.getTime() - minutesBefore * 60_000);
  const local = zoned(nominal, timeZone);
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return nominal;
  const eveningDate = local.hour >= QUIET_FROM_HOUR ? local.toPlainDate() : local.toPlainDate().subtract({ days: 1 });
  const evening = eveningDate.toZonedDateTime({ timeZone, plainTime: new Temporal.PlainTime(EVENING_SEND_HOUR) });
  return new Date(evening.epochMilliseconds);
}

/** Why this patient gets no reminder on this channel, or null when they may. */
export function channelBlock(r: RecipientFacts, channel: ReminderChannel): SkipReason | null {
  if (!r.active) return 'patient_inactive';
  const pref = r.reminderChannel ?? 'both';
  if (pref === 'none' || (pref !== 'both' && pref !== channel)) return 'opted_out';
  if (channel === 'sms' && r.okToText === false) return 'not_permitted';
  if (channel === 'email' && r.okToEmail === false) return 'not_permitted';
  if (channel === 'sms' ? !r.smsNumber : !r.email) return 'no_address';
  return null;
}

const key = (appointmentId: string, patientId: string, ruleId: string | null, startsAt: Date) =>
  `${appointmentId}|${patientId}|${ruleId ?? ''}|${startsAt.getTime()}`;

/** The reminders to send or record as skipped now. Reminders not yet due are not returned. */
export function planReminders(input: {
  now: Date;
  rules: PlanRule[];
  appointments: PlanAppointment[];
  existing: ExistingReminder[];
}): ReminderDecision[] {
  const { now } = input;
  const done = new Set(input.existing.map((e) => key(e.appointmentId, e.patientId, e.ruleId, e.forStartsAt)));
  const out: ReminderDecision[] = [];
  for (const appt of input.appointments) {
    if (!REMINDABLE_STATUSES.has(appt.status) || now.getTime() >= appt.startsAt.getTime()) continue;
    const night = inQuietHours(now, appt.timeZone);
    for (const who of appt.recipients) {
      const due = input.rules
        .filter((rule) => !done.has(key(appt.id, who.patientId, rule.id, appt.startsAt)))
        .map((rule) => ({ rule, dueAt: reminderDueAt(appt.startsAt, rule.minutesBefore, appt.timeZone) }))
        .filter((d) => d.dueAt.getTime() <= now.getTime());
      for (const channel of ['email', 'sms'] as const) {
        const ofChannel = due.filter((d) => d.rule.channel === channel).sort((a, b) => a.rule.minutesBefore - b.rule.minutesBefore);
        if (!ofChannel.length) continue;
        const decide = (d: (typeof ofChannel)[number], action: 'send' | 'skip', reason: SkipReason | null): ReminderDecision => ({
          appointmentId: appt.id, patientId: who.patientId, ruleId: d.rule.id, channel, dueAt: d.dueAt, forStartsAt: appt.startsAt, action, reason,
        });
        const block = channelBlock(who, channel);
        if (block) {
          for (const d of ofChannel) out.push(decide(d, 'skip', block));
          continue;
        }
        // At night nothing goes out; the same reminders are due again at the next pass after 08:00.
        if (night) continue;
        const [closest, ...earlier] = ofChannel;
        out.push(decide(closest!, 'send', null));
        for (const d of earlier) out.push(decide(d, 'skip', 'superseded'));
      }
    }
  }
  return out;
}

/**
 * A phone number as E.164 for SMS, or null when it cannot be one. Numbers without a country code are
 * taken as North American (10 digits, or 11 starting with 1), like the rest of Hearth's US defaults.
 */
export function smsNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const t = phone.trim();
  const digits = t.replace(/\D/g, '');
  if (t.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1') && /^[2-9]/.test(digits.slice(1))) return `+${digits}`;
  return null;
}

/** The reminder-related contact preferences from a patient's stored jsonb (tolerant of older shapes). */
export function reminderPreferences(raw: unknown): Pick<RecipientFacts, 'reminderChannel' | 'okToText' | 'okToEmail'> {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const ch = o.reminderChannel;
  return {
    reminderChannel: ch === 'both' || ch === 'email' || ch === 'sms' || ch === 'none' ? ch : undefined,
    okToText: typeof o.okToText === 'boolean' ? o.okToText : undefined,
    okToEmail: typeof o.okToEmail === 'boolean' ? o.okToEmail : undefined,
  };
}

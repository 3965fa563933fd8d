import { z } from 'zod';
import { ZLocalDateTime } from './scheduling.js';

// Appointment reminders: the practice's rules (channel and how long before), the SMS sandbox, and
// the public confirm/cancel page a patient reaches from a reminder without signing in.

export const ZReminderChannel = z.enum(['email', 'sms']);
export type TReminderChannel = z.infer<typeof ZReminderChannel>;

/** 30 minutes to 14 days before the appointment, in whole minutes. */
export const ZMinutesBefore = z
  .number()
  .int('must be whole minutes')
  .min(30, 'must be at least 30 minutes')
  .max(20160, 'must be at most 14 days (20160 minutes)');

export const ZReminderRule = z.object({
  id: z.uuid(),
  channel: ZReminderChannel,
  minutesBefore: z.number(),
  active: z.boolean(),
});
export type TReminderRule = z.infer<typeof ZReminderRule>;

export const ZCreateReminderRuleRequest = z.strictObject({
  channel: ZReminderChannel,
  minutesBefore: ZMinutesBefore,
  active: z.boolean().optional(),
});
export type TCreateReminderRuleRequest = z.infer<typeof ZCreateReminderRuleRequest>;

export const ZUpdateReminderRuleRequest = z.strictObject({
  channel: ZReminderChannel.optional(),
  minutesBefore: ZMinutesBefore.optional(),
  active: z.boolean().optional(),
});
export type TUpdateReminderRuleRequest = z.infer<typeof ZUpdateReminderRuleRequest>;

/** What one pass of the reminder dispatcher did. */
export const ZReminderRunResult = z.object({
  /** Appointments looked at (upcoming, holding their slot, with a rule coming due). */
  appointments: z.number(),
  /** Reminders queued for delivery now. */
  queued: z.number(),
  /** Reminders recorded as skipped (opted out, no address, superseded). */
  skipped: z.number(),
});
export type TReminderRunResult = z.infer<typeof ZReminderRunResult>;

export const ZSmsProviderKind = z.enum(['sandbox', 'twilio']);
export const ZSmsSandboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const ZSmsSandbox = z.object({
  /** The provider this server sends with; with 'twilio', the list holds only older sandbox messages. */
  provider: ZSmsProviderKind,
  messages: z.array(ZSmsSandboxMessage),
});
export type TSmsSandbox = z.infer<typeof ZSmsSandbox>;

/** How this server sends reminders (from its configuration; changed by an operator, not in the app). */
export const ZReminderSettings = z.object({
  smsProvider: ZSmsProviderKind,
  /** Local times in the appointment's zone: nothing is sent from quietFrom to quietUntil. */
  quietFrom: z.string(),
  quietUntil: z.string(),
  /** A reminder that would fall in quiet hours goes at this time the evening before. */
  eveningSendAt: z.string(),
  /** How often the dispatcher looks for due reminders. */
  intervalSeconds: z.number(),
});
export type TReminderSettings = z.infer<typeof ZReminderSettings>;

/** The token from a reminder's link: opaque, URL-safe. */
export const ZAppointmentLinkParams = z.strictObject({
  token: z.string().min(1).max(200),
});

/**
 * What a patient sees from a reminder link: the practice, when and where. Nothing clinical: no
 * appointment type, no clinician, no patient name (a forwarded link must not reveal more).
 */
export const ZAppointmentLinkView = z.object({
  practice: z.object({ name: z.string(), phone: z.string().nullable() }),
  appointment: z.object({
    start: ZLocalDateTime,
    startsAt: z.string(),
    timeZone: z.string(),
    /** "Tuesday, March 9, 2027" */
    dateText: z.string(),
    /** "3:00 PM EST" */
    timeText: z.string(),
    durationMinutes: z.number(),
    place: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('in_person'), name: z.string(), address: z.string().nullable() }),
      z.object({ kind: z.literal('video') }),
    ]),
    /** The appointment as it stands now (for this patient, in a group). */
    state: z.enum(['scheduled', 'confirmed', 'cancelled', 'rescheduled', 'arrived']),
  }),
  link: z.object({
    state: z.enum(['open', 'used']),
    usedFor: z.enum(['confirm', 'cancel']).nullable(),
    expiresAt: z.string(),
  }),
  canConfirm: z.boolean(),
  canCancel: z.boolean(),
  /** Cancelling now falls inside the practice's late-cancel window. */
  cancelIsLate: z.boolean(),
  lateCancelWindowHours: z.number(),
});
export type TAppointmentLinkView = z.infer<typeof ZAppointmentLinkView>;

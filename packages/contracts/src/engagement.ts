import { z } from 'zod';
import { OUTREACH_TEMPLATE_KEYS } from '@hearth/content';
import { ZIsoDate, ZPageQuery, ZText, ZUuid } from './common.js';

// Attendance per patient, the engagement (dropout-risk) score with its reasons, the at-risk
// worklist, outreach attempts, the practice's attendance dashboard and the waitlist.

// ---- attendance and engagement -------------------------------------------------------------------

export const ZRiskLevel = z.enum(['low', 'moderate', 'high']);
export type TRiskLevel = z.infer<typeof ZRiskLevel>;

/** One factor of the score: a stable code, a sentence for people, and the points it added. */
export const ZEngagementReason = z.object({ code: z.string(), text: z.string(), points: z.number() });
export type TEngagementReason = z.infer<typeof ZEngagementReason>;

/**
 * Dropout risk, 0 (no concern) to 100 (highest concern): higher means more at risk. Always comes
 * with its reasons (a single "no concerns" reason when nothing adds points).
 */
export const ZEngagementScore = z.object({
  score: z.number(),
  level: ZRiskLevel,
  reasons: z.array(ZEngagementReason),
});
export type TEngagementScore = z.infer<typeof ZEngagementScore>;

export const ZUpcomingAppointment = z.object({
  appointmentId: ZUuid,
  /** Local start 'YYYY-MM-DDTHH:MM' in the appointment's time zone. */
  start: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  clinicianName: z.string(),
  /** A group session (the patient attends as a member). */
  group: z.boolean(),
});
export type TUpcomingAppointment = z.infer<typeof ZUpcomingAppointment>;

export const ZAttendanceStats = z.object({
  /** Sessions kept (completed, checked in, in session) and missed (no-show, late cancel), all time. */
  attended: z.number(),
  missed: z.number(),
  /** Kept / (kept + missed) in percent with one decimal; null before any kept or missed session. */
  attendanceRate: z.number().nullable(),
  last90Days: z.object({
    attended: z.number(),
    noShows: z.number(),
    lateCancels: z.number(),
    /** Cancelled by the patient in time: neither kept nor missed. */
    cancelledByPatient: z.number(),
  }),
  /** Misses in a row, counting back from the most recent kept or missed session. */
  consecutiveMisses: z.number(),
  lastAttendedDate: ZIsoDate.nullable(),
  daysSinceLastAttended: z.number().nullable(),
  nextAppointment: ZUpcomingAppointment.nullable(),
});
export type TAttendanceStats = z.infer<typeof ZAttendanceStats>;

export const ZPatientAttendance = z.object({
  patientId: ZUuid,
  /** The practice's local date the figures are computed for. */
  asOf: ZIsoDate,
  patientStatus: z.enum(['active', 'waitlist', 'discharged']),
  stats: ZAttendanceStats,
  engagement: ZEngagementScore,
});
export type TPatientAttendance = z.infer<typeof ZPatientAttendance>;

// ---- outreach ------------------------------------------------------------------------------------

export const ZOutreachChannel = z.enum(['phone', 'email', 'sms', 'letter', 'in_person', 'portal']);
export const ZOutreachOutcome = z.enum(['reached', 'left_message', 'no_answer', 'sent', 'scheduled', 'declined', 'wrong_number']);
export const ZOutreachTemplateKey = z.enum(OUTREACH_TEMPLATE_KEYS);

export const ZRecordOutreachRequest = z.strictObject({
  channel: ZOutreachChannel,
  outcome: ZOutreachOutcome,
  note: ZText(1000).optional(),
  /** The message template used, if any. */
  templateKey: ZOutreachTemplateKey.optional(),
});
export type TRecordOutreachRequest = z.infer<typeof ZRecordOutreachRequest>;

export const ZSendOutreachRequest = z.strictObject({
  templateKey: ZOutreachTemplateKey,
  channel: z.literal('email'),
});
export type TSendOutreachRequest = z.infer<typeof ZSendOutreachRequest>;

export const ZOutreachAttempt = z.object({
  id: ZUuid,
  patientId: ZUuid,
  at: z.string(),
  actor: z.object({ id: ZUuid, name: z.string() }).nullable(),
  channel: ZOutreachChannel,
  outcome: ZOutreachOutcome,
  templateKey: z.string().nullable(),
  note: z.string().nullable(),
});
export type TOutreachAttempt = z.infer<typeof ZOutreachAttempt>;

export const ZSendOutreachResult = z.object({
  attempt: ZOutreachAttempt,
  /** The subject line that was queued (the body stays in the outbox). */
  subject: z.string(),
});

// ---- the at-risk worklist ------------------------------------------------------------------------

export const ZAtRiskQuery = ZPageQuery.extend({
  /** The lowest level to list: 'moderate' (moderate and high, the default) or 'high'. */
  level: z.enum(['moderate', 'high']).optional(),
  /** Only patients on this clinician's care team. */
  clinicianId: ZUuid.optional(),
});
export type TAtRiskQuery = z.infer<typeof ZAtRiskQuery>;

export const ZAtRiskPatient = z.object({
  patient: z.object({ id: ZUuid, name: z.string(), mrn: z.string() }),
  score: z.number(),
  level: ZRiskLevel,
  reasons: z.array(ZEngagementReason),
  lastAttendedDate: ZIsoDate.nullable(),
  daysSinceLastAttended: z.number().nullable(),
  nextAppointment: ZUpcomingAppointment.nullable(),
  lastOutreach: ZOutreachAttempt.nullable(),
});
export type TAtRiskPatient = z.infer<typeof ZAtRiskPatient>;

// ---- the attendance dashboard --------------------------------------------------------------------

export const ZAttendanceGroupBy = z.enum(['clinician', 'weekday', 'hour', 'appointment_type', 'payer', 'month']);
export type TAttendanceGroupBy = z.infer<typeof ZAttendanceGroupBy>;

export const ZAttendanceReportQuery = z.strictObject({
  /** First local date (inclusive); defaults to 90 days before `to`. */
  from: ZIsoDate.optional(),
  /** Last local date (inclusive); defaults to today. */
  to: ZIsoDate.optional(),
  groupBy: ZAttendanceGroupBy.optional(),
  /** The over-time series: by week (Monday-based) or month; defaults by the range's length. */
  interval: z.enum(['week', 'month']).optional(),
});
export type TAttendanceReportQuery = z.infer<typeof ZAttendanceReportQuery>;

/** Counts of kept and missed appointments, and the rates in percent of (kept + missed). */
export const ZAttendanceRates = z.object({
  kept: z.number(),
  noShows: z.number(),
  lateCancels: z.number(),
  total: z.number(),
  noShowRate: z.number().nullable(),
  lateCancelRate: z.number().nullable(),
});
export type TAttendanceRates = z.infer<typeof ZAttendanceRates>;

export const ZAttendanceReport = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  groupBy: ZAttendanceGroupBy,
  interval: z.enum(['week', 'month']),
  totals: ZAttendanceRates,
  buckets: z.array(ZAttendanceRates.extend({ key: z.string(), label: z.string() })),
  /** One point per week or month in the range (periods without appointments included, at zero). */
  series: z.array(ZAttendanceRates.extend({ period: ZIsoDate, label: z.string() })),
});
export type TAttendanceReport = z.infer<typeof ZAttendanceReport>;

// ---- the waitlist --------------------------------------------------------------------------------

export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time such as 09:30');

/** A window of the week the patient can come: ISO weekday (1 = Monday) and local times. */
export const ZPreferredTime = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    from: ZClockTime,
    to: ZClockTime,
  })
  .refine((p) => p.to > p.from, { path: ['to'], message: 'must be after from' });
export type TPreferredTime = z.infer<typeof ZPreferredTime>;

export const ZWaitlistStatus = z.enum(['open', 'scheduled', 'removed']);
export type TWaitlistStatus = z.infer<typeof ZWaitlistStatus>;

const waitlistFields = {
  /** Null or absent: any clinician, type or location. */
  clinicianId: ZUuid.nullable().optional(),
  appointmentTypeId: ZUuid.nullable().optional(),
  locationId: ZUuid.nullable().optional(),
  telehealthOk: z.boolean().optional(),
  /** Empty: any time. */
  preferredTimes: z.array(ZPreferredTime).max(28).optional(),
  /** 1 = most urgent, 3 = least. */
  priority: z.number().int().min(1).max(3).optional(),
  note: ZText(1000).optional(),
};

export const ZCreateWaitlistEntryRequest = z.strictObject({ patientId: ZUuid, ...waitlistFields });
export type TCreateWaitlistEntryRequest = z.infer<typeof ZCreateWaitlistEntryRequest>;

export const ZUpdateWaitlistEntryRequest = z.strictObject({
  ...waitlistFields,
  status: ZWaitlistStatus.optional(),
  version: z.number().int().min(1),
});
export type TUpdateWaitlistEntryRequest = z.infer<typeof ZUpdateWaitlistEntryRequest>;

export const ZWaitlistQuery = ZPageQuery.extend({ status: ZWaitlistStatus.optional() });

const named = z.object({ id: ZUuid, name: z.string() });
export const ZWaitlistEntry = z.object({
  id: ZUuid,
  patientId: ZUuid,
  /** Null when the reader may not see who the patient is. */
  patient: z.object({ id: ZUuid, name: z.string(), mrn: z.string() }).nullable(),
  clinicianId: ZUuid.nullable(),
  clinician: named.nullable(),
  appointmentTypeId: ZUuid.nullable(),
  appointmentType: named.nullable(),
  locationId: ZUuid.nullable(),
  location: named.nullable(),
  telehealthOk: z.boolean(),
  preferredTimes: z.array(z.object({ weekday: z.number(), from: z.string(), to: z.string() })),
  priority: z.number(),
  /** Null also when the reader may not see the patient (notes can identify them). */
  note: z.string().nullable(),
  addedOn: ZIsoDate,
  status: ZWaitlistStatus,
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type TWaitlistEntry = z.infer<typeof ZWaitlistEntry>;

export const ZWaitlistSuggestionsQuery = z.strictObject({ appointmentId: ZUuid });

export const ZWaitlistSuggestions = z.object({
  slot: z.object({
    appointmentId: ZUuid,
    status: z.string(),
    start: z.string(),
    end: z.string(),
    weekday: z.number(),
    timeZone: z.string(),
    durationMinutes: z.number(),
    telehealth: z.boolean(),
    clinician: named,
    appointmentType: named,
    location: named,
  }),
  suggestions: z.array(
    z.object({
      entry: ZWaitlistEntry,
      reasons: z.array(z.object({ code: z.string(), text: z.string() })),
    }),
  ),
});
export type TWaitlistSuggestions = z.infer<typeof ZWaitlistSuggestions>;

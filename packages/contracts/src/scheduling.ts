import { z } from 'zod';
import { ZIsoDate, ZLine, ZName, ZText, ZUuid } from './common.js';

// Scheduling: appointment types, booking (single or recurring), the calendar, moves with their
// scope, attendance statuses and the practice's scheduling policy. Times people choose are local
// wall-clock times in the location's IANA time zone; instants in answers are ISO 8601 UTC.

/** A local date and time, 'YYYY-MM-DDTHH:MM', in the appointment's time zone. */
export const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time such as 2027-01-05T15:00');
/** An IANA time zone name; the server checks it exists. */
export const ZTimeZoneName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/, 'must be an IANA time zone such as America/Chicago');
/** An RFC 5545 RRULE (FREQ, INTERVAL, BYDAY, BYSETPOS, UNTIL, COUNT), checked by the server. */
export const ZRecurrenceRule = z.string().min(1).max(200);
export const ZDuration = z.number().int('must be whole minutes').min(5, 'must be at least 5 minutes').max(480, 'must be at most 480 minutes');

export const ZAppointmentStatus = z.enum([
  'scheduled', 'confirmed', 'checked_in', 'in_session', 'completed', 'no_show', 'late_cancel',
  'cancelled_patient', 'cancelled_practice', 'rescheduled', 'skipped',
]);
export type TAppointmentStatus = z.infer<typeof ZAppointmentStatus>;
/** Statuses a person sets directly (skipped and rescheduled come from their own actions). */
export const ZSettableStatus = z.enum(['scheduled', 'confirmed', 'checked_in', 'in_session', 'completed', 'no_show', 'late_cancel', 'cancelled_patient', 'cancelled_practice']);
export const ZServiceHint = z.enum(['intake', 'psychotherapy', 'family', 'group', 'psychiatric_evaluation', 'medication_management', 'crisis', 'collateral', 'testing', 'other']);
export const ZAppointmentMode = z.enum(['in_person', 'telehealth', 'either']);
export const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1c7ed6');

export const ZAppointmentType = z.object({
  id: ZUuid,
  code: z.string(),
  name: z.string(),
  durationMinutes: z.number(),
  serviceHint: ZServiceHint,
  mode: ZAppointmentMode,
  color: z.string(),
  isGroup: z.boolean(),
  active: z.boolean(),
  sort: z.number(),
  version: z.number(),
});
export type TAppointmentType = z.infer<typeof ZAppointmentType>;

export const ZCreateAppointmentTypeRequest = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes'),
  name: ZName,
  durationMinutes: ZDuration,
  serviceHint: ZServiceHint,
  mode: ZAppointmentMode,
  color: ZColor,
  isGroup: z.boolean().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10000).optional(),
});
export const ZUpdateAppointmentTypeRequest = ZCreateAppointmentTypeRequest.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1) });

export const ZPayerAttendanceFee = z.strictObject({
  payerId: ZUuid,
  noShowFeeCents: z.number().int().min(0).max(100000).nullable(),
  lateCancelFeeCents: z.number().int().min(0).max(100000).nullable(),
  exempt: z.boolean(),
});
export const ZSchedulingSettings = z.object({
  lateCancelWindowHours: z.number(),
  maxSeriesDays: z.number(),
  seriesHorizonDays: z.number(),
  noShowFeeCents: z.number(),
  lateCancelFeeCents: z.number(),
  medicaidFeeExempt: z.boolean(),
  payerFees: z.array(ZPayerAttendanceFee),
});
export type TSchedulingSettings = z.infer<typeof ZSchedulingSettings>;
export const ZUpdateSchedulingSettingsRequest = z.strictObject({
  lateCancelWindowHours: z.number().int().min(0).max(168).optional(),
  maxSeriesDays: z.number().int().min(7).max(3660).optional(),
  seriesHorizonDays: z.number().int().min(28).max(730).optional(),
  noShowFeeCents: z.number().int().min(0).max(100000).optional(),
  lateCancelFeeCents: z.number().int().min(0).max(100000).optional(),
  medicaidFeeExempt: z.boolean().optional(),
  /** Replaces the per-payer overrides when given. */
  payerFees: z.array(ZPayerAttendanceFee).max(200).optional(),
});

/** What to book: one appointment, or a series when `recurrence` is given. */
export const ZBookingRequest = z.strictObject({
  patientId: ZUuid,
  clinicianId: ZUuid,
  locationId: ZUuid,
  roomId: ZUuid.nullable().optional(),
  appointmentTypeId: ZUuid,
  telehealth: z.boolean().optional(),
  /** Local start of the first occurrence. */
  start: ZLocalDateTime,
  /** Defaults to the appointment type's duration. */
  durationMinutes: ZDuration.optional(),
  /** Defaults to the location's time zone. */
  timeZone: ZTimeZoneName.optional(),
  recurrence: ZRecurrenceRule.nullable().optional(),
  /** Occurrences (their local start) to leave out, for example conflicting dates. */
  skip: z.array(ZLocalDateTime).max(500).optional(),
  /** Occurrences to book at another local time instead. */
  moves: z.array(z.strictObject({ occurrence: ZLocalDateTime, start: ZLocalDateTime })).max(500).optional(),
});
export type TBookingRequest = z.infer<typeof ZBookingRequest>;

export const ZConflictKind = z.enum(['clinician', 'room', 'patient', 'time_off', 'outside_hours']);
export const ZConflict = z.object({
  kind: ZConflictKind,
  /** Blocking conflicts stop the booking; warnings (outside working hours) do not. */
  blocking: z.boolean(),
  message: z.string(),
  appointmentId: ZUuid.nullable(),
});
export type TConflict = z.infer<typeof ZConflict>;

export const ZOccurrencePreview = z.object({
  /** The occurrence's place in the rule (its local start before any move). */
  occurrence: ZLocalDateTime,
  start: ZLocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  conflicts: z.array(ZConflict),
});
export const ZBookingPreview = z.object({
  timeZone: z.string(),
  /** The rule in plain words, or null for a single appointment. */
  description: z.string().nullable(),
  openEnded: z.boolean(),
  /** For an open-ended series, occurrences are created through this local date and extended later. */
  throughDate: ZIsoDate,
  occurrences: z.array(ZOccurrencePreview),
  blockingCount: z.number(),
});
export type TBookingPreview = z.infer<typeof ZBookingPreview>;

export const ZAppointment = z.object({
  id: ZUuid,
  seriesId: ZUuid.nullable(),
  occurrenceLocal: z.string().nullable(),
  /** Null when the reader may not see who the patient is (the slot shows as busy). */
  patient: z.object({ id: ZUuid, name: z.string(), mrn: z.string() }).nullable(),
  group: z.object({ id: ZUuid, name: z.string() }).nullable(),
  clinician: z.object({ id: ZUuid, name: z.string() }),
  locationId: ZUuid,
  locationName: z.string(),
  roomId: ZUuid.nullable(),
  roomName: z.string().nullable(),
  appointmentType: z.object({ id: ZUuid, name: z.string(), color: z.string(), serviceHint: ZServiceHint }),
  telehealth: z.boolean(),
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Local start in the appointment's zone. */
  start: ZLocalDateTime,
  durationMinutes: z.number(),
  status: ZAppointmentStatus,
  statusReason: z.string().nullable(),
  moved: z.boolean(),
  feeCents: z.number().nullable(),
  /** Reminder state for the front desk: confirmed by the patient, reminded, or nothing yet. */
  confirmation: z.enum(['confirmed', 'reminded', 'none']),
  version: z.number(),
});
export type TAppointment = z.infer<typeof ZAppointment>;

export const ZBookingResult = z.object({
  seriesId: ZUuid.nullable(),
  created: z.number(),
  appointments: z.array(ZAppointment),
});

export const ZCalendarQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  /** Comma-separated clinician ids. */
  clinicianIds: z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/, 'must be up to 20 ids separated by commas').optional(),
  locationId: ZUuid.optional(),
  roomId: ZUuid.optional(),
  patientId: ZUuid.optional(),
  groupId: ZUuid.optional(),
  includeCancelled: z.enum(['true', 'false']).optional(),
});
export type TCalendarQuery = z.infer<typeof ZCalendarQuery>;

export const ZEditScope = z.enum(['this', 'following', 'series']);
export const ZMoveAppointmentRequest = z.strictObject({
  scope: ZEditScope,
  /** New local start (for 'following' and 'series': the new time of day and weekday pattern start). */
  start: ZLocalDateTime.optional(),
  durationMinutes: ZDuration.optional(),
  clinicianId: ZUuid.optional(),
  roomId: ZUuid.nullable().optional(),
  appointmentTypeId: ZUuid.optional(),
  telehealth: z.boolean().optional(),
  /** A new rule for 'following' or 'series'. */
  recurrence: ZRecurrenceRule.optional(),
  reason: ZText(500).optional(),
  version: z.number().int().min(1),
});
export type TMoveAppointmentRequest = z.infer<typeof ZMoveAppointmentRequest>;

/** A patient-requested change: the original is kept as "rescheduled" and a new appointment booked. */
export const ZRescheduleRequest = z.strictObject({
  start: ZLocalDateTime,
  durationMinutes: ZDuration.optional(),
  clinicianId: ZUuid.optional(),
  roomId: ZUuid.nullable().optional(),
  telehealth: z.boolean().optional(),
  reason: ZText(500).optional(),
  version: z.number().int().min(1),
});
export type TRescheduleRequest = z.infer<typeof ZRescheduleRequest>;

export const ZStatusChangeRequest = z.strictObject({
  status: ZSettableStatus,
  reason: ZText(500).optional(),
  version: z.number().int().min(1),
  /** Waive the no-show or late-cancel fee this time. */
  waiveFee: z.boolean().optional(),
});
export const ZSkipRequest = z.strictObject({ reason: ZText(500).optional(), version: z.number().int().min(1) });
export const ZEndSeriesRequest = z.strictObject({
  /** The last local date to keep; later occurrences are cancelled. Defaults to today. */
  lastDate: ZIsoDate.optional(),
  reason: ZLine(200).pipe(z.string().min(1, 'is required')),
});

export const ZAppointmentEvent = z.object({
  id: ZUuid,
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const ZSeries = z.object({
  id: ZUuid,
  patientId: ZUuid.nullable(),
  groupId: ZUuid.nullable(),
  clinicianId: ZUuid,
  locationId: ZUuid,
  roomId: ZUuid.nullable(),
  appointmentTypeId: ZUuid,
  telehealth: z.boolean(),
  timeZone: z.string(),
  start: ZLocalDateTime,
  durationMinutes: z.number(),
  recurrence: z.string(),
  description: z.string(),
  openEnded: z.boolean(),
  materializedThrough: ZIsoDate,
  status: z.enum(['active', 'ended']),
  endedOn: ZIsoDate.nullable(),
  endReason: z.string().nullable(),
  version: z.number(),
});
export type TSeries = z.infer<typeof ZSeries>;

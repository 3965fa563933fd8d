import { z } from 'zod';
import { ZIsoDate, ZLine, ZUuid } from './common.js';
import { ZDuration, ZLocalDateTime, ZTimeZoneName } from './scheduling.js';

// Clinician availability: weekly working hours per location (local times in the location's zone),
// dated exceptions (time off, extra hours) and "find the next open slots".

/** A local time of day, 'HH:MM' (24-hour). */
export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 09:00');

export const ZClinicianParams = z.strictObject({ id: ZUuid });

/** An active clinical staff member, for pickers. */
export const ZClinicianSummary = z.object({
  id: ZUuid,
  name: z.string(),
  /** Has weekly working hours (and so is offered by "find a slot"). */
  hasHours: z.boolean(),
});
export type TClinicianSummary = z.infer<typeof ZClinicianSummary>;

export const ZWeeklyHoursInput = z.strictObject({
  locationId: ZUuid,
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'),
  start: ZTimeOfDay,
  end: ZTimeOfDay,
  /** First and last dates the entry applies (inclusive); omitted = always. */
  effectiveFrom: ZIsoDate.nullable().optional(),
  effectiveTo: ZIsoDate.nullable().optional(),
});
export type TWeeklyHoursInput = z.infer<typeof ZWeeklyHoursInput>;

export const ZReplaceHoursRequest = z.strictObject({
  /** The whole weekly schedule; replaces what was there. An empty list removes all hours. */
  hours: z.array(ZWeeklyHoursInput).max(100, 'must be at most 100 entries'),
});
export type TReplaceHoursRequest = z.infer<typeof ZReplaceHoursRequest>;

export const ZWeeklyHours = z.object({
  id: ZUuid,
  locationId: ZUuid,
  locationName: z.string(),
  timeZone: z.string(),
  weekday: z.number(),
  start: z.string(),
  end: z.string(),
  effectiveFrom: ZIsoDate.nullable(),
  effectiveTo: ZIsoDate.nullable(),
});
export type TWeeklyHours = z.infer<typeof ZWeeklyHours>;

export const ZClinicianHours = z.object({
  clinicianId: ZUuid,
  clinicianName: z.string(),
  hours: z.array(ZWeeklyHours),
});
export type TClinicianHours = z.infer<typeof ZClinicianHours>;

export const ZExceptionKind = z.enum(['time_off', 'extra_hours']);

export const ZCreateExceptionRequest = z.strictObject({
  kind: ZExceptionKind,
  /** Required for extra hours; for time off it only picks the time zone (time off applies everywhere). */
  locationId: ZUuid.optional(),
  /** Local start and end, in timeZone. */
  start: ZLocalDateTime,
  end: ZLocalDateTime,
  /** Defaults to the location's zone, else the practice's. */
  timeZone: ZTimeZoneName.optional(),
  reason: ZLine(200).optional(),
});
export type TCreateExceptionRequest = z.infer<typeof ZCreateExceptionRequest>;

export const ZClinicianException = z.object({
  id: ZUuid,
  clinicianId: ZUuid,
  kind: ZExceptionKind,
  locationId: ZUuid.nullable(),
  locationName: z.string().nullable(),
  /** The zone start and end are shown in: the location's, else the practice's. */
  timeZone: z.string(),
  start: ZLocalDateTime,
  end: ZLocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
});
export type TClinicianException = z.infer<typeof ZClinicianException>;

export const ZExceptionQuery = z.strictObject({
  /** Local dates (practice zone); default today through a year ahead. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

export const ZOpenSlotsRequest = z.strictObject({
  /** One clinician, or (with an appointment type) every clinician who has working hours. */
  clinicianId: ZUuid.optional(),
  appointmentTypeId: ZUuid.optional(),
  locationId: ZUuid.optional(),
  /** Defaults to the appointment type's duration, else 60 minutes. */
  durationMinutes: ZDuration.optional(),
  /** First local date to search; default today. */
  from: ZIsoDate.optional(),
  weeks: z.number().int().min(1, 'must be 1 to 12').max(12, 'must be 1 to 12').optional(),
  limit: z.number().int().min(1, 'must be 1 to 50').max(50, 'must be 1 to 50').optional(),
  /** Slots start on this grid of local minutes (default 15: on the hour, :15, :30, :45). */
  stepMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)]).optional(),
  /** A telehealth visit may use working hours at any location. */
  telehealth: z.boolean().optional(),
});
export type TOpenSlotsRequest = z.infer<typeof ZOpenSlotsRequest>;

export const ZOpenSlot = z.object({
  clinicianId: ZUuid,
  clinicianName: z.string(),
  locationId: ZUuid,
  locationName: z.string(),
  timeZone: z.string(),
  /** Local start in the location's zone. */
  start: ZLocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
});
export type TOpenSlot = z.infer<typeof ZOpenSlot>;

import { z } from 'zod';
import { ZIsoDate, ZLine, ZName, ZText, ZUuid } from './common.js';
import { ZAppointmentStatus, ZDuration, ZLocalDateTime, ZRecurrenceRule, ZTimeZoneName } from './scheduling.js';

// Group programs ("DBT skills, Tuesdays 18:00"): facilitators, capacity, a roster with enrolment
// and discharge dates, a recurring series of group sessions, and per-member attendance at each.
// A member is on the roster from their enrolment date through their discharge date (inclusive).

export const ZGroupStatus = z.enum(['active', 'ended']);
/** What a member's attendance at one session can be (a group session has no per-member "in session"). */
export const ZGroupAttendanceStatus = z.enum([
  'scheduled', 'confirmed', 'checked_in', 'completed', 'no_show', 'late_cancel', 'cancelled_patient', 'cancelled_practice',
]);
export type TGroupAttendanceStatus = z.infer<typeof ZGroupAttendanceStatus>;

const ZCapacity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100');
const ZFacilitatorIds = z.array(ZUuid).min(1, 'must name at least one facilitator').max(10, 'must name at most 10 facilitators');

export const ZGroupSchedule = z.strictObject({
  /** Local start of the first session. */
  start: ZLocalDateTime,
  /** Defaults to the appointment type's duration. */
  durationMinutes: ZDuration.optional(),
  /** An RFC 5545 rule such as FREQ=WEEKLY;BYDAY=TU. */
  recurrence: ZRecurrenceRule,
  /** Defaults to the location's time zone. */
  timeZone: ZTimeZoneName.optional(),
  /** Sessions (their local start) to leave out, for example dates that conflict. */
  skip: z.array(ZLocalDateTime).max(500).optional(),
});

export const ZCreateGroupRequest = z.strictObject({
  name: ZName,
  description: ZText(2000).optional(),
  /** An appointment type marked as a group type. */
  appointmentTypeId: ZUuid,
  locationId: ZUuid,
  roomId: ZUuid.nullable().optional(),
  capacity: ZCapacity,
  /** Clinical staff; the first is the lead, who holds the sessions on their calendar. */
  facilitatorIds: ZFacilitatorIds,
  schedule: ZGroupSchedule,
});
export type TCreateGroupRequest = z.infer<typeof ZCreateGroupRequest>;

export const ZUpdateGroupRequest = z.strictObject({
  name: ZName.optional(),
  description: ZText(2000).nullable().optional(),
  capacity: ZCapacity.optional(),
  /** Applies to the sessions that have not started yet. */
  roomId: ZUuid.nullable().optional(),
  /** Replaces the facilitators; a new lead takes over the sessions that have not started yet. */
  facilitatorIds: ZFacilitatorIds.optional(),
  version: z.number().int().min(1),
});
export type TUpdateGroupRequest = z.infer<typeof ZUpdateGroupRequest>;

export const ZEndGroupRequest = z.strictObject({
  /** The last local date with a session; later sessions are cancelled. Defaults to today. */
  lastDate: ZIsoDate.optional(),
  reason: ZLine(200).pipe(z.string().min(1, 'is required')),
});
export type TEndGroupRequest = z.infer<typeof ZEndGroupRequest>;

export const ZGroupListQuery = z.strictObject({
  status: ZGroupStatus.optional(),
  /** Only groups this staff member facilitates. */
  facilitatorId: ZUuid.optional(),
});

export const ZEnrolMemberRequest = z.strictObject({
  patientId: ZUuid,
  /** First day on the roster; a member may join a group that is already running. */
  enrolledOn: ZIsoDate,
});
export type TEnrolMemberRequest = z.infer<typeof ZEnrolMemberRequest>;

export const ZDischargeMemberRequest = z.strictObject({
  /** Last day on the roster. */
  dischargedOn: ZIsoDate,
  reason: ZLine(200).pipe(z.string().min(1, 'is required')),
});
export type TDischargeMemberRequest = z.infer<typeof ZDischargeMemberRequest>;

export const ZGroupFacilitator = z.object({ id: ZUuid, name: z.string(), lead: z.boolean() });

/** Null when the reader may not know who the member is (not a facilitator, not on their caseload). */
export const ZGroupPatientRef = z.object({ id: ZUuid, name: z.string(), mrn: z.string() }).nullable();

export const ZGroupMember = z.object({
  id: ZUuid,
  groupId: ZUuid,
  patient: ZGroupPatientRef,
  enrolledOn: ZIsoDate,
  dischargedOn: ZIsoDate.nullable(),
  dischargeReason: z.string().nullable(),
  /** On the roster today. */
  active: z.boolean(),
});
export type TGroupMember = z.infer<typeof ZGroupMember>;

export const ZGroupScheduleView = z.object({
  seriesId: ZUuid,
  start: ZLocalDateTime,
  durationMinutes: z.number(),
  recurrence: z.string(),
  /** The rule in plain words. */
  description: z.string(),
  timeZone: z.string(),
});

export const ZGroupSessionRef = z.object({
  appointmentId: ZUuid,
  /** Local start in the group's time zone. */
  start: ZLocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  status: ZAppointmentStatus,
});

export const ZGroupSummary = z.object({
  id: ZUuid,
  name: z.string(),
  description: z.string().nullable(),
  status: ZGroupStatus,
  appointmentType: z.object({ id: ZUuid, name: z.string(), color: z.string() }),
  location: z.object({ id: ZUuid, name: z.string() }),
  room: z.object({ id: ZUuid, name: z.string() }).nullable(),
  capacity: z.number(),
  /** Members on the roster today. */
  activeMembers: z.number(),
  facilitators: z.array(ZGroupFacilitator),
  schedule: ZGroupScheduleView.nullable(),
  nextSession: ZGroupSessionRef.nullable(),
  version: z.number(),
});
export type TGroupSummary = z.infer<typeof ZGroupSummary>;

export const ZGroupSession = ZGroupSessionRef.extend({
  /** Members on the roster that day, and how many of them were recorded present or absent. */
  expected: z.number(),
  present: z.number(),
  absent: z.number(),
});
export type TGroupSession = z.infer<typeof ZGroupSession>;

export const ZGroup = ZGroupSummary.extend({
  endedOn: ZIsoDate.nullable(),
  endReason: z.string().nullable(),
  /** Current and future members first, then past ones. */
  members: z.array(ZGroupMember),
  /** Sessions of the last four weeks and the next ones. */
  sessions: z.array(ZGroupSession),
});
export type TGroup = z.infer<typeof ZGroup>;

export const ZGroupAttendanceEntry = z.object({
  memberId: ZUuid,
  patient: ZGroupPatientRef,
  enrolledOn: ZIsoDate,
  status: ZGroupAttendanceStatus,
  reason: z.string().nullable(),
  feeCents: z.number().nullable(),
  /** When and by whom the status was last recorded; null while it is the default. */
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type TGroupAttendanceEntry = z.infer<typeof ZGroupAttendanceEntry>;

export const ZGroupAttendanceSheet = z.object({
  appointmentId: ZUuid,
  group: z.object({ id: ZUuid, name: z.string() }),
  start: ZLocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** The group session's own status; members' absences never change it. */
  status: ZAppointmentStatus,
  entries: z.array(ZGroupAttendanceEntry),
});
export type TGroupAttendanceSheet = z.infer<typeof ZGroupAttendanceSheet>;

export const ZGroupAttendanceUpdate = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        patientId: ZUuid,
        status: ZGroupAttendanceStatus,
        reason: ZText(500).optional(),
        /** Waive the no-show or late-cancel fee this time. */
        waiveFee: z.boolean().optional(),
      }),
    )
    .min(1, 'must list at least one member')
    .max(100),
});
export type TGroupAttendanceUpdate = z.infer<typeof ZGroupAttendanceUpdate>;

import { z } from 'zod';
import { ZAddress, ZEmail, ZIsoDate, ZName, ZPageQuery, ZPhone, ZText, ZUuid } from './common.js';

export const ZSexAtBirth = z.enum(['female', 'male', 'intersex', 'unknown', 'declined']);
export const ZPatientStatus = z.enum(['active', 'waitlist', 'discharged']);
export const ZContactKind = z.enum(['emergency', 'guardian', 'legal_representative']);
export const ZCareTeamRole = z.enum(['primary_therapist', 'therapist', 'prescriber', 'case_manager', 'other']);
export const ZRelationship = z.enum(['self', 'spouse', 'child', 'other']);

/**
 * How the patient wants appointment reminders: by both channels the practice's rules use, one of
 * them, or none (opted out). Unset means both. okToText / okToEmail still apply on top.
 */
export const ZReminderChannelPreference = z.enum(['both', 'email', 'sms', 'none']);
export type TReminderChannelPreference = z.infer<typeof ZReminderChannelPreference>;

export const ZContactPreferences = z.strictObject({
  preferredChannel: z.enum(['phone', 'sms', 'email', 'mail', 'portal']).optional(),
  okToLeaveVoicemail: z.boolean().optional(),
  okToText: z.boolean().optional(),
  okToEmail: z.boolean().optional(),
  reminderChannel: ZReminderChannelPreference.optional(),
  notes: ZText(500).optional(),
});

export const ZPatientContactInput = z.strictObject({
  kind: ZContactKind,
  name: ZName,
  relationship: ZText(60).pipe(z.string().min(1, 'is required')),
  phone: ZPhone.optional(),
  email: ZEmail.optional(),
});

export const ZSubscriber = z.strictObject({
  firstName: ZName,
  lastName: ZName,
  dateOfBirth: ZIsoDate,
  sex: ZSexAtBirth.optional(),
});

export const ZCoverageInput = z
  .strictObject({
    payerId: ZUuid,
    priority: z.number().int().min(1).max(3),
    memberId: ZText(40).pipe(z.string().min(1, 'is required')),
    groupNumber: ZText(40).optional(),
    planName: ZText(100).optional(),
    relationship: ZRelationship,
    subscriber: ZSubscriber.optional(),
    startDate: ZIsoDate.optional(),
    endDate: ZIsoDate.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.relationship !== 'self' && !c.subscriber)
      ctx.addIssue({ code: 'custom', path: ['subscriber'], message: 'is required when the patient is not the subscriber' });
    if (c.startDate && c.endDate && c.endDate < c.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
  });

export const ZCareTeamInput = z.strictObject({ userId: ZUuid, role: ZCareTeamRole });

const patientFields = {
  legalFirstName: ZName,
  legalMiddleName: ZText(100).optional(),
  legalLastName: ZName,
  preferredName: ZText(100).optional(),
  pronouns: ZText(40).optional(),
  sexAtBirth: ZSexAtBirth,
  genderIdentity: ZText(60).optional(),
  dateOfBirth: ZIsoDate,
  phone: ZPhone.optional(),
  email: ZEmail.optional(),
  address: ZAddress.optional(),
  contactPreferences: ZContactPreferences.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language tag such as en or es')
    .optional(),
  interpreterNeeded: z.boolean().optional(),
  status: ZPatientStatus.optional(),
  contacts: z.array(ZPatientContactInput).max(10).optional(),
  coverages: z.array(ZCoverageInput).max(3).optional(),
  careTeam: z.array(ZCareTeamInput).max(20).optional(),
};

export const ZCreatePatientRequest = z.strictObject(patientFields);
export type TCreatePatientRequest = z.infer<typeof ZCreatePatientRequest>;

export const ZUpdatePatientRequest = ZCreatePatientRequest.partial().extend({
  // Optimistic concurrency: the version the editor started from.
  version: z.number().int().min(1),
});
export type TUpdatePatientRequest = z.infer<typeof ZUpdatePatientRequest>;

/** Listing takes no identifying terms: names, birth dates, phones and MRNs never go in a URL. */
export const ZPatientListQuery = ZPageQuery.extend({ status: ZPatientStatus.optional() });

/** Search terms travel in a POST body so they stay out of URLs, proxies' logs and browser history. */
export const ZPatientSearchRequest = z.strictObject({
  q: z.string().trim().max(100).optional(),
  dob: ZIsoDate.optional(),
  phone: z.string().trim().max(30).optional(),
  mrn: z.string().trim().max(20).optional(),
  status: ZPatientStatus.optional(),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TPatientSearchRequest = z.input<typeof ZPatientSearchRequest>;

export const ZPatientSummary = z.object({
  id: ZUuid,
  mrn: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string(),
  phone: z.string().nullable(),
  status: ZPatientStatus,
});
export type TPatientSummary = z.infer<typeof ZPatientSummary>;

export const ZPatient = ZPatientSummary.extend({
  legalMiddleName: z.string().nullable(),
  sexAtBirth: ZSexAtBirth,
  genderIdentity: z.string().nullable(),
  email: z.string().nullable(),
  address: z.record(z.string(), z.unknown()),
  contactPreferences: z.record(z.string(), z.unknown()),
  language: z.string(),
  interpreterNeeded: z.boolean(),
  age: z.number(),
  isMinor: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  contacts: z.array(ZPatientContactInput.extend({ id: ZUuid })),
  coverages: z.array(
    z.object({
      id: ZUuid,
      payerId: ZUuid,
      payerName: z.string(),
      payerKind: z.string(),
      priority: z.number(),
      memberId: z.string(),
      groupNumber: z.string().nullable(),
      planName: z.string().nullable(),
      relationship: ZRelationship,
      subscriber: z.record(z.string(), z.unknown()).nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    }),
  ),
  careTeam: z.array(
    z.object({ userId: ZUuid, role: ZCareTeamRole, name: z.string(), credentials: z.string().nullable() }),
  ),
});
export type TPatient = z.infer<typeof ZPatient>;

import { z } from 'zod';
import { ZEmail, ZName, ZNpi, ZPageQuery, ZText, ZUsState, ZUuid } from './common.js';
import { ZPermission, ZRoleKey } from './auth.js';

export const ZLicenseType = z.enum(['MD', 'DO', 'NP', 'PMHNP', 'PA', 'PhD', 'PsyD', 'LCSW', 'LICSW', 'LPC', 'LPCC', 'LMHC', 'LMFT', 'LCADC', 'ACSW', 'LPC-A', 'LMFT-A', 'APCC', 'Intern', 'RN', 'Other']);
export const ZTaxonomy = z.string().regex(/^[0-9]{3}[0-9A-Z]{6}X$/, 'must be a 10-character NUCC taxonomy code such as 101YP2500X');

const staffFields = {
  email: ZEmail,
  firstName: ZName,
  lastName: ZName,
  credentials: ZText(40).optional(),
  licenseType: ZLicenseType.optional(),
  licenseNumber: z.string().trim().regex(/^[A-Za-z0-9-]{1,30}$/, 'must be letters, digits or dashes').optional(),
  licenseState: ZUsState.optional(),
  npi: ZNpi.optional(),
  taxonomyCode: ZTaxonomy.optional(),
  supervisorId: ZUuid.nullable().optional(),
  roles: z.array(ZRoleKey).min(1, 'must include at least one role').max(7),
};
export const ZCreateStaffRequest = z.strictObject(staffFields);
export type TCreateStaffRequest = z.infer<typeof ZCreateStaffRequest>;
export const ZUpdateStaffRequest = ZCreateStaffRequest.partial().extend({ active: z.boolean().optional() });

export const ZStaff = z.object({
  id: ZUuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  credentials: z.string().nullable(),
  licenseType: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  licenseState: z.string().nullable(),
  npi: z.string().nullable(),
  taxonomyCode: z.string().nullable(),
  supervisorId: ZUuid.nullable(),
  supervisorName: z.string().nullable(),
  roles: z.array(ZRoleKey),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type TStaff = z.infer<typeof ZStaff>;
export const ZStaffQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: ZRoleKey.optional(),
  active: z.enum(['true', 'false']).optional(),
});
/** Returned once when an admin creates an account: the invitation link to set a password. */
export const ZCreateStaffResponse = z.object({ staff: ZStaff, inviteSent: z.boolean() });

export const ZRole = z.object({
  key: ZRoleKey,
  name: z.string(),
  description: z.string(),
  permissions: z.array(ZPermission),
  requiresMfa: z.boolean(),
});

export const ZAdminSession = z.object({
  id: ZUuid,
  userId: ZUuid,
  userName: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const ZServiceAccountInput = z.strictObject({ name: ZName });
export const ZApiTokenInput = z.strictObject({
  serviceAccountId: ZUuid,
  name: ZName,
  scopes: z.array(ZPermission).min(1).max(20),
  expiresInDays: z.number().int().min(1).max(365),
});
export const ZApiToken = z.object({
  id: ZUuid,
  serviceAccountId: ZUuid,
  serviceAccountName: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZPermission),
  expiresAt: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZCreatedApiToken = z.object({ token: z.string(), apiToken: ZApiToken });

export const ZAuditQuery = ZPageQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorId: ZUuid.optional(),
  patientId: ZUuid.optional(),
  action: z.string().regex(/^[a-z_.]{1,60}$/).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
});
export const ZAuditEvent = z.object({
  seq: z.number(),
  id: ZUuid,
  at: z.string(),
  actorId: ZUuid.nullable(),
  actorName: z.string().nullable(),
  actorKind: z.string(),
  actorRole: z.string().nullable(),
  patientId: ZUuid.nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  clientIp: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

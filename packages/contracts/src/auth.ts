import { z } from 'zod';
import { ZEmail, ZUuid } from './common.js';

export const ROLE_KEYS = ['admin', 'prescriber', 'therapist', 'associate', 'supervisor', 'front_desk', 'biller'] as const;
export const ZRoleKey = z.enum(ROLE_KEYS);
export type TRoleKey = z.infer<typeof ZRoleKey>;

export const PERMISSIONS = [
  'patients.read',
  'patients.read_all',
  'patients.write',
  'clinical.read',
  'clinical.write',
  'clinical.cosign',
  'prescribe',
  'scheduling.read',
  'scheduling.write',
  'scheduling.manage',
  'billing.read',
  'billing.write',
  'practice.manage',
  'staff.read',
  'staff.manage',
  'sessions.manage',
  'api_tokens.manage',
  'audit.read',
  // Documentation (migration 0011): duplicate, edit and publish note templates (admin).
  'templates.manage',
] as const;
export const ZPermission = z.enum(PERMISSIONS);
export type TPermission = z.infer<typeof ZPermission>;

export const ZPassword = z.string().min(12, 'must be at least 12 characters').max(128, 'must be at most 128 characters');

export const ZSignInRequest = z.strictObject({ email: ZEmail, password: z.string().min(1).max(256) });
export const ZSignInResponse = z.object({
  status: z.enum(['signed_in', 'mfa_required', 'mfa_enrollment_required']),
});
export const ZMfaVerifyRequest = z.strictObject({
  code: z.string().trim().min(6).max(20),
});
export const ZMfaEnrollStartResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export const ZMfaEnrollConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const ZSessionUser = z.object({
  id: ZUuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  credentials: z.string().nullable(),
  roles: z.array(ZRoleKey),
  permissions: z.array(ZPermission),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionInfo = z.object({
  user: ZSessionUser,
  stage: z.enum(['mfa', 'mfa_enroll', 'full']),
  csrfToken: z.string(),
  idleMinutes: z.number(),
  expiresAt: z.string(),
  practiceName: z.string(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });
export const ZPasswordResetComplete = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: ZPassword,
});
export const ZChangePassword = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: ZPassword });

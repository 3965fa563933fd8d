import { z } from 'zod';
import { isPlaceOfService } from '@hearth/content';
import { ZAddress, ZEmail, ZName, ZNpi, ZPhone, ZText, ZUuid } from './common.js';

export const ZTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/New_York');

export const ZTaxId = z.string().regex(/^\d{2}-?\d{7}$/, 'must be a 9-digit EIN such as 12-3456789');

export const ZPractice = z.object({
  id: ZUuid,
  name: z.string(),
  npi: z.string().nullable(),
  taxId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.record(z.string(), z.unknown()),
  billingAddress: z.record(z.string(), z.unknown()).nullable(),
  timeZone: z.string(),
  requireMfaForAll: z.boolean(),
  sessionIdleMinutes: z.number().nullable(),
});
export type TPractice = z.infer<typeof ZPractice>;

export const ZUpdatePracticeRequest = z.strictObject({
  name: ZName.optional(),
  npi: ZNpi.optional(),
  taxId: ZTaxId.optional(),
  phone: ZPhone.optional(),
  email: ZEmail.optional(),
  address: ZAddress.optional(),
  billingAddress: ZAddress.optional(),
  timeZone: ZTimeZone.optional(),
  requireMfaForAll: z.boolean().optional(),
  sessionIdleMinutes: z.number().int().min(1).max(1440).nullable().optional(),
});

export const ZPlaceOfService = z.string().refine(isPlaceOfService, 'must be a CMS place-of-service code such as 11 (office)');

export const ZLocationInput = z.strictObject({
  name: ZName,
  address: ZAddress.optional(),
  phone: ZPhone.optional(),
  timeZone: ZTimeZone,
  placeOfService: ZPlaceOfService.optional(),
  active: z.boolean().optional(),
});
export const ZRoomInput = z.strictObject({
  name: ZName,
  capacity: z.number().int().min(1).max(500).optional(),
  active: z.boolean().optional(),
});
export const ZRoom = z.object({ id: ZUuid, locationId: ZUuid, name: z.string(), capacity: z.number(), active: z.boolean() });
export const ZLocation = z.object({
  id: ZUuid,
  name: z.string(),
  address: z.record(z.string(), z.unknown()),
  phone: z.string().nullable(),
  timeZone: z.string(),
  placeOfService: z.string(),
  active: z.boolean(),
  rooms: z.array(ZRoom),
});
export type TLocation = z.infer<typeof ZLocation>;

export const ZPayer = z.object({
  id: ZUuid,
  name: z.string(),
  payerCode: z.string(),
  kind: z.enum(['medicare', 'medicaid', 'commercial', 'tricare', 'self_pay', 'other']),
  active: z.boolean(),
});
export type TPayer = z.infer<typeof ZPayer>;
export const ZPayerInput = z.strictObject({
  name: ZName,
  payerCode: z.string().regex(/^[A-Za-z0-9]{2,15}$/, 'must be 2-15 letters or digits'),
  kind: ZPayer.shape.kind,
  active: z.boolean().optional(),
});
export const ZText200 = ZText(200);

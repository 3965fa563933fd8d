import { z } from 'zod';
import { ZIsoDate, ZText, ZUuid } from './common.js';

// ICD-10-CM codes (the public CMS release) and the patient's problem list.

export const ZIcd10Code = z.object({
  code: z.string(),
  title: z.string(),
  billable: z.boolean(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  release: z.string(),
});
export type TIcd10Code = z.infer<typeof ZIcd10Code>;

export const ZIcd10SearchQuery = z.strictObject({
  /** A code or its start ("F43", "f43.1"), words of the title, or a common clinical name ("PTSD"). */
  q: z.string().trim().min(1, 'is required').max(100),
  /** Only codes valid on this date of service (defaults to today). */
  on: ZIsoDate.optional(),
  billableOnly: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TIcd10SearchQuery = z.infer<typeof ZIcd10SearchQuery>;

export const ZIcd10CodeParams = z.strictObject({ code: z.string().max(10) });

export const ZProblemStatus = z.enum(['active', 'in_remission', 'resolved', 'ruled_out']);
export type TProblemStatus = z.infer<typeof ZProblemStatus>;
export const ZPatientProblem = z.object({
  id: ZUuid,
  patientId: ZUuid,
  code: z.string(),
  title: z.string(),
  onsetDate: z.string().nullable(),
  status: ZProblemStatus,
  isPrimary: z.boolean(),
  comment: z.string().nullable(),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
  resolvedOn: z.string().nullable(),
  version: z.number(),
});
export type TPatientProblem = z.infer<typeof ZPatientProblem>;

export const ZAddProblemRequest = z.strictObject({
  code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code such as F32.1'),
  onsetDate: ZIsoDate.optional(),
  status: ZProblemStatus.optional(),
  isPrimary: z.boolean().optional(),
  comment: ZText(1000).optional(),
});
export type TAddProblemRequest = z.infer<typeof ZAddProblemRequest>;
export const ZUpdateProblemRequest = z.strictObject({
  version: z.number().int().min(1),
  onsetDate: ZIsoDate.nullable().optional(),
  status: ZProblemStatus.optional(),
  isPrimary: z.boolean().optional(),
  comment: ZText(1000).nullable().optional(),
});
export type TUpdateProblemRequest = z.infer<typeof ZUpdateProblemRequest>;
export const ZPatientProblemParams = z.strictObject({ id: ZUuid, problemId: ZUuid });

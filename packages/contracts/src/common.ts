import { z } from 'zod';

// Shared building blocks. Objects are strict: an unknown field is a 400 naming the field,
// never silently dropped (a typo in an integration must not lose data).

/** Text from people: trimmed, bounded, no control characters (tabs and newlines allowed in long text). */
export const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'must not contain control characters')
    // A lone UTF-16 surrogate cannot be stored as UTF-8: the database would silently turn it into U+FFFD.
    .refine((s) => !/\p{Surrogate}/u.test(s), 'must not contain invalid Unicode');
/** One line of text: no line breaks or tabs (names, labels). */
export const ZLine = (max: number) => ZText(max).refine((s) => !/[\r\n\t]/.test(s), 'must be a single line');
export const ZName = ZLine(100).pipe(z.string().min(1, 'is required'));
export const ZUuid = z.uuid();
export const ZIsoDate = z.iso.date();
export const ZEmail = z.string().trim().max(254).pipe(z.email());
export const ZPhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ().-]{7,30}$/, 'must be a phone number (digits, spaces, + ( ) . -)');
export const ZUsState = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code');
export const ZNpi = z.string().regex(/^\d{10}$/, 'must be 10 digits');

export const ZAddress = z.strictObject({
  line1: ZText(200).optional(),
  line2: ZText(200).optional(),
  city: ZText(100).optional(),
  state: z.union([ZUsState, z.literal('')]).optional(),
  postalCode: z
    .string()
    .regex(/^(\d{5}(-\d{4})?)?$/, 'must be a 5 or 9 digit ZIP code')
    .optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });

/** RFC 9457 problem details; `errors` names each invalid field. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZIdParams = z.strictObject({ id: ZUuid });
export const ZOk = z.object({ ok: z.literal(true) });

import { ApiError, userMessageFor } from '../api/client';

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
}

const sentence = (m: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : m);

/** Turns zod's terse defaults into words for people; contract messages ("must be ...") pass through. */
export function issueMessage(i: ZodLikeIssue): string {
  if (i.code === 'invalid_type' && (i.input === undefined || i.input === null || i.input === ''))
    return 'Required';
  if (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1) return 'Required';
  if (i.code === 'too_small' && i.origin === 'string')
    return `Must be at least ${String(i.minimum)} characters`;
  if (i.code === 'too_small' && i.origin === 'array') return `Choose at least ${String(i.minimum)}`;
  if (i.code === 'invalid_value') return 'Choose one of the options';
  if (i.code === 'invalid_format') {
    if (i.format === 'email') return 'Enter a valid email address, such as name@example.com';
    if (i.format === 'date') return 'Enter a valid date';
    if (i.format === 'uuid') return 'Choose one of the options';
    if (i.format === 'regex') return sentence(i.message);
  }
  return sentence(i.message);
}

/** Zod issues keyed by dotted path ("contacts.0.phone"), first message per field. */
export function issuesToErrors(issues: readonly ZodLikeIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.');
    if (!(key in out)) out[key] = issueMessage(i);
  }
  return out;
}

/**
 * Splits an API error into per-field messages (for fields the form has) and a general message
 * for everything else. `hasField` decides whether a server field name maps to a form input.
 */
export function splitApiError(
  err: unknown,
  hasField: (field: string) => boolean,
): { fieldErrors: Record<string, string>; general: string | null } {
  if (!(err instanceof ApiError)) return { fieldErrors: {}, general: userMessageFor(err) };
  const fieldErrors: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const fe of err.fieldErrors) {
    if (hasField(fe.field)) fieldErrors[fe.field] ??= sentence(fe.message);
    else unmatched.push(`${fe.field}: ${fe.message}`);
  }
  let general: string | null = null;
  if (Object.keys(fieldErrors).length === 0 || unmatched.length > 0) {
    general =
      err.fieldErrors.length && Object.keys(fieldErrors).length
        ? `Please correct the highlighted fields. ${unmatched.join('; ')}`
        : err.userMessage;
  }
  if (Object.keys(fieldErrors).length > 0 && !general) general = 'Please correct the highlighted fields.';
  return { fieldErrors, general };
}

/** A `hasField` for a flat or nested values object: true when the dotted path exists in it. */
export function pathExistsIn(values: unknown) {
  return (field: string) => {
    let cur: unknown = values;
    for (const part of field.split('.')) {
      if (cur === null || typeof cur !== 'object' || !(part in (cur as Record<string, unknown>)))
        return false;
      cur = (cur as Record<string, unknown>)[part];
    }
    return true;
  };
}

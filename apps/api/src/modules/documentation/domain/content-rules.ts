import { z } from 'zod';
import { ZDiagnosisRef, ZGoalProgressEntry, ZMseValue, ZRiskAssessment, type TTemplateDefinition, type TTemplateField, type TTemplateSection } from '@hearth/contracts';
import { DomainError, type FieldIssue } from '../../../platform/errors.js';

// Note content checked against its template version: known sections and fields only, and each
// value in the shape its field type gives. Messages name the field and never echo the value.

/** Serialized content larger than this is refused (a note is text, not a file store). */
export const CONTENT_MAX_BYTES = 200_000;

export const DEFAULT_MAX_LENGTH = { short_text: 200, long_text: 20_000 } as const;
export const LIST_LIMITS = { diagnoses: 12, goal_progress: 20, interventions: 30 } as const;

export interface ContentContext {
  /** Intervention codes a note may use: the built-in list and the practice's own active ones. */
  interventionCodes: ReadonlySet<string>;
}

export type TNoteContentValue = Record<string, Record<string, unknown>>;

/** An empty string, empty list, empty object, null or a missing key means "not answered". */
export function isAnswered(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const SURROGATE = /\p{Surrogate}/u;
const ISO_DATE = z.iso.date();
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function textIssue(v: unknown, max: number, singleLine: boolean): string | null {
  if (typeof v !== 'string') return 'must be text';
  if (v.length > max) return `must be at most ${max} characters`;
  if (CONTROL.test(v)) return 'must not contain control characters';
  if (SURROGATE.test(v)) return 'must not contain invalid Unicode';
  if (singleLine && /[\r\n\t]/.test(v)) return 'must be a single line';
  return null;
}

/** A zod failure as one message: the nested place and what is wrong, without the submitted value. */
function zodIssue(r: z.ZodSafeParseResult<unknown>): string | null {
  if (r.success) return null;
  const i = r.error.issues[0]!;
  const where = i.path.length ? `${i.path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p))).join(' ')}: ` : '';
  const what = i.code === 'unrecognized_keys' ? 'has a field that is not recognised' : i.message;
  return `${where}${what}`;
}

function choiceIssue(field: TTemplateField, v: unknown, multiple: boolean): string | null {
  const allowed = new Set((field.options ?? []).map((o) => o.value));
  if (!multiple) return typeof v === 'string' && allowed.has(v) ? null : 'must be one of the choices';
  if (!Array.isArray(v)) return 'must be a list of choices';
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string' || !allowed.has(v[i])) return `item ${i + 1} is not one of the choices`;
    if (v.indexOf(v[i]) !== i) return `item ${i + 1} repeats a choice`;
  }
  return null;
}

function listIssue<T>(v: unknown, max: number, noun: string, item: z.ZodType<T>): string | null {
  if (!Array.isArray(v)) return `must be a list of ${noun}`;
  if (v.length > max) return `must list at most ${max} ${noun}`;
  for (let i = 0; i < v.length; i++) {
    const msg = zodIssue(item.safeParse(v[i]));
    if (msg) return `item ${i + 1}: ${msg}`;
  }
  return null;
}

/** Why a value does not fit its field (null when it fits). Unanswered values always fit. */
export function fieldValueIssue(field: TTemplateField, v: unknown, ctx: ContentContext): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v) && v.length === 0) return null;
  switch (field.type) {
    case 'short_text':
      return textIssue(v, field.maxLength ?? DEFAULT_MAX_LENGTH.short_text, true);
    case 'long_text':
      return textIssue(v, field.maxLength ?? DEFAULT_MAX_LENGTH.long_text, false);
    case 'single_choice':
      return choiceIssue(field, v, false);
    case 'multiple_choice':
    case 'checklist':
      return choiceIssue(field, v, true);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
      if (field.min !== undefined && v < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && v > field.max) return `must be at most ${field.max}`;
      return null;
    case 'date':
      return typeof v === 'string' && ISO_DATE.safeParse(v).success ? null : 'must be a date such as 2027-03-15';
    case 'time':
      return typeof v === 'string' && CLOCK_TIME.test(v) ? null : 'must be a time such as 15:05';
    case 'diagnoses': {
      const msg = listIssue(v, LIST_LIMITS.diagnoses, 'diagnoses', ZDiagnosisRef);
      if (msg) return msg;
      const codes = (v as { code: string }[]).map((d) => d.code);
      const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
      return dup >= 0 ? `item ${dup + 1} lists a diagnosis twice` : null;
    }
    case 'goal_progress':
      return listIssue(v, LIST_LIMITS.goal_progress, 'goals', ZGoalProgressEntry);
    case 'interventions': {
      if (!Array.isArray(v)) return 'must be a list of interventions';
      if (v.length > LIST_LIMITS.interventions) return `must list at most ${LIST_LIMITS.interventions} interventions`;
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] !== 'string' || !ctx.interventionCodes.has(v[i])) return `item ${i + 1} is not a known intervention`;
        if (v.indexOf(v[i]) !== i) return `item ${i + 1} repeats an intervention`;
      }
      return null;
    }
    case 'risk_assessment':
      if (typeof v !== 'object' || Array.isArray(v)) return 'must be a risk assessment';
      return Object.keys(v).length === 0 ? null : zodIssue(ZRiskAssessment.safeParse(v));
    case 'mental_status_exam':
      if (typeof v !== 'object' || Array.isArray(v)) return 'must be a mental status exam';
      return zodIssue(ZMseValue.safeParse(v));
  }
}

/** Refuses content whose JSON is larger than the limit (413, naming `content`). */
export function assertContentSize(content: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(content ?? {}), 'utf8');
  if (bytes > CONTENT_MAX_BYTES) {
    throw new DomainError('payload_too_large', `The note is too long: at most ${CONTENT_MAX_BYTES.toLocaleString('en-US')} bytes of content are accepted.`, [
      { field: 'content', message: `must be at most ${CONTENT_MAX_BYTES.toLocaleString('en-US')} bytes` },
    ]);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Every problem with the content against the template version, each naming its field
 * ('content.<section>.<field>'): unknown sections and fields, and values of the wrong shape.
 * Throws payload_too_large first when the content is over the size limit.
 */
export function validateContent(definition: TTemplateDefinition, content: unknown, ctx: ContentContext): FieldIssue[] {
  assertContentSize(content);
  if (!isPlainObject(content)) return [{ field: 'content', message: 'must be an object of sections' }];
  const issues: FieldIssue[] = [];
  const sections = new Map(definition.sections.map((s) => [s.key, s]));
  for (const [sectionKey, values] of Object.entries(content)) {
    const section = sections.get(sectionKey);
    if (!section) {
      issues.push({ field: `content.${sectionKey}`, message: 'is not a section of this template' });
      continue;
    }
    if (!isPlainObject(values)) {
      issues.push({ field: `content.${sectionKey}`, message: 'must be an object of fields' });
      continue;
    }
    const fields = new Map(section.fields.map((f) => [f.key, f]));
    for (const [fieldKey, v] of Object.entries(values)) {
      const field = fields.get(fieldKey);
      const msg = field ? fieldValueIssue(field, v, ctx) : 'is not a field of this template';
      if (msg) issues.push({ field: `content.${sectionKey}.${fieldKey}`, message: msg });
    }
  }
  return issues;
}

/** Optional sections the writer switched on must be optional sections of the template, each once. */
export function validateEnabledSections(definition: TTemplateDefinition, enabled: string[]): FieldIssue[] {
  const optional = new Set(definition.sections.filter((s) => s.optional).map((s) => s.key));
  const issues: FieldIssue[] = [];
  enabled.forEach((k, i) => {
    if (!optional.has(k)) issues.push({ field: `enabledSections.${i}`, message: 'is not an optional section of this template' });
    else if (enabled.indexOf(k) !== i) issues.push({ field: `enabledSections.${i}`, message: 'lists a section twice' });
  });
  return issues;
}

/** The template with only the sections of the given scopes (a group member note holds no shared sections). */
export function restrictToScopes(definition: TTemplateDefinition, scopes: TTemplateSection['scope'][]): TTemplateDefinition {
  return { sections: definition.sections.filter((s) => scopes.includes(s.scope ?? 'note')) };
}

/** Whether a section counts for this note: always, unless it is optional and not switched on. */
export const sectionEnabled = (s: TTemplateSection, enabled: readonly string[]): boolean => !s.optional || enabled.includes(s.key);

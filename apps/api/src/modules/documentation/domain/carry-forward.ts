import type { TTemplateDefinition } from '@hearth/contracts';
import { canonicalJson } from '../../../platform/audit/audit.js';
import { fieldValueIssue, isAnswered, type ContentContext } from './content-rules.js';

// Copy forward: a new note starts from the previous signed note of the same template. Dates and
// times belong to the earlier session and are never copied. Each copied field stays marked
// ("carried forward") until the writer changes it, so nobody signs yesterday's words unread.

export interface CarriedContent {
  content: Record<string, Record<string, unknown>>;
  enabledSections: string[];
  /** 'section.field' paths that were copied. */
  carried: string[];
}

const NOT_COPIED = new Set(['date', 'time']);

/**
 * The previous note's answers that still fit the template version of the new note: the same
 * section and field, a type other than date or time, and a value valid for the field today
 * (an intervention the practice has since retired is left out).
 */
export function copyForward(definition: TTemplateDefinition, previous: { content: unknown; enabledSections: readonly string[] }, ctx: ContentContext): CarriedContent {
  const prev = (previous.content ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const content: Record<string, Record<string, unknown>> = {};
  const carried: string[] = [];
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (NOT_COPIED.has(field.type)) continue;
      const v = prev[section.key]?.[field.key];
      if (!isAnswered(v) || fieldValueIssue(field, v, ctx) !== null) continue;
      (content[section.key] ??= {})[field.key] = structuredClone(v);
      carried.push(`${section.key}.${field.key}`);
    }
  }
  const optional = new Set(definition.sections.filter((s) => s.optional).map((s) => s.key));
  const enabledSections = [...new Set(previous.enabledSections)].filter((k) => optional.has(k));
  return { content, enabledSections, carried };
}

const at = (content: unknown, path: string): unknown => {
  const [s, f] = path.split('.') as [string, string];
  return (content as Record<string, Record<string, unknown> | undefined> | null)?.[s]?.[f];
};

/**
 * The carried paths that still hold exactly the value copied from `source` (the earlier note's
 * content). A path, once edited, stays unmarked even if the writer later types the same words back.
 */
export function stillCarried(carried: readonly string[], source: unknown, content: unknown): string[] {
  return carried.filter((p) => {
    const now = at(content, p);
    return now !== undefined && canonicalJson(now) === canonicalJson(at(source, p));
  });
}

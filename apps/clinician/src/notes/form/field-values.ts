import type { TNoteContent, TTemplateDefinition, TTemplateField, TTemplateSection } from '@hearth/contracts';

// Pure helpers for note content: paths and DOM ids, which sections show, what counts as answered,
// and the defaults a new draft starts from. The server's required-element check is the authority;
// these only drive what the form shows.

export type SectionScope = 'note' | 'shared' | 'member';

/** The server's name for a content field in errors and `missing`: 'content.<section>.<field>'. */
export const contentPath = (section: string, field: string) => `content.${section}.${field}`;
/** The "section.field" form used by `carriedForward`. */
export const carriedPath = (section: string, field: string) => `${section}.${field}`;

/** A DOM id for a server field path (ids are keys, never content). */
export const fieldDomId = (path: string) => `nf-${path.replace(/[^a-z0-9_]+/gi, '-')}`;

/** The sections to render: of the given scope (all when none given), in template order. */
export function sectionsInScope(definition: TTemplateDefinition, scope?: SectionScope): TTemplateSection[] {
  if (!scope) return definition.sections;
  return definition.sections.filter((s) => (s.scope ?? 'note') === scope);
}

/** An optional section counts only when the writer has switched it on. */
export const isSectionEnabled = (section: TTemplateSection, enabled: readonly string[]) =>
  !section.optional || enabled.includes(section.key);

/** Whether a value holds an answer (empty string, empty array, empty object or missing = not answered). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export const MSE_DOMAIN_KEYS = [
  'appearance', 'behavior', 'speech', 'mood', 'affect', 'thought_process', 'thought_content', 'perception',
  'cognition', 'orientation', 'insight', 'judgment',
] as const;
export type MseDomainKey = (typeof MSE_DOMAIN_KEYS)[number];
export type MseValue = Partial<Record<MseDomainKey, { normal: boolean; finding?: string }>>;

/** Every domain within normal limits: the starting point, changed by exception. */
export const allNormalMse = (): MseValue =>
  Object.fromEntries(MSE_DOMAIN_KEYS.map((k) => [k, { normal: true }])) as MseValue;

/**
 * The content a draft should show: mental status exams not yet answered start all-normal.
 * Returns the same object when nothing needed filling (so callers can tell nothing changed).
 */
export function applyDefaults(definition: TTemplateDefinition, content: TNoteContent, scope?: SectionScope): TNoteContent {
  let out = content;
  for (const section of sectionsInScope(definition, scope)) {
    for (const field of section.fields) {
      if (field.type !== 'mental_status_exam' || isAnswered(content[section.key]?.[field.key])) continue;
      if (out === content) out = { ...content };
      out[section.key] = { ...(out[section.key] ?? {}), [field.key]: allNormalMse() };
    }
  }
  return out;
}

/** Sets one field's value, leaving every other section and field as it was. */
export function setFieldValue(content: TNoteContent, section: string, field: string, value: unknown): TNoteContent {
  return { ...content, [section]: { ...(content[section] ?? {}), [field]: value } };
}

/** A field's label as the server names it in `missing`, for a checklist entry that has no own message. */
export function findField(
  definition: TTemplateDefinition,
  path: string,
): { section: TTemplateSection; field: TTemplateField } | null {
  const m = /^content\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)/.exec(path);
  if (!m) return null;
  const section = definition.sections.find((s) => s.key === m[1]);
  const field = section?.fields.find((f) => f.key === m[2]);
  return section && field ? { section, field } : null;
}

/** Adds a quick-pick finding to what is written, once ("Guarded; poor eye contact"). */
export function appendFinding(current: string | undefined, finding: string): string {
  const text = (current ?? '').trim();
  if (!text) return finding;
  if (text.toLowerCase().includes(finding.toLowerCase())) return text;
  return `${text.replace(/[;,.]\s*$/, '')}; ${finding.charAt(0).toLowerCase()}${finding.slice(1)}`;
}

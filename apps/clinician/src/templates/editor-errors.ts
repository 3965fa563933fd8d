import { ZTemplateDefinition, type TNoteKind } from '@hearth/contracts';
import { BILLABLE_ELEMENTS, isChoiceType, PAYER_ELEMENTS, toDefinition, type EditorState } from './editor-model';

// Errors on a template draft, from the server (400 with `errors: [{ field, message }]`) or checked
// here before saving, are put next to the section, field or choice they are about. The server names
// them by position ("definition.sections[1].fields[0].label", or with dots: "definition.sections.1.
// fields.0.label"); the editor keys them by the item's uid so they stay put when rows move.

export type ErrorTarget =
  | { kind: 'name' }
  | { kind: 'definition'; prop: string }
  | { kind: 'section'; section: number; prop: string }
  | { kind: 'field'; section: number; field: number; prop: string }
  | { kind: 'option'; section: number; field: number; option: number; prop: string };

/** Where a server error path points in the draft, or null when it is not about the draft. */
export function parseErrorPath(path: string): ErrorTarget | null {
  // "a[1].b" and "a.1.b" are the same path.
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  if (parts.length === 1 && parts[0] === 'name') return { kind: 'name' };
  if (parts[0] !== 'definition') return null;
  const idx = (i: number) => (parts[i] !== undefined && /^\d+$/.test(parts[i]) ? Number(parts[i]) : null);
  const rest = (from: number) => parts.slice(from).join('.');
  if (parts[1] !== 'sections') return { kind: 'definition', prop: rest(1) };
  const section = idx(2);
  if (section === null) return { kind: 'definition', prop: rest(1) };
  if (parts[3] !== 'fields') return { kind: 'section', section, prop: rest(3) };
  const field = idx(4);
  if (field === null) return { kind: 'section', section, prop: rest(3) };
  if (parts[5] !== 'options') return { kind: 'field', section, field, prop: rest(5) };
  const option = idx(6);
  if (option === null) return { kind: 'field', section, field, prop: rest(5) };
  return { kind: 'option', section, field, option, prop: rest(7) };
}

const SECTION_PROPS = new Set(['key', 'title', 'help', 'scope', 'optional', 'fields']);
const FIELD_PROPS = new Set(['key', 'label', 'type', 'required', 'help', 'options', 'min', 'max', 'maxLength', 'element']);
const OPTION_PROPS = new Set(['value', 'label']);

/** The server writes some messages as whole sentences and others as fragments after the field's name ("is required"). */
const isSentence = (m: string) => /^[A-Z]/.test(m);
const sentence = (m: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : m);

export interface EditorErrors {
  /** `${uid}.${prop}` (an input) or `${uid}` (the whole section, field or choice) -> message. */
  byKey: Record<string, string>;
  /** `name` for the template's name. */
  name: string | null;
  /** Messages about the draft as a whole, or that no longer point at anything shown. */
  general: string[];
}

export const emptyErrors = (): EditorErrors => ({ byKey: {}, name: null, general: [] });

/** Puts each `{ field, message }` next to the item it names in `state` (the draft that was sent). */
export function mapErrors(state: EditorState, errors: readonly { field: string; message: string }[]): EditorErrors {
  const out = emptyErrors();
  const put = (uid: string, prop: string, known: Set<string>, message: string) => {
    // A property the editor has no input for (an unknown key) is shown on the item itself.
    const key = prop && known.has(prop) ? `${uid}.${prop}` : uid;
    const text = prop && !known.has(prop) && !isSentence(message) ? `${prop}: ${message}` : sentence(message);
    out.byKey[key] ??= text;
  };
  for (const e of errors) {
    const t = parseErrorPath(e.field);
    if (!t) {
      out.general.push(`${e.field}: ${e.message}`);
      continue;
    }
    if (t.kind === 'name') {
      out.name ??= sentence(e.message);
      continue;
    }
    if (t.kind === 'definition') {
      // Whole-template rules come as sentences ("A billable template needs ..."), schema ones as fragments.
      out.general.push(
        isSentence(e.message) ? e.message : sentence(`${t.prop === 'sections' || !t.prop ? 'The template' : t.prop} ${e.message}`),
      );
      continue;
    }
    const s = state.sections[t.section];
    if (!s) {
      out.general.push(sentence(e.message));
      continue;
    }
    if (t.kind === 'section') {
      put(s.uid, t.prop, SECTION_PROPS, e.message);
      continue;
    }
    const f = s.fields[t.field];
    if (!f) {
      put(s.uid, 'fields', SECTION_PROPS, e.message);
      continue;
    }
    if (t.kind === 'field') {
      put(f.uid, t.prop, FIELD_PROPS, e.message);
      continue;
    }
    const o = f.options[t.option];
    if (!o) put(f.uid, 'options', FIELD_PROPS, e.message);
    else put(o.uid, t.prop, OPTION_PROPS, e.message);
  }
  return out;
}

/** Checks before saving: the contract's rules plus keys that must be unique and bounds in order. */
export function validateDraft(state: EditorState, ctx?: { kind: TNoteKind; billable: boolean }): EditorErrors {
  const issues: { field: string; message: string }[] = [];
  if (!state.name.trim()) issues.push({ field: 'name', message: 'is required' });
  else if (state.name.trim().length > 100) issues.push({ field: 'name', message: 'must be at most 100 characters' });

  const dup = (keys: string[]) => keys.map((k, i) => k !== '' && keys.indexOf(k) !== i);
  dup(state.sections.map((s) => s.key)).forEach((d, si) => {
    if (d) issues.push({ field: `definition.sections.${si}.key`, message: 'is used by another section' });
  });
  state.sections.forEach((s, si) => {
    dup(s.fields.map((f) => f.key)).forEach((d, fi) => {
      if (d) issues.push({ field: `definition.sections.${si}.fields.${fi}.key`, message: 'is used by another field in this section' });
    });
    s.fields.forEach((f, fi) => {
      const base = `definition.sections.${si}.fields.${fi}`;
      if (f.type === 'number' && f.min !== null && f.max !== null && f.min > f.max)
        issues.push({ field: `${base}.max`, message: 'must be at least the minimum' });
      if (f.type === 'mental_status_exam' || f.type === 'risk_assessment') {
        if (s.fields.findIndex((x) => x.type === f.type) !== fi)
          issues.push({ field: `${base}.type`, message: `A section holds at most one ${f.type === 'mental_status_exam' ? 'mental status exam' : 'risk assessment'}` });
      }
      if (isChoiceType(f.type)) {
        if (f.options.length < 2) issues.push({ field: `${base}.options`, message: 'needs at least two choices' });
        dup(f.options.map((o) => o.value)).forEach((d, oi) => {
          if (d) issues.push({ field: `${base}.options.${oi}.value`, message: 'is used by another choice' });
        });
      }
    });
  });
  if (ctx) issues.push(...templateRuleIssues(state, ctx));
  // The contract's own messages come after the ones above, which say it in plainer words.
  const parsed = ZTemplateDefinition.safeParse(toDefinition(state));
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const message =
        i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1 ? 'is required' : i.message;
      issues.push({ field: ['definition', ...i.path.map(String)].join('.'), message });
    }
  }
  return mapErrors(state, issues);
}

/** The errors left once the items with these uids were edited (their messages no longer apply). */
export function clearErrorsFor(errors: EditorErrors, uids: readonly string[], name = false): EditorErrors {
  if (!uids.length && !name) return errors;
  const gone = new Set(uids);
  const byKey = Object.fromEntries(Object.entries(errors.byKey).filter(([k]) => !gone.has(k.split('.')[0]!)));
  if (!name && Object.keys(byKey).length === Object.keys(errors.byKey).length) return errors;
  return { ...errors, byKey, name: name ? null : errors.name };
}

export const hasErrors = (e: EditorErrors) => e.name !== null || e.general.length > 0 || Object.keys(e.byKey).length > 0;

/** How many errors a section holds (its own, its fields' and their choices'), for a badge on a collapsed section. */
export function sectionErrorCount(state: EditorState, sectionIndex: number, errors: EditorErrors): number {
  const s = state.sections[sectionIndex];
  if (!s) return 0;
  const uids = new Set<string>([s.uid]);
  for (const f of s.fields) {
    uids.add(f.uid);
    for (const o of f.options) uids.add(o.uid);
  }
  return Object.keys(errors.byKey).filter((k) => uids.has(k.split('.')[0]!)).length;
}

/**
 * The rules that depend on the template itself: a group template writes shared and per-member
 * sections, other templates neither; a billable one tags the elements payers look for.
 */
export function templateRuleIssues(state: EditorState, ctx: { kind: TNoteKind; billable: boolean }): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const scopes = state.sections.map((s) => s.scope);
  if (ctx.kind === 'group') {
    if (!scopes.includes('shared') || !scopes.includes('member'))
      issues.push({ field: 'definition.sections', message: 'A group template needs at least one shared section and one member section' });
  } else {
    scopes.forEach((sc, i) => {
      if (sc !== 'note') issues.push({ field: `definition.sections.${i}.scope`, message: 'Shared and member sections are only for group templates' });
    });
  }
  if (ctx.billable) {
    const tagged = new Set(state.sections.flatMap((s) => s.fields.map((f) => f.element)));
    for (const e of BILLABLE_ELEMENTS) {
      if (!tagged.has(e)) {
        const label = PAYER_ELEMENTS.find((p) => p.value === e)?.label.toLowerCase() ?? e;
        issues.push({ field: 'definition.sections', message: `A billable template needs a field tagged as ${label}` });
      }
    }
  }
  return issues;
}

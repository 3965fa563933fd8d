import type {
  TFieldType,
  TPayerElement,
  TTemplateDefinition,
  TTemplateField,
  TTemplateSection,
} from '@hearth/contracts';

// The template editor's state and its reducer: pure, so adding, moving and removing sections and
// fields, and the keys made from labels, are unit-tested without a browser. Every section, field and
// option carries a `uid` that never changes, so React keeps focus and errors stay on the right row
// while things are reordered.

export type SectionScope = TTemplateSection['scope'];

export interface EditorOption {
  uid: string;
  value: string;
  label: string;
  /** Once someone types the value, changing the label no longer rewrites it. */
  valueEdited: boolean;
}

export interface EditorField {
  uid: string;
  key: string;
  /** Once someone types the key (or it was saved before), changing the label no longer rewrites it. */
  keyEdited: boolean;
  label: string;
  type: TFieldType;
  required: boolean;
  help: string;
  options: EditorOption[];
  min: number | null;
  max: number | null;
  maxLength: number | null;
  element: TPayerElement | null;
}

export interface EditorSection {
  uid: string;
  key: string;
  keyEdited: boolean;
  title: string;
  help: string;
  scope: SectionScope;
  optional: boolean;
  fields: EditorField[];
}

export interface EditorState {
  name: string;
  sections: EditorSection[];
  /** The next uid number (kept in state so the reducer stays pure). */
  nextUid: number;
  /** Changed since loaded or last saved. */
  dirty: boolean;
}

export const FIELD_TYPES: { value: TFieldType; label: string }[] = [
  { value: 'short_text', label: 'Short text' },
  { value: 'long_text', label: 'Long text' },
  { value: 'single_choice', label: 'Single choice' },
  { value: 'multiple_choice', label: 'Multiple choice' },
  { value: 'checklist', label: 'Checklist' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'time', label: 'Time' },
  { value: 'diagnoses', label: 'Diagnosis picker' },
  { value: 'goal_progress', label: 'Treatment-goal progress' },
  { value: 'interventions', label: 'Intervention picker' },
  { value: 'risk_assessment', label: 'Risk assessment block' },
  { value: 'mental_status_exam', label: 'Mental status exam block' },
];

export const PAYER_ELEMENTS: { value: TPayerElement; label: string }[] = [
  { value: 'interventions', label: 'Interventions' },
  { value: 'response', label: 'Response to treatment' },
  { value: 'goal_progress', label: 'Goal progress' },
  { value: 'risk_assessment', label: 'Risk assessment' },
  { value: 'plan', label: 'Plan' },
];

export const SCOPES: { value: SectionScope; label: string }[] = [
  { value: 'note', label: 'Whole note' },
  { value: 'shared', label: 'Shared: written once for the session' },
  { value: 'member', label: 'Per member: written for each attending member' },
];

/** Which field types may hold each payer element (the server refuses other pairings). */
const ELEMENT_TYPES: Record<TPayerElement, readonly TFieldType[]> = {
  interventions: ['interventions'],
  goal_progress: ['goal_progress'],
  risk_assessment: ['risk_assessment'],
  response: ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checklist'],
  plan: ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checklist'],
};

/** The payer elements a field of this type can be tagged with. */
export const elementsFor = (t: TFieldType) => PAYER_ELEMENTS.filter((e) => ELEMENT_TYPES[e.value].includes(t));

/** Elements every billable template must tag (so a billable note can always show them). */
export const BILLABLE_ELEMENTS: readonly TPayerElement[] = ['interventions', 'response', 'plan'];

export const isChoiceType = (t: TFieldType) => t === 'single_choice' || t === 'multiple_choice' || t === 'checklist';
export const isTextType = (t: TFieldType) => t === 'short_text' || t === 'long_text';
export const isNumberType = (t: TFieldType) => t === 'number';

const KEY_MAX = 40;

/**
 * A key for a label ("Client's response" -> "client_s_response"): lower-case letters, digits and
 * underscores, starting with a letter, at most 40 characters, and not one of `taken` (a number is
 * added: "plan_2"). `fallback` is used when the label has no letters or digits.
 */
export function keyFromLabel(label: string, taken: Iterable<string> = [], fallback = 'field'): string {
  let base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) base = fallback;
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`;
  base = base.slice(0, KEY_MAX).replace(/_+$/, '');
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length).replace(/_+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Moves the item at `from` by `delta` places (clamped); the same array when it cannot move. */
export function moveItem<T>(items: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + delta));
  if (from < 0 || from >= items.length || to === from) return items as T[];
  const out = [...items];
  const [it] = out.splice(from, 1);
  out.splice(to, 0, it!);
  return out;
}

// ---- Loading and saving ----

/** Editor state for a saved definition; saved keys count as chosen (renaming a label keeps them). */
export function fromDefinition(name: string, def: TTemplateDefinition): EditorState {
  let n = 0;
  const uid = () => `u${++n}`;
  const sections = def.sections.map(
    (s): EditorSection => ({
      uid: uid(),
      key: s.key,
      keyEdited: true,
      title: s.title,
      help: s.help ?? '',
      scope: s.scope ?? 'note',
      optional: s.optional ?? false,
      fields: s.fields.map(
        (f): EditorField => ({
          uid: uid(),
          key: f.key,
          keyEdited: true,
          label: f.label,
          type: f.type,
          required: f.required ?? false,
          help: f.help ?? '',
          options: (f.options ?? []).map((o) => ({ uid: uid(), value: o.value, label: o.label, valueEdited: true })),
          min: f.min ?? null,
          max: f.max ?? null,
          maxLength: f.maxLength ?? null,
          element: f.element ?? null,
        }),
      ),
    }),
  );
  return { name, sections, nextUid: n + 1, dirty: false };
}

const text = (s: string) => {
  const t = s.trim();
  return t ? t : undefined;
};

/**
 * The definition to save. Settings that do not apply to a field's type (options of a text field
 * whose type was changed, for example) are left out, so switching types back and forth loses nothing
 * in the editor but saves only what the type uses.
 */
export function toDefinition(state: EditorState): TTemplateDefinition {
  return {
    sections: state.sections.map((s) => ({
      key: s.key,
      title: s.title.trim(),
      ...(text(s.help) ? { help: text(s.help) } : {}),
      scope: s.scope,
      optional: s.optional,
      fields: s.fields.map((f) => {
        const out: TTemplateField = { key: f.key, label: f.label.trim(), type: f.type, required: f.required };
        if (text(f.help)) out.help = text(f.help);
        if (isChoiceType(f.type)) out.options = f.options.map((o) => ({ value: o.value, label: o.label.trim() }));
        if (isNumberType(f.type)) {
          if (f.min !== null) out.min = f.min;
          if (f.max !== null) out.max = f.max;
        }
        if (isTextType(f.type) && f.maxLength !== null) out.maxLength = f.maxLength;
        if (f.element) out.element = f.element;
        return out;
      }),
    })),
  };
}

// ---- The reducer ----

export type SectionPatch = Partial<Pick<EditorSection, 'key' | 'title' | 'help' | 'scope' | 'optional'>>;
export type FieldPatch = Partial<
  Pick<EditorField, 'key' | 'label' | 'type' | 'required' | 'help' | 'min' | 'max' | 'maxLength' | 'element'>
>;
export type OptionPatch = Partial<Pick<EditorOption, 'value' | 'label'>>;

export type EditorAction =
  | { type: 'load'; state: EditorState }
  | { type: 'saved' }
  | { type: 'setName'; name: string }
  | { type: 'addSection'; scope?: SectionScope }
  | { type: 'removeSection'; section: number }
  | { type: 'moveSection'; section: number; delta: number }
  | { type: 'updateSection'; section: number; patch: SectionPatch }
  | { type: 'addField'; section: number }
  | { type: 'removeField'; section: number; field: number }
  | { type: 'moveField'; section: number; field: number; delta: number }
  | { type: 'updateField'; section: number; field: number; patch: FieldPatch }
  | { type: 'addOption'; section: number; field: number }
  | { type: 'removeOption'; section: number; field: number; option: number }
  | { type: 'moveOption'; section: number; field: number; option: number; delta: number }
  | { type: 'updateOption'; section: number; field: number; option: number; patch: OptionPatch };

function newField(uid: string, taken: string[]): EditorField {
  return {
    uid,
    key: keyFromLabel('', taken, 'field'),
    keyEdited: false,
    label: '',
    type: 'short_text',
    required: false,
    help: '',
    options: [],
    min: null,
    max: null,
    maxLength: null,
    element: null,
  };
}

function newOption(uid: string, taken: string[]): EditorOption {
  return { uid, value: keyFromLabel('', taken, 'option'), label: '', valueEdited: false };
}

const replaceAt = <T>(items: readonly T[], i: number, fn: (t: T) => T): T[] =>
  items.map((t, j) => (j === i ? fn(t) : t));

function updateFieldIn(state: EditorState, si: number, fi: number, fn: (f: EditorField) => EditorField): EditorState {
  const section = state.sections[si];
  if (!section?.fields[fi]) return state;
  return {
    ...state,
    dirty: true,
    sections: replaceAt(state.sections, si, (s) => ({ ...s, fields: replaceAt(s.fields, fi, fn) })),
  };
}

function applyFieldPatch(section: EditorSection, fi: number, f: EditorField, patch: FieldPatch, uid: () => string): EditorField {
  const next: EditorField = { ...f, ...patch };
  const siblings = section.fields.filter((_, j) => j !== fi).map((x) => x.key);
  if (patch.key !== undefined) next.keyEdited = true;
  else if (patch.label?.trim() && !f.keyEdited) next.key = keyFromLabel(patch.label, siblings, 'field');
  // A tag the new type cannot hold is dropped rather than refused at saving.
  if (patch.type && next.element && !ELEMENT_TYPES[next.element].includes(patch.type)) next.element = null;
  // A choice field starts with two empty choices to fill in.
  if (patch.type && isChoiceType(patch.type) && next.options.length === 0) {
    const a = newOption(uid(), []);
    next.options = [a, newOption(uid(), [a.value])];
  }
  return next;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  let counter = state.nextUid;
  const uid = () => `u${counter++}`;
  const withUids = (s: EditorState): EditorState => (counter === state.nextUid ? s : { ...s, nextUid: counter });

  switch (action.type) {
    case 'load':
      return action.state;
    case 'saved':
      // Saved keys stay as they are from now on: retitling no longer renames what was stored.
      return {
        ...state,
        dirty: false,
        sections: state.sections.map((s) => ({
          ...s,
          keyEdited: true,
          fields: s.fields.map((f) => ({ ...f, keyEdited: true, options: f.options.map((o) => ({ ...o, valueEdited: true })) })),
        })),
      };
    case 'setName':
      return { ...state, name: action.name, dirty: true };
    case 'addSection': {
      const taken = state.sections.map((s) => s.key);
      const section: EditorSection = {
        uid: uid(),
        key: keyFromLabel('', taken, 'section'),
        keyEdited: false,
        title: '',
        help: '',
        scope: action.scope ?? 'note',
        optional: false,
        // A section needs at least one field; start it with an empty one.
        fields: [],
      };
      section.fields = [newField(uid(), [])];
      return withUids({ ...state, dirty: true, sections: [...state.sections, section] });
    }
    case 'removeSection':
      if (!state.sections[action.section]) return state;
      return { ...state, dirty: true, sections: state.sections.filter((_, i) => i !== action.section) };
    case 'moveSection': {
      const sections = moveItem(state.sections, action.section, action.delta);
      return sections === state.sections ? state : { ...state, dirty: true, sections };
    }
    case 'updateSection': {
      const s = state.sections[action.section];
      if (!s) return state;
      const next: EditorSection = { ...s, ...action.patch };
      if (action.patch.key !== undefined) next.keyEdited = true;
      else if (action.patch.title?.trim() && !s.keyEdited) {
        const taken = state.sections.filter((_, i) => i !== action.section).map((x) => x.key);
        next.key = keyFromLabel(action.patch.title, taken, 'section');
      }
      return { ...state, dirty: true, sections: replaceAt(state.sections, action.section, () => next) };
    }
    case 'addField': {
      const s = state.sections[action.section];
      if (!s) return state;
      const field = newField(uid(), s.fields.map((f) => f.key));
      return withUids({
        ...state,
        dirty: true,
        sections: replaceAt(state.sections, action.section, (x) => ({ ...x, fields: [...x.fields, field] })),
      });
    }
    case 'removeField': {
      const s = state.sections[action.section];
      if (!s?.fields[action.field]) return state;
      return {
        ...state,
        dirty: true,
        sections: replaceAt(state.sections, action.section, (x) => ({
          ...x,
          fields: x.fields.filter((_, j) => j !== action.field),
        })),
      };
    }
    case 'moveField': {
      const s = state.sections[action.section];
      if (!s) return state;
      const fields = moveItem(s.fields, action.field, action.delta);
      if (fields === s.fields) return state;
      return { ...state, dirty: true, sections: replaceAt(state.sections, action.section, (x) => ({ ...x, fields })) };
    }
    case 'updateField': {
      const s = state.sections[action.section];
      if (!s) return state;
      return withUids(
        updateFieldIn(state, action.section, action.field, (f) => applyFieldPatch(s, action.field, f, action.patch, uid)),
      );
    }
    case 'addOption':
      return withUids(
        updateFieldIn(state, action.section, action.field, (f) => ({
          ...f,
          options: [...f.options, newOption(uid(), f.options.map((o) => o.value))],
        })),
      );
    case 'removeOption':
      return updateFieldIn(state, action.section, action.field, (f) => ({
        ...f,
        options: f.options.filter((_, k) => k !== action.option),
      }));
    case 'moveOption':
      return updateFieldIn(state, action.section, action.field, (f) => ({
        ...f,
        options: moveItem(f.options, action.option, action.delta),
      }));
    case 'updateOption':
      return updateFieldIn(state, action.section, action.field, (f) => ({
        ...f,
        options: replaceAt(f.options, action.option, (o) => {
          const next = { ...o, ...action.patch };
          if (action.patch.value !== undefined) next.valueEdited = true;
          else if (action.patch.label?.trim() && !o.valueEdited) {
            const taken = f.options.filter((_, k) => k !== action.option).map((x) => x.value);
            next.value = keyFromLabel(action.patch.label, taken, 'option');
          }
          return next;
        }),
      }));
  }
}

/** The items an action changes (their error messages are cleared as the person fixes them). */
export function editedUids(state: EditorState, a: EditorAction): string[] {
  const s = 'section' in a ? state.sections[a.section] : undefined;
  const f = s && 'field' in a ? s.fields[a.field] : undefined;
  switch (a.type) {
    case 'updateSection':
      return s ? [s.uid] : [];
    case 'addField':
    case 'removeField':
      // The section's "must have at least one field" and the field's own messages.
      return [...(s ? [s.uid] : []), ...(f ? [f.uid, ...f.options.map((o) => o.uid)] : [])];
    case 'updateField':
      return f ? [f.uid] : [];
    case 'addOption':
    case 'removeOption':
    case 'updateOption': {
      const o = f && 'option' in a ? f.options[a.option] : undefined;
      return [...(f ? [f.uid] : []), ...(o ? [o.uid] : [])];
    }
    case 'removeSection':
      return s ? [s.uid, ...s.fields.flatMap((x) => [x.uid, ...x.options.map((o) => o.uid)])] : [];
    default:
      return [];
  }
}

import type { TFieldType, TNoteKind, TPayerElement, TTemplateDefinition, TTemplateField } from '@hearth/contracts';
import type { FieldIssue } from '../../../platform/errors.js';
import { RISK_KINDS } from './required-elements.js';

// Rules a template definition must follow beyond its schema: the schema checks each field alone,
// these check fields against each other and against the template (billable, group). A practice's
// own template is checked with them before its draft is saved and again before it is published.

const CHOICE_TYPES: ReadonlySet<TFieldType> = new Set(['single_choice', 'multiple_choice', 'checklist']);
const TEXT_TYPES: ReadonlySet<TFieldType> = new Set(['short_text', 'long_text']);

/** Which field types may carry each payer element (what the required-element check can read). */
const ELEMENT_TYPES: Record<TPayerElement, ReadonlySet<TFieldType>> = {
  interventions: new Set(['interventions']),
  goal_progress: new Set(['goal_progress']),
  risk_assessment: new Set(['risk_assessment']),
  // A response or plan is written, or picked from choices ("engaged", "continue weekly").
  response: new Set([...TEXT_TYPES, ...CHOICE_TYPES]),
  plan: new Set([...TEXT_TYPES, ...CHOICE_TYPES]),
};

/** Elements every billable template must tag, so a billable note can always show them. */
export const BILLABLE_ELEMENTS: readonly TPayerElement[] = ['interventions', 'response', 'plan'];

/** Field types that may appear at most once in a section (each is a whole block of the note). */
const ONCE_PER_SECTION: Partial<Record<TFieldType, string>> = {
  mental_status_exam: 'A section holds at most one mental status exam',
  risk_assessment: 'A section holds at most one risk assessment',
};

export interface TemplateContext {
  billable: boolean;
  kind: TNoteKind;
}

/**
 * Every problem with a definition, each naming its place the way request validation does
 * (`definition.sections.2.fields.0.options`), so the editor can put the message beside the input.
 * An empty list means the definition may be saved.
 */
export function checkTemplateDefinition(def: TTemplateDefinition, ctx: TemplateContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sectionKeys = new Set<string>();
  const tagged = new Set<TPayerElement>();
  let shared = 0;
  let member = 0;

  def.sections.forEach((section, i) => {
    const at = `definition.sections.${i}`;
    if (sectionKeys.has(section.key)) issues.push({ field: `${at}.key`, message: 'is used by another section' });
    sectionKeys.add(section.key);

    const scope = section.scope ?? 'note';
    if (scope === 'shared') shared++;
    if (scope === 'member') member++;
    if (ctx.kind !== 'group' && scope !== 'note') {
      issues.push({ field: `${at}.scope`, message: 'Shared and member sections are only for group templates' });
    }

    const fieldKeys = new Set<string>();
    const onceSeen = new Set<TFieldType>();
    section.fields.forEach((field, j) => {
      const fat = `${at}.fields.${j}`;
      if (fieldKeys.has(field.key)) issues.push({ field: `${fat}.key`, message: 'is used by another field in this section' });
      fieldKeys.add(field.key);
      const once = ONCE_PER_SECTION[field.type];
      if (once) {
        if (onceSeen.has(field.type)) issues.push({ field: `${fat}.type`, message: once });
        onceSeen.add(field.type);
      }
      issues.push(...checkField(field, fat));
      if (field.element) {
        if (ELEMENT_TYPES[field.element].has(field.type)) tagged.add(field.element);
        else issues.push({ field: `${fat}.element`, message: `A ${label(field.type)} field cannot hold the ${label(field.element)} element` });
      }
    });
  });

  if (ctx.kind === 'group' && (shared === 0 || member === 0)) {
    issues.push({ field: 'definition.sections', message: 'A group template needs at least one shared section and one member section' });
  }
  if (ctx.billable) {
    for (const e of BILLABLE_ELEMENTS) {
      if (!tagged.has(e)) issues.push({ field: 'definition.sections', message: `A billable template needs a field tagged as ${label(e)}` });
    }
  }
  // Signing these kinds needs a risk assessment (required-elements.ts): a template without one could be
  // published but never signed.
  const hasRisk = def.sections.some((s) => s.fields.some((f) => f.type === 'risk_assessment'));
  if (RISK_KINDS.has(ctx.kind) && !hasRisk) {
    issues.push({ field: 'definition.sections', message: 'An intake, psychiatric evaluation or crisis template needs a risk assessment field' });
  }
  return issues;
}

function checkField(field: TTemplateField, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (CHOICE_TYPES.has(field.type)) {
    const options = field.options ?? [];
    if (options.length < 2) issues.push({ field: `${at}.options`, message: 'A choice field needs at least two options' });
    const values = new Set<string>();
    options.forEach((o, k) => {
      if (values.has(o.value)) issues.push({ field: `${at}.options.${k}.value`, message: 'is used by another option' });
      values.add(o.value);
    });
  } else if (field.options !== undefined) {
    issues.push({ field: `${at}.options`, message: 'Only choice fields have options' });
  }
  if (field.type === 'number') {
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      issues.push({ field: `${at}.min`, message: 'must not be more than max' });
    }
  } else {
    if (field.min !== undefined) issues.push({ field: `${at}.min`, message: 'Only number fields have a minimum' });
    if (field.max !== undefined) issues.push({ field: `${at}.max`, message: 'Only number fields have a maximum' });
  }
  if (field.maxLength !== undefined && !TEXT_TYPES.has(field.type)) {
    issues.push({ field: `${at}.maxLength`, message: 'Only text fields have a maximum length' });
  }
  return issues;
}

const label = (s: string) => s.replace(/_/g, ' ');

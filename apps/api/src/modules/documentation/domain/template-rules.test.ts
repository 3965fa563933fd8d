import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '@hearth/content';
import { ZBuiltinTemplate, ZTemplateDefinition, type TNoteKind } from '@hearth/contracts';
import { checkTemplateDefinition } from './template-rules.js';

type Field = Record<string, unknown>;
type Section = { key: string; title?: string; scope?: string; optional?: boolean; fields: Field[] };
const def = (...sections: Section[]) => ZTemplateDefinition.parse({ sections: sections.map((s) => ({ title: s.key, ...s })) });
const text = (key: string, o: Field = {}): Field => ({ key, label: key, type: 'long_text', ...o });
const choice = (key: string, values: string[], o: Field = {}): Field => ({ key, label: key, type: 'single_choice', options: values.map((v) => ({ value: v, label: v })), ...o });
const plain = { billable: false, kind: 'progress' as TNoteKind };
const check = (d: ReturnType<typeof def>, ctx = plain) => checkTemplateDefinition(d, ctx);
const fields = (d: ReturnType<typeof def>, ctx = plain) => check(d, ctx).map((i) => i.field);

/** A billable progress note that satisfies every rule, to change one thing at a time. */
const billableSections = (): Section[] => [
  {
    key: 'session',
    fields: [
      { key: 'interventions', label: 'Interventions', type: 'interventions', element: 'interventions' },
      text('response', { element: 'response' }),
      { key: 'goals', label: 'Goals', type: 'goal_progress', element: 'goal_progress' },
      { key: 'risk', label: 'Risk', type: 'risk_assessment', element: 'risk_assessment' },
      { key: 'mse', label: 'MSE', type: 'mental_status_exam' },
    ],
  },
  { key: 'plan', fields: [text('plan', { element: 'plan' })] },
];
const billable = { billable: true, kind: 'progress' as TNoteKind };

describe('checkTemplateDefinition', () => {
  it('accepts a well-formed billable template', () => {
    expect(check(def(...billableSections()), billable)).toEqual([]);
  });

  it('needs a risk assessment field in intake, psychiatric evaluation and crisis templates, which cannot be signed without one', () => {
    const withoutRisk = billableSections().map((s) => ({ ...s, fields: s.fields.filter((f) => f.type !== 'risk_assessment') }));
    for (const kind of ['intake', 'psychiatric_evaluation', 'crisis'] as TNoteKind[]) {
      expect(check(def(...withoutRisk), { billable: true, kind })).toEqual([
        { field: 'definition.sections', message: 'An intake, psychiatric evaluation or crisis template needs a risk assessment field' },
      ]);
      expect(check(def(...billableSections()), { billable: true, kind })).toEqual([]);
    }
    expect(check(def(...withoutRisk), billable)).toEqual([]);
  });

  it('accepts every field type used as intended', () => {
    const d = def({
      key: 'all',
      fields: [
        text('a', { type: 'short_text', maxLength: 80 }), text('b', { maxLength: 5000 }),
        choice('c', ['x', 'y']), choice('d', ['x', 'y'], { type: 'multiple_choice' }), choice('e', ['x', 'y', 'z'], { type: 'checklist' }),
        { key: 'f', label: 'f', type: 'number', min: 0, max: 10 }, { key: 'g', label: 'g', type: 'number', min: 3, max: 3 },
        { key: 'h', label: 'h', type: 'date' }, { key: 'i', label: 'i', type: 'time' }, { key: 'j', label: 'j', type: 'diagnoses' },
      ],
    });
    expect(check(d)).toEqual([]);
  });

  describe('keys', () => {
    it('names a section key used twice', () => {
      const d = def({ key: 'a', fields: [text('x')] }, { key: 'b', fields: [text('x')] }, { key: 'a', fields: [text('y')] });
      expect(check(d)).toEqual([{ field: 'definition.sections.2.key', message: 'is used by another section' }]);
    });

    it('names a field key used twice in one section, but allows it across sections', () => {
      const d = def({ key: 'a', fields: [text('x'), text('y'), text('x')] }, { key: 'b', fields: [text('x')] });
      expect(check(d)).toEqual([{ field: 'definition.sections.0.fields.2.key', message: 'is used by another field in this section' }]);
    });
  });

  describe('options', () => {
    it.each(['single_choice', 'multiple_choice', 'checklist'])('%s needs at least two options', (type) => {
      expect(fields(def({ key: 's', fields: [choice('c', ['only'], { type })] }))).toEqual(['definition.sections.0.fields.0.options']);
      expect(fields(def({ key: 's', fields: [{ key: 'c', label: 'c', type }] }))).toEqual(['definition.sections.0.fields.0.options']);
    });

    it('names an option value used twice', () => {
      const d = def({ key: 's', fields: [text('t'), choice('c', ['yes', 'no', 'yes'])] });
      expect(check(d)).toEqual([{ field: 'definition.sections.0.fields.1.options.2.value', message: 'is used by another option' }]);
    });

    it.each(['short_text', 'long_text', 'number', 'date', 'interventions', 'mental_status_exam'])('%s must not have options', (type) => {
      const d = def({ key: 's', fields: [{ key: 'f', label: 'f', type, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] });
      expect(check(d)).toEqual([{ field: 'definition.sections.0.fields.0.options', message: 'Only choice fields have options' }]);
    });
  });

  describe('bounds and lengths', () => {
    it('min must not exceed max', () => {
      const d = def({ key: 's', fields: [{ key: 'n', label: 'n', type: 'number', min: 10, max: 1 }] });
      expect(check(d)).toEqual([{ field: 'definition.sections.0.fields.0.min', message: 'must not be more than max' }]);
    });

    it('min and max belong to number fields only', () => {
      expect(fields(def({ key: 's', fields: [text('t', { min: 1, max: 5 })] }))).toEqual(['definition.sections.0.fields.0.min', 'definition.sections.0.fields.0.max']);
    });

    it.each(['number', 'single_choice', 'date', 'diagnoses'])('maxLength is only for text, not %s', (type) => {
      const f: Field = type === 'single_choice' ? choice('f', ['a', 'b'], { maxLength: 10 }) : { key: 'f', label: 'f', type, maxLength: 10 };
      expect(fields(def({ key: 's', fields: [f] }))).toEqual(['definition.sections.0.fields.0.maxLength']);
    });
  });

  describe('billable templates', () => {
    it.each(['interventions', 'response', 'plan'])('must tag %s', (element) => {
      const sections = billableSections();
      for (const s of sections) for (const f of s.fields) if (f.element === element) delete f.element;
      expect(check(def(...sections), billable)).toEqual([{ field: 'definition.sections', message: `A billable template needs a field tagged as ${element}` }]);
    });

    it('names every missing element at once, and asks nothing of a template that is not billable', () => {
      const d = def({ key: 's', fields: [text('t')] });
      expect(check(d, billable).map((i) => i.message)).toEqual([
        'A billable template needs a field tagged as interventions',
        'A billable template needs a field tagged as response',
        'A billable template needs a field tagged as plan',
      ]);
      expect(check(d)).toEqual([]);
    });

    it.each([
      ['interventions', 'long_text'],
      ['goal_progress', 'short_text'],
      ['risk_assessment', 'long_text'],
      ['response', 'number'],
      ['plan', 'diagnoses'],
      ['interventions', 'checklist'],
    ])('the %s element does not fit a %s field', (element, type) => {
      const f: Field = type === 'checklist' ? choice('x', ['a', 'b'], { type, element }) : { key: 'x', label: 'x', type, element };
      const d = def({ key: 's', fields: [f] });
      expect(check(d)).toEqual([{ field: 'definition.sections.0.fields.0.element', message: `A ${type.replace(/_/g, ' ')} field cannot hold the ${element.replace(/_/g, ' ')} element` }]);
    });

    it('a mistyped tag does not count towards the billable elements', () => {
      const sections = billableSections();
      sections[1]!.fields = [{ key: 'plan', label: 'Plan', type: 'date', element: 'plan' }];
      expect(fields(def(...sections), billable)).toEqual(['definition.sections.1.fields.0.element', 'definition.sections']);
    });

    it('response and plan may be choices', () => {
      const sections = billableSections();
      sections[1]!.fields = [choice('plan', ['continue', 'change'], { element: 'plan' })];
      expect(check(def(...sections), billable)).toEqual([]);
    });
  });

  describe('group templates', () => {
    const group = { billable: false, kind: 'group' as TNoteKind };
    it('needs a shared and a member section', () => {
      expect(check(def({ key: 'a', scope: 'shared', fields: [text('x')] }, { key: 'b', scope: 'member', fields: [text('y')] }), group)).toEqual([]);
      for (const scopes of [['shared', 'shared'], ['member', 'note'], ['note', 'note']]) {
        const d = def({ key: 'a', scope: scopes[0], fields: [text('x')] }, { key: 'b', scope: scopes[1], fields: [text('y')] });
        expect(check(d, group), scopes.join()).toEqual([{ field: 'definition.sections', message: 'A group template needs at least one shared section and one member section' }]);
      }
    });

    it.each(['shared', 'member'])('other kinds must not use the %s scope', (scope) => {
      const d = def({ key: 'a', fields: [text('x')] }, { key: 'b', scope, fields: [text('y')] });
      expect(check(d)).toEqual([{ field: 'definition.sections.1.scope', message: 'Shared and member sections are only for group templates' }]);
    });
  });

  describe('blocks', () => {
    it.each([
      ['mental_status_exam', 'A section holds at most one mental status exam'],
      ['risk_assessment', 'A section holds at most one risk assessment'],
    ])('at most one %s per section, but one in each of several sections is fine', (type, message) => {
      const twice = def({ key: 's', fields: [{ key: 'a', label: 'a', type }, text('t'), { key: 'b', label: 'b', type }] });
      expect(check(twice)).toEqual([{ field: 'definition.sections.0.fields.2.type', message }]);
      const apart = def({ key: 's', fields: [{ key: 'a', label: 'a', type }] }, { key: 't', fields: [{ key: 'a', label: 'a', type }] });
      expect(check(apart)).toEqual([]);
    });
  });

  it('reports several problems in one pass, in order', () => {
    const d = def({ key: 's', scope: 'shared', fields: [choice('c', ['a']), text('c', { maxLength: 5, min: 1 })] });
    expect(fields(d)).toEqual([
      'definition.sections.0.scope',
      'definition.sections.0.fields.0.options',
      'definition.sections.0.fields.1.key',
      'definition.sections.0.fields.1.min',
    ]);
  });

  // A practice changes a built-in by duplicating it: the copy must save as it is.
  it.each(BUILTIN_TEMPLATES.map((b) => [b.key, b] as const))('the built-in %s follows every rule', (_key, b) => {
    const parsed = ZBuiltinTemplate.parse(b);
    expect(checkTemplateDefinition(parsed.definition, { billable: parsed.billable, kind: parsed.kind })).toEqual([]);
  });
});

import type { TTemplateDefinition } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { editorReducer, fromDefinition } from './editor-model';
import { clearErrorsFor, hasErrors, mapErrors, parseErrorPath, sectionErrorCount, templateRuleIssues, validateDraft } from './editor-errors';

const DEF: TTemplateDefinition = {
  sections: [
    {
      key: 'data',
      title: 'Data',
      scope: 'note',
      optional: false,
      fields: [
        { key: 'subjective', label: 'Subjective', type: 'long_text', required: true },
        { key: 'mood', label: 'Mood', type: 'single_choice', required: false, options: [{ value: 'good', label: 'Good' }, { value: 'low', label: 'Low' }] },
      ],
    },
    { key: 'plan', title: 'Plan', scope: 'note', optional: false, fields: [{ key: 'plan', label: 'Plan', type: 'long_text', required: true }] },
  ],
};

describe('parseErrorPath', () => {
  it('reads bracket and dotted paths alike', () => {
    expect(parseErrorPath('definition.sections[1].fields[0].label')).toEqual({ kind: 'field', section: 1, field: 0, prop: 'label' });
    expect(parseErrorPath('definition.sections.1.fields.0.label')).toEqual({ kind: 'field', section: 1, field: 0, prop: 'label' });
  });
  it('names sections, options, the template name and the whole definition', () => {
    expect(parseErrorPath('definition.sections[2].title')).toEqual({ kind: 'section', section: 2, prop: 'title' });
    expect(parseErrorPath('definition.sections[2].fields')).toEqual({ kind: 'section', section: 2, prop: 'fields' });
    expect(parseErrorPath('definition.sections[0].fields[3].options[1].value')).toEqual({
      kind: 'option',
      section: 0,
      field: 3,
      option: 1,
      prop: 'value',
    });
    expect(parseErrorPath('definition.sections[0].fields[3].options')).toEqual({ kind: 'field', section: 0, field: 3, prop: 'options' });
    expect(parseErrorPath('definition.sections[0].fields[3]')).toEqual({ kind: 'field', section: 0, field: 3, prop: '' });
    expect(parseErrorPath('name')).toEqual({ kind: 'name' });
    expect(parseErrorPath('body.name')).toEqual({ kind: 'name' });
    expect(parseErrorPath('definition.sections')).toEqual({ kind: 'definition', prop: 'sections' });
    expect(parseErrorPath('definition')).toEqual({ kind: 'definition', prop: '' });
    expect(parseErrorPath('version')).toBeNull();
  });
});

describe('mapErrors', () => {
  const state = fromDefinition('Ours', DEF);
  const s0 = state.sections[0]!;
  const mood = s0.fields[1]!;

  it('puts each server error on the uid of the item it names', () => {
    const e = mapErrors(state, [
      { field: 'definition.sections[0].fields[1].label', message: 'is required' },
      { field: 'definition.sections[1].key', message: 'is used by another section' },
      { field: 'definition.sections[0].fields[1].options[1].value', message: 'must be lower-case letters' },
      { field: 'name', message: 'is required' },
    ]);
    expect(e.byKey[`${mood.uid}.label`]).toBe('Is required');
    expect(e.byKey[`${state.sections[1]!.uid}.key`]).toBe('Is used by another section');
    expect(e.byKey[`${mood.options[1]!.uid}.value`]).toBe('Must be lower-case letters');
    expect(e.name).toBe('Is required');
    expect(e.general).toEqual([]);
  });
  it('keeps the first message per input', () => {
    const e = mapErrors(state, [
      { field: 'definition.sections[0].title', message: 'first' },
      { field: 'definition.sections[0].title', message: 'second' },
    ]);
    expect(e.byKey[`${s0.uid}.title`]).toBe('First');
  });
  it('shows a property without an input on the item itself', () => {
    const e = mapErrors(state, [{ field: 'definition.sections.0.fields.0.colour', message: 'is not a recognised field' }]);
    expect(e.byKey[s0.fields[0]!.uid]).toBe('colour: is not a recognised field');
  });
  it('falls back to the section, or to the general list, when the position is gone', () => {
    const e = mapErrors(state, [
      { field: 'definition.sections[0].fields[9].label', message: 'is required' },
      { field: 'definition.sections[7].title', message: 'is required' },
      { field: 'definition.sections', message: 'must have at least one section' },
      { field: 'version', message: 'is stale' },
    ]);
    expect(e.byKey[`${s0.uid}.fields`]).toBe('Is required');
    expect(e.general).toEqual(['Is required', 'The template must have at least one section', 'version: is stale']);
  });
  it('stays with the item after it is moved', () => {
    const e = mapErrors(state, [{ field: 'definition.sections[1].title', message: 'is required' }]);
    const moved = editorReducer(state, { type: 'moveSection', section: 1, delta: -1 });
    expect(sectionErrorCount(moved, 0, e)).toBe(1);
    expect(sectionErrorCount(moved, 1, e)).toBe(0);
  });
});

describe('validateDraft', () => {
  it('accepts a valid draft', () => {
    expect(hasErrors(validateDraft(fromDefinition('Ours', DEF)))).toBe(false);
  });
  it('names an empty label, a missing name and a section without fields', () => {
    let s = fromDefinition('  ', DEF);
    s = editorReducer(s, { type: 'updateField', section: 0, field: 0, patch: { label: '' } });
    s = editorReducer(s, { type: 'removeField', section: 1, field: 0 });
    const e = validateDraft(s);
    expect(e.name).toBe('Is required');
    expect(e.byKey[`${s.sections[0]!.fields[0]!.uid}.label`]).toBe('Is required');
    expect(e.byKey[`${s.sections[1]!.uid}.fields`]).toBe('Must have at least one field');
  });
  it('finds duplicate keys, bad keys, too few choices and reversed bounds', () => {
    let s = fromDefinition('Ours', DEF);
    s = editorReducer(s, { type: 'updateSection', section: 1, patch: { key: 'data' } });
    s = editorReducer(s, { type: 'updateField', section: 0, field: 0, patch: { key: 'mood' } });
    s = editorReducer(s, { type: 'removeOption', section: 0, field: 1, option: 1 });
    s = editorReducer(s, { type: 'addField', section: 1 });
    s = editorReducer(s, { type: 'updateField', section: 1, field: 1, patch: { label: 'Score', type: 'number', min: 10, max: 1 } });
    s = editorReducer(s, { type: 'updateField', section: 1, field: 0, patch: { key: 'Bad Key' } });
    const e = validateDraft(s);
    expect(e.byKey[`${s.sections[1]!.uid}.key`]).toBe('Is used by another section');
    expect(e.byKey[`${s.sections[0]!.fields[1]!.uid}.key`]).toBe('Is used by another field in this section');
    expect(e.byKey[`${s.sections[0]!.fields[1]!.uid}.options`]).toBe('Needs at least two choices');
    expect(e.byKey[`${s.sections[1]!.fields[1]!.uid}.max`]).toBe('Must be at least the minimum');
    expect(e.byKey[`${s.sections[1]!.fields[0]!.uid}.key`]).toMatch(/lower-case/);
    expect(sectionErrorCount(s, 0, e)).toBe(2);
  });
});

describe('whole-template rules', () => {
  it('keeps the server\'s sentences as they are', () => {
    const e = mapErrors(fromDefinition('x', DEF), [
      { field: 'definition.sections', message: 'A billable template needs a field tagged as plan' },
      { field: 'definition.sections.0.scope', message: 'Shared and member sections are only for group templates' },
    ]);
    expect(e.general).toEqual(['A billable template needs a field tagged as plan']);
    expect(e.byKey[`${fromDefinition('x', DEF).sections[0]!.uid}.scope`]).toBe('Shared and member sections are only for group templates');
  });
  it('asks a billable template for the interventions, response and plan tags', () => {
    const s = fromDefinition('x', DEF);
    expect(templateRuleIssues(s, { kind: 'progress', billable: true }).map((i) => i.message)).toEqual([
      'A billable template needs a field tagged as interventions',
      'A billable template needs a field tagged as response to treatment',
      'A billable template needs a field tagged as plan',
    ]);
    expect(templateRuleIssues(s, { kind: 'progress', billable: false })).toEqual([]);
  });
  it('asks a group template for shared and member sections, and others for neither', () => {
    const s = fromDefinition('x', DEF);
    expect(templateRuleIssues(s, { kind: 'group', billable: false })).toHaveLength(1);
    const grouped = editorReducer(editorReducer(s, { type: 'updateSection', section: 0, patch: { scope: 'shared' } }), {
      type: 'updateSection',
      section: 1,
      patch: { scope: 'member' },
    });
    expect(templateRuleIssues(grouped, { kind: 'group', billable: false })).toEqual([]);
    const e = validateDraft(grouped, { kind: 'progress', billable: false });
    expect(e.byKey[`${grouped.sections[0]!.uid}.scope`]).toBe('Shared and member sections are only for group templates');
  });
  it('allows one mental status exam per section', () => {
    let s = fromDefinition('x', DEF);
    s = editorReducer(s, { type: 'updateField', section: 0, field: 0, patch: { type: 'mental_status_exam' } });
    s = editorReducer(s, { type: 'updateField', section: 0, field: 1, patch: { type: 'mental_status_exam' } });
    expect(validateDraft(s).byKey[`${s.sections[0]!.fields[1]!.uid}.type`]).toBe('A section holds at most one mental status exam');
  });
});

describe('clearErrorsFor', () => {
  it('drops the messages of edited items and keeps the rest', () => {
    const s = fromDefinition('x', DEF);
    const f0 = s.sections[0]!.fields[0]!;
    const e = mapErrors(s, [
      { field: 'definition.sections.0.fields.0.label', message: 'is required' },
      { field: 'definition.sections.0.fields.0.key', message: 'is used by another field in this section' },
      { field: 'definition.sections.1.title', message: 'is required' },
      { field: 'name', message: 'is required' },
    ]);
    const after = clearErrorsFor(e, [f0.uid]);
    expect(Object.keys(after.byKey)).toEqual([`${s.sections[1]!.uid}.title`]);
    expect(after.name).toBe('Is required');
    expect(clearErrorsFor(after, [], true).name).toBeNull();
    expect(clearErrorsFor(after, ['nothing'])).toBe(after);
  });
});

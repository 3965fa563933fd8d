import { describe, expect, it } from 'vitest';
import { ZTemplateDefinition } from '@hearth/contracts';
import { DomainError } from '../../../platform/errors.js';
import { CONTENT_MAX_BYTES, fieldValueIssue, isAnswered, restrictToScopes, validateContent, validateEnabledSections } from './content-rules.js';

const ctx = { interventionCodes: new Set(['cbt_restructuring', 'mi']) };
const choices = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }];

const definition = ZTemplateDefinition.parse({
  sections: [
    {
      key: 'main', title: 'Main',
      fields: [
        { key: 'short', label: 'Short', type: 'short_text' },
        { key: 'short5', label: 'Short five', type: 'short_text', maxLength: 5 },
        { key: 'long', label: 'Long', type: 'long_text' },
        { key: 'one', label: 'One', type: 'single_choice', options: choices },
        { key: 'many', label: 'Many', type: 'multiple_choice', options: choices },
        { key: 'checks', label: 'Checks', type: 'checklist', options: choices },
        { key: 'num', label: 'Num', type: 'number', min: 0, max: 10 },
        { key: 'day', label: 'Day', type: 'date' },
        { key: 'at', label: 'At', type: 'time' },
        { key: 'dx', label: 'Dx', type: 'diagnoses' },
        { key: 'goals', label: 'Goals', type: 'goal_progress' },
        { key: 'ints', label: 'Interventions', type: 'interventions' },
        { key: 'risk', label: 'Risk', type: 'risk_assessment' },
        { key: 'mse', label: 'MSE', type: 'mental_status_exam' },
      ],
    },
    { key: 'extra', title: 'Extra', optional: true, fields: [{ key: 'x', label: 'X', type: 'short_text' }] },
    { key: 'shared', title: 'Shared', scope: 'shared', fields: [{ key: 'topic', label: 'Topic', type: 'long_text' }] },
  ],
});
const field = (key: string) => definition.sections[0]!.fields.find((f) => f.key === key)!;
const check = (key: string, v: unknown) => fieldValueIssue(field(key), v, ctx);
const risk = { suicidalIdeation: 'denied', homicidalIdeation: 'denied', selfHarm: 'denied', riskLevel: 'low', safetyPlan: 'not_indicated' };

describe('field values', () => {
  it('treats empty, null and missing as not answered, for every type', () => {
    for (const f of definition.sections[0]!.fields) {
      for (const v of [undefined, null, '', []]) expect(fieldValueIssue(f, v, ctx), `${f.key} ${JSON.stringify(v)}`).toBeNull();
    }
    expect([undefined, null, '', '  ', [], {}].map(isAnswered)).toEqual([false, false, false, false, false, false]);
    expect([0, 'x', ['a'], { a: 1 }, false].map(isAnswered)).toEqual([true, true, true, true, true]);
  });

  it('short text: one line of at most 200 characters (or maxLength), no control characters', () => {
    expect(check('short', 'Doing better')).toBeNull();
    expect(check('short', 'x'.repeat(200))).toBeNull();
    expect(check('short', 'x'.repeat(201))).toBe('must be at most 200 characters');
    expect(check('short5', 'abcdef')).toBe('must be at most 5 characters');
    expect(check('short', 'two\nlines')).toBe('must be a single line');
    expect(check('short', 'a\u0000b')).toBe('must not contain control characters');
    expect(check('short', '\uD800')).toBe('must not contain invalid Unicode');
    expect(check('short', 42)).toBe('must be text');
    expect(check('short', ['x'])).toBe('must be text');
  });

  it('long text: lines allowed, at most 20,000 characters', () => {
    expect(check('long', 'Line one\nLine two\tindented')).toBeNull();
    expect(check('long', 'x'.repeat(20_000))).toBeNull();
    expect(check('long', 'x'.repeat(20_001))).toBe('must be at most 20000 characters');
    expect(check('long', { text: 'x' })).toBe('must be text');
  });

  it('single choice: one option value', () => {
    expect(check('one', 'a')).toBeNull();
    expect(check('one', 'c')).toBe('must be one of the choices');
    expect(check('one', ['a'])).toBe('must be one of the choices');
  });

  it('multiple choice and checklist: unique option values', () => {
    for (const k of ['many', 'checks']) {
      expect(check(k, ['a', 'b'])).toBeNull();
      expect(check(k, 'a')).toBe('must be a list of choices');
      expect(check(k, ['a', 'z'])).toBe('item 2 is not one of the choices');
      expect(check(k, ['a', 'a'])).toBe('item 2 repeats a choice');
      expect(check(k, [1])).toBe('item 1 is not one of the choices');
    }
  });

  it('number: finite, within min and max', () => {
    expect(check('num', 0)).toBeNull();
    expect(check('num', 10)).toBeNull();
    expect(check('num', 7.5)).toBeNull();
    expect(check('num', -1)).toBe('must be at least 0');
    expect(check('num', 11)).toBe('must be at most 10');
    expect(check('num', '5')).toBe('must be a number');
    expect(check('num', Number.NaN)).toBe('must be a number');
    expect(check('num', Infinity)).toBe('must be a number');
  });

  it('date and time: YYYY-MM-DD and HH:MM', () => {
    expect(check('day', '2027-03-15')).toBeNull();
    expect(check('day', '2027-02-30')).toBe('must be a date such as 2027-03-15');
    expect(check('day', '03/15/2027')).toBe('must be a date such as 2027-03-15');
    expect(check('at', '15:05')).toBeNull();
    expect(check('at', '24:00')).toBe('must be a time such as 15:05');
    expect(check('at', '3:05 pm')).toBe('must be a time such as 15:05');
  });

  it('diagnoses: at most 12 ICD-10-CM references, each once', () => {
    expect(check('dx', [{ code: 'F32.1', title: 'Major depressive disorder, single episode, moderate' }, { code: 'Z63.0' }])).toBeNull();
    expect(check('dx', [{ code: 'depression' }])).toBe('item 1: code: must be an ICD-10-CM code such as F32.1');
    expect(check('dx', [{ code: 'F32.1' }, { code: 'F32.1' }])).toBe('item 2 lists a diagnosis twice');
    expect(check('dx', Array.from({ length: 13 }, (_, i) => ({ code: `F4${i % 10}.${i}` })))).toBe('must list at most 12 diagnoses');
    expect(check('dx', [{ code: 'F32.1', extra: 1 }])).toBe('item 1: has a field that is not recognised');
    expect(check('dx', 'F32.1')).toBe('must be a list of diagnoses');
  });

  it('goal progress: at most 20 entries of goal, rating and comment', () => {
    expect(check('goals', [{ goal: 'Sleep 7 hours', rating: 'some_progress', comment: 'Most nights' }])).toBeNull();
    expect(check('goals', [{ goal: 'Sleep', rating: 'great' }])).toMatch(/^item 1: rating: /);
    expect(check('goals', [{ rating: 'met' }])).toMatch(/^item 1: goal: /);
    expect(check('goals', Array.from({ length: 21 }, () => ({ goal: 'g', rating: 'met' })))).toBe('must list at most 20 goals');
  });

  it('interventions: known codes, each once, at most 30', () => {
    expect(check('ints', ['mi', 'cbt_restructuring'])).toBeNull();
    expect(check('ints', ['mi', 'astrology'])).toBe('item 2 is not a known intervention');
    expect(check('ints', ['mi', 'mi'])).toBe('item 2 repeats an intervention');
    expect(check('ints', 'mi')).toBe('must be a list of interventions');
    const many = new Set(Array.from({ length: 31 }, (_, i) => `i${i}`));
    expect(fieldValueIssue(field('ints'), [...many], { interventionCodes: many })).toBe('must list at most 30 interventions');
  });

  it('risk assessment: the structured block', () => {
    expect(check('risk', risk)).toBeNull();
    expect(check('risk', { ...risk, riskFactors: 'Recent job loss', actions: 'Safety plan reviewed' })).toBeNull();
    expect(check('risk', {})).toBeNull();
    expect(check('risk', { ...risk, riskLevel: 'extreme' })).toMatch(/^riskLevel: /);
    expect(check('risk', { riskLevel: 'low' })).toMatch(/^suicidalIdeation: /);
    expect(check('risk', { ...risk, mood: 'ok' })).toBe('has a field that is not recognised');
    expect(check('risk', 'low')).toBe('must be a risk assessment');
    expect(check('risk', [risk])).toBe('must be a risk assessment');
  });

  it('mental status exam: domains marked normal or with a finding', () => {
    expect(check('mse', { mood: { normal: false, finding: 'Dysphoric' }, speech: { normal: true } })).toBeNull();
    expect(check('mse', { aura: { normal: true } })).toBe('has a field that is not recognised');
    expect(check('mse', { mood: { normal: 'yes' } })).toMatch(/^mood normal: /);
    expect(check('mse', 'normal')).toBe('must be a mental status exam');
  });
});

describe('validateContent', () => {
  it('accepts valid content and names each unknown section, field and bad value', () => {
    expect(validateContent(definition, { main: { short: 'ok', num: 3, risk }, extra: { x: 'y' } }, ctx)).toEqual([]);
    expect(validateContent(definition, { main: { short: 5, nope: 'x', num: 99 }, ghost: { a: 1 } }, ctx)).toEqual([
      { field: 'content.main.short', message: 'must be text' },
      { field: 'content.main.nope', message: 'is not a field of this template' },
      { field: 'content.main.num', message: 'must be at most 10' },
      { field: 'content.ghost', message: 'is not a section of this template' },
    ]);
    expect(validateContent(definition, { main: 'text' }, ctx)).toEqual([{ field: 'content.main', message: 'must be an object of fields' }]);
    expect(validateContent(definition, [], ctx)).toEqual([{ field: 'content', message: 'must be an object of sections' }]);
  });

  it('refuses content over 200,000 bytes of JSON as payload_too_large naming content', () => {
    const big = { main: { long: 'é'.repeat(10_000) } };
    expect(validateContent(definition, big, ctx)).toEqual([]);
    // Bytes, not characters: 100,000 two-byte letters are 200,000 bytes, plus the JSON around them.
    const huge = { main: { long: 'é'.repeat(CONTENT_MAX_BYTES / 2) } };
    try {
      validateContent(definition, huge, ctx);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('payload_too_large');
      expect((e as DomainError).issues.map((i) => i.field)).toEqual(['content']);
    }
  });

  it('checks switched-on sections and restricts a definition to scopes', () => {
    expect(validateEnabledSections(definition, ['extra'])).toEqual([]);
    expect(validateEnabledSections(definition, ['main', 'extra', 'extra'])).toEqual([
      { field: 'enabledSections.0', message: 'is not an optional section of this template' },
      { field: 'enabledSections.2', message: 'lists a section twice' },
    ]);
    expect(restrictToScopes(definition, ['note', 'member']).sections.map((s) => s.key)).toEqual(['main', 'extra']);
    expect(restrictToScopes(definition, ['shared']).sections.map((s) => s.key)).toEqual(['shared']);
  });
});

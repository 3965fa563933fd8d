import type { TIcd10Code, TPatientProblem, TTemplateDefinition } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { missingLabel } from '../editor/missing';
import { addDiagnosis, moveItem, pickerGroups } from './diagnosis-model';
import { allNormalMse, appendFinding, applyDefaults, fieldDomId, isAnswered, sectionsInScope } from './field-values';
import { formatSimpleValue, riskLines } from './value-format';

const definition: TTemplateDefinition = {
  sections: [
    { key: 'shared', title: 'Group', scope: 'shared', optional: false, fields: [{ key: 'topic', label: 'Topic', type: 'short_text', required: true }] },
    {
      key: 'member',
      title: 'Member',
      scope: 'member',
      optional: false,
      fields: [
        { key: 'mse', label: 'Mental status', type: 'mental_status_exam', required: false },
        { key: 'mood', label: 'Mood', type: 'single_choice', required: false, options: [{ value: 'low', label: 'Low' }, { value: 'ok', label: 'Okay' }] },
      ],
    },
  ],
};

describe('field values', () => {
  it('treats empty text, lists and objects as unanswered', () => {
    expect([isAnswered(''), isAnswered('  '), isAnswered([]), isAnswered({}), isAnswered(null)]).toEqual([false, false, false, false, false]);
    expect([isAnswered('x'), isAnswered(0), isAnswered(['a']), isAnswered({ a: 1 })]).toEqual([true, true, true, true]);
  });

  it('filters sections by scope', () => {
    expect(sectionsInScope(definition, 'member').map((s) => s.key)).toEqual(['member']);
    expect(sectionsInScope(definition).map((s) => s.key)).toEqual(['shared', 'member']);
  });

  it('starts an unanswered mental status exam all-normal, and leaves content alone otherwise', () => {
    const filled = applyDefaults(definition, {});
    expect(filled.member!.mse).toEqual(allNormalMse());
    expect(Object.keys(allNormalMse())).toHaveLength(12);
    const answered = { member: { mse: { mood: { normal: false, finding: 'Low' } } } };
    expect(applyDefaults(definition, answered)).toBe(answered);
    const shared = { shared: { topic: 'x' } };
    expect(applyDefaults(definition, shared, 'shared')).toBe(shared);
  });

  it('makes DOM ids from server paths', () => {
    expect(fieldDomId('content.member.mse')).toBe('nf-content-member-mse');
    expect(fieldDomId('encounter.diagnoses')).toBe('nf-encounter-diagnoses');
  });

  it('words simple answers and risk lines', () => {
    const mood = definition.sections[1]!.fields[1]!;
    expect(formatSimpleValue(mood, 'low')).toBe('Low');
    expect(formatSimpleValue(mood, '')).toBeNull();
    expect(riskLines({ suicidalIdeation: 'active_without_plan', riskLevel: 'moderate', actions: 'Safety plan reviewed' })).toEqual([
      { label: 'Suicidal ideation', text: 'Active, without plan' },
      { label: 'Overall risk level', text: 'Moderate' },
      { label: 'Actions taken', text: 'Safety plan reviewed' },
    ]);
  });

  it('appends quick-pick findings once', () => {
    expect(appendFinding('', 'Guarded')).toBe('Guarded');
    expect(appendFinding('Guarded.', 'Poor eye contact')).toBe('Guarded; poor eye contact');
    expect(appendFinding('Guarded; poor eye contact', 'Poor eye contact')).toBe('Guarded; poor eye contact');
  });

  it('names missing elements with their section', () => {
    expect(missingLabel({ field: 'content.shared.topic', message: 'Topic is required' }, definition)).toBe('Group: Topic is required');
    expect(missingLabel({ field: 'encounter.diagnoses', message: 'Add at least one diagnosis' }, definition)).toBe(
      'Diagnoses: Add at least one diagnosis',
    );
    expect(missingLabel({ field: 'encounter.startTime', message: 'Start time is required' }, definition)).toBe('Start time is required');
  });
});

const problem = (code: string, over: Partial<TPatientProblem> = {}): TPatientProblem => ({
  id: code,
  patientId: 'p',
  code,
  title: `Title ${code}`,
  onsetDate: null,
  status: 'active',
  isPrimary: false,
  comment: null,
  addedBy: null,
  addedAt: '2027-01-01T00:00:00Z',
  resolvedOn: null,
  version: 1,
  ...over,
});
const code = (c: string, billable = true): TIcd10Code => ({ code: c, title: `Title ${c}`, billable, effectiveFrom: '2024-10-01', effectiveTo: null, release: '2025' });

describe('diagnosis picker', () => {
  it('lists the problem list first (primary, then active), then codes not already there', () => {
    const groups = pickerGroups({
      problems: [problem('F41.1', { status: 'resolved' }), problem('F32.1'), problem('F43.10', { isPrimary: true }), problem('F10.20', { status: 'ruled_out' })],
      codes: [code('F43.10'), code('F43.1', false), code('F43.12')],
      search: '',
      chosen: ['F32.1'],
    });
    expect(groups.map((g) => g.group)).toEqual(['Problem list', 'ICD-10-CM']);
    expect(groups[0]!.items.map((i) => i.value)).toEqual(['F43.10', 'F41.1']);
    expect(groups[1]!.items.map((i) => [i.value, !!i.disabled])).toEqual([
      ['F43.1', true],
      ['F43.12', false],
    ]);
  });

  it('filters the problem list by the typed code or words', () => {
    const groups = pickerGroups({ problems: [problem('F32.1'), problem('F43.10', { title: 'Post-traumatic stress disorder' })], codes: [], search: 'stress', chosen: [] });
    expect(groups[0]!.items.map((i) => i.value)).toEqual(['F43.10']);
    expect(pickerGroups({ problems: [problem('F32.1')], codes: [], search: 'f32', chosen: [] })[0]!.items).toHaveLength(1);
  });

  it('reorders and adds without duplicates', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
    expect(addDiagnosis([{ code: 'F32.1' }], { code: 'F32.1' })).toHaveLength(1);
    expect(addDiagnosis([{ code: 'F32.1' }], { code: 'F43.10' }).map((d) => d.code)).toEqual(['F32.1', 'F43.10']);
  });
});

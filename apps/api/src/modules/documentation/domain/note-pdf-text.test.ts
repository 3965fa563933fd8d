import { describe, expect, it } from 'vitest';
import type { TTemplateField } from '@hearth/contracts';
import { describeFieldValue, describeRisk, humanize, pdfSafe, type ValueLabels } from './note-pdf-text.js';

const labels: ValueLabels = {
  interventions: new Map([['cbt_restructuring', 'Cognitive restructuring (CBT)']]),
};
const f = (type: TTemplateField['type'], extra: Partial<TTemplateField> = {}): TTemplateField => ({ key: 'x', label: 'X', type, required: false, ...extra });
const options = [{ value: 'calm', label: 'Calm and engaged' }, { value: 'tearful', label: 'Tearful' }];

describe('describeFieldValue', () => {
  it('leaves unanswered fields out', () => {
    for (const v of [undefined, null, '', []]) expect(describeFieldValue(f('long_text'), v, labels)).toEqual([]);
  });

  it('prints text line by line and choices by their labels', () => {
    expect(describeFieldValue(f('long_text'), 'one\ntwo', labels)).toEqual(['one', 'two']);
    expect(describeFieldValue(f('single_choice', { options }), 'tearful', labels)).toEqual(['Tearful']);
    expect(describeFieldValue(f('checklist', { options }), ['calm', 'tearful'], labels)).toEqual(['Calm and engaged, Tearful']);
    // A value no option names any more prints as stored rather than vanishing.
    expect(describeFieldValue(f('multiple_choice', { options }), ['gone'], labels)).toEqual(['gone']);
  });

  it('names interventions from the list, and humanizes codes no list has', () => {
    expect(describeFieldValue(f('interventions'), ['cbt_restructuring', 'role_play'], labels)).toEqual(['Cognitive restructuring (CBT); Role play']);
    expect(humanize('motivational_interviewing')).toBe('Motivational interviewing');
  });

  it('numbers diagnoses and words goal progress', () => {
    expect(describeFieldValue(f('diagnoses'), [{ code: 'F32.1', title: 'Major depressive disorder, single episode, moderate' }, { code: 'Z63.0' }], labels))
      .toEqual(['1. F32.1 Major depressive disorder, single episode, moderate', '2. Z63.0']);
    expect(describeFieldValue(f('goal_progress'), [{ goal: 'Sleep 7 hours', rating: 'some_progress', comment: 'Up to 6' }], labels))
      .toEqual(['Sleep 7 hours: some progress. Up to 6']);
  });

  it('puts the risk assessment in words, in a fixed order, skipping what was not recorded', () => {
    expect(describeRisk({ riskLevel: 'low', suicidalIdeation: 'active_without_plan', homicidalIdeation: 'denied', selfHarm: 'past', safetyPlan: 'reviewed', protectiveFactors: 'Family' }))
      .toEqual([
        'Suicidal ideation: active, without plan', 'Homicidal ideation: denied', 'Self-harm: past', 'Overall risk level: low',
        'Protective factors: Family', 'Safety plan: reviewed',
      ]);
  });

  it('prints the MSE by domain in the standard order: the normal text, or the finding by exception', () => {
    expect(describeFieldValue(f('mental_status_exam'), { mood: { normal: false, finding: 'Anxious' }, appearance: { normal: true } }, labels))
      .toEqual(['Appearance: Appropriately groomed, dressed for weather, good hygiene', 'Mood: Anxious']);
  });
});

describe('pdfSafe', () => {
  it('keeps Latin-1 and Windows-1252 punctuation, replaces what the standard fonts cannot draw', () => {
    expect(pdfSafe('José «ok» — “quoted” €5')).toBe('José «ok» — “quoted” €5');
    expect(pdfSafe('Jose\u0301')).toBe('José');
    expect(pdfSafe('Жанна 😀')).toBe('????? ?');
    expect(pdfSafe('a\u0000b\tc\nd')).toBe('ab c\nd');
  });
});

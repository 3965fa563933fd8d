import type { TTemplateDefinition } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { contentForSave } from './content-save';
import { encounterForSave, minutesBetween } from './encounter-model';

const definition: TTemplateDefinition = {
  sections: [
    {
      key: 'data',
      title: 'Data',
      scope: 'note',
      optional: false,
      fields: [
        { key: 'notes', label: 'Notes', type: 'long_text', required: true },
        { key: 'score', label: 'Score', type: 'number', required: false },
        { key: 'goals', label: 'Goals', type: 'goal_progress', required: false },
        { key: 'risk', label: 'Risk', type: 'risk_assessment', required: false },
        { key: 'mse', label: 'MSE', type: 'mental_status_exam', required: false },
        { key: 'done', label: 'Done', type: 'checklist', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
      ],
    },
  ],
};

describe('contentForSave', () => {
  it('keeps answers, leaves out unanswered fields and anything not in the template', () => {
    const out = contentForSave(definition, {
      data: { notes: 'Slept well', score: '' as unknown as number, done: [], stray: 'x' },
      other: { x: 1 },
    });
    expect(out).toEqual({ data: { notes: 'Slept well' } });
  });

  it('sends goal rows once they name their goal', () => {
    const out = contentForSave(definition, {
      data: {
        goals: [
          { goal: 'Sleep 7 hours', rating: 'some_progress', comment: '' },
          { goal: '  ', rating: 'no_change' },
          { goalId: null, goal: 'Walk daily', rating: 'met', comment: 'Every day' },
        ],
      },
    });
    expect(out.data!.goals).toEqual([
      { goal: 'Sleep 7 hours', rating: 'some_progress' },
      { goalId: null, goal: 'Walk daily', rating: 'met', comment: 'Every day' },
    ]);
  });

  it('holds a risk assessment back until its required answers are given', () => {
    const partial = { suicidalIdeation: 'denied', homicidalIdeation: 'denied', riskFactors: '' };
    expect(contentForSave(definition, { data: { risk: partial } })).toEqual({});
    const full = { ...partial, selfHarm: 'denied', riskLevel: 'low', safetyPlan: 'not_indicated', protectiveFactors: 'Family' };
    expect(contentForSave(definition, { data: { risk: full } }).data!.risk).toEqual({
      suicidalIdeation: 'denied',
      homicidalIdeation: 'denied',
      selfHarm: 'denied',
      riskLevel: 'low',
      safetyPlan: 'not_indicated',
      protectiveFactors: 'Family',
    });
  });

  it('sends the mental status exam without empty findings', () => {
    const out = contentForSave(definition, {
      data: { mse: { appearance: { normal: true, finding: 'old' }, mood: { normal: false, finding: '' }, affect: { normal: false, finding: 'Flat' } } },
    });
    expect(out.data!.mse).toEqual({ appearance: { normal: true }, mood: { normal: false }, affect: { normal: false, finding: 'Flat' } });
  });
});

describe('encounter', () => {
  it('counts minutes between start and stop, null when stop is not after start', () => {
    expect(minutesBetween('15:00', '15:53')).toBe(53);
    expect(minutesBetween('15:00', '15:00')).toBeNull();
    expect(minutesBetween('15:00', '14:00')).toBeNull();
    expect(minutesBetween('15:00', null)).toBeNull();
  });

  it('sends blanks as null and no telehealth details for an in-person session', () => {
    expect(
      encounterForSave({
        serviceDate: '2027-03-15',
        startTime: '',
        placeOfService: 'in_person',
        telehealthMode: 'video',
        patientLocation: 'Home',
        participants: [{ role: 'patient' }, { role: 'guardian', name: '  Mother ' }, { role: 'other', name: '' }],
      }),
    ).toEqual({
      serviceDate: '2027-03-15',
      startTime: null,
      endTime: null,
      psychotherapyMinutes: null,
      medicalMinutes: null,
      placeOfService: 'in_person',
      telehealthMode: null,
      patientLocation: null,
      participants: [{ role: 'patient' }, { role: 'guardian', name: 'Mother' }, { role: 'other' }],
    });
    expect(encounterForSave({ placeOfService: 'telehealth', telehealthMode: 'audio_only', patientLocation: ' Home ' })).toMatchObject({
      telehealthMode: 'audio_only',
      patientLocation: 'Home',
    });
  });
});

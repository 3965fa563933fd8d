import { describe, expect, it } from 'vitest';
import { ZTemplateDefinition } from '@hearth/contracts';
import { copyForward, stillCarried } from './carry-forward.js';

const ctx = { interventionCodes: new Set(['mi', 'dbt_skills']) };
const definition = ZTemplateDefinition.parse({
  sections: [
    {
      key: 'data', title: 'Data',
      fields: [
        { key: 'subjective', label: 'Subjective', type: 'long_text' },
        { key: 'session_date', label: 'Date', type: 'date' },
        { key: 'started', label: 'Started', type: 'time' },
        { key: 'interventions', label: 'Interventions', type: 'interventions' },
        { key: 'mood', label: 'Mood', type: 'single_choice', options: [{ value: 'low', label: 'Low' }, { value: 'ok', label: 'OK' }] },
      ],
    },
    { key: 'plan', title: 'Plan', fields: [{ key: 'plan', label: 'Plan', type: 'long_text' }] },
    { key: 'extra', title: 'Extra', optional: true, fields: [{ key: 'x', label: 'X', type: 'short_text' }] },
  ],
});

describe('copy forward', () => {
  const previous = {
    content: {
      data: { subjective: 'Anxious about work', session_date: '2027-03-08', started: '15:00', interventions: ['mi', 'retired_code'], mood: 'low' },
      plan: { plan: 'Weekly CBT', empty: '' },
      gone: { old: 'section removed since' },
      extra: { x: 'kept' },
    },
    enabledSections: ['extra', 'gone'],
  };

  it('copies answered fields except dates and times, and values no longer valid', () => {
    const r = copyForward(definition, previous, ctx);
    expect(r.content).toEqual({ data: { subjective: 'Anxious about work', mood: 'low' }, plan: { plan: 'Weekly CBT' }, extra: { x: 'kept' } });
    expect(r.carried).toEqual(['data.subjective', 'data.mood', 'plan.plan', 'extra.x']);
    expect(r.enabledSections).toEqual(['extra']);
  });

  it('copies values, not references', () => {
    const prev = { content: { data: { interventions: ['mi'] } }, enabledSections: [] };
    const r = copyForward(definition, prev, ctx);
    (r.content.data!.interventions as string[]).push('dbt_skills');
    expect(prev.content.data.interventions).toEqual(['mi']);
  });

  it('a field stays marked only while it holds the copied value', () => {
    const source = previous.content;
    const carried = ['data.subjective', 'data.mood', 'plan.plan', 'extra.x'];
    const edited = { data: { subjective: 'Anxious about work', mood: 'ok' }, plan: { plan: 'Weekly CBT' } };
    // Edited (mood) and cleared (extra.x) fields lose the mark; key order inside values does not matter.
    expect(stillCarried(carried, source, edited)).toEqual(['data.subjective', 'plan.plan']);
    const goals = { g: { list: [{ goal: 'Sleep', rating: 'met' }] } };
    expect(stillCarried(['g.list'], goals, { g: { list: [{ rating: 'met', goal: 'Sleep' }] } })).toEqual(['g.list']);
    expect(stillCarried(['g.list'], goals, { g: { list: [{ rating: 'met', goal: 'Sleep well' }] } })).toEqual([]);
  });
});

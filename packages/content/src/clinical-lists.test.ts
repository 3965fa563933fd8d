import { describe, expect, it } from 'vitest';
import { ZCreateInterventionRequest, ZMseDomain, ZMseValue } from '@hearth/contracts';
import { INTERVENTIONS, INTERVENTION_CODE_PATTERN, MSE_DOMAINS, describeMse, interventionLabel, mseDomain } from './index.js';

describe('interventions', () => {
  it('has about three dozen entries with unique, well-formed codes and labels', () => {
    expect(INTERVENTIONS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(INTERVENTIONS.map((i) => i.code)).size).toBe(INTERVENTIONS.length);
    expect(new Set(INTERVENTIONS.map((i) => i.label)).size).toBe(INTERVENTIONS.length);
    for (const i of INTERVENTIONS) {
      expect(i.code).toMatch(INTERVENTION_CODE_PATTERN);
      // The same rule a practice's own intervention codes follow, so the two lists can never overlap in shape.
      expect(ZCreateInterventionRequest.safeParse({ code: i.code, label: i.label }).success, i.code).toBe(true);
      expect(i.modality.trim().length, i.code).toBeGreaterThan(0);
    }
  });

  it('covers the approaches the issue names', () => {
    const codes = new Set(INTERVENTIONS.map((i) => i.code));
    for (const c of [
      'cbt', 'cognitive_restructuring', 'behavioral_activation', 'exposure', 'dbt_mindfulness', 'dbt_distress_tolerance',
      'dbt_emotion_regulation', 'dbt_interpersonal', 'emdr', 'motivational_interviewing', 'psychoeducation', 'act',
      'solution_focused', 'tf_cbt', 'cpt', 'prolonged_exposure', 'family_systems', 'play_therapy', 'relapse_prevention',
      'safety_planning', 'supportive', 'ipt', 'problem_solving', 'relaxation', 'grounding', 'psychodynamic', 'medication_education',
    ]) {
      expect(codes.has(c), c).toBe(true);
    }
  });

  it('labels a code, falling back to the code itself for a practice-defined one', () => {
    expect(interventionLabel('emdr')).toBe('EMDR');
    expect(interventionLabel('our_own_thing')).toBe('our_own_thing');
  });
});

describe('mental status exam domains', () => {
  it('lists the contract domains in order, each with a normal text and common findings', () => {
    expect(MSE_DOMAINS.map((d) => d.key)).toEqual(ZMseDomain.options);
    for (const d of MSE_DOMAINS) {
      expect(d.label.length, d.key).toBeGreaterThan(0);
      expect(d.normalText.length, d.key).toBeGreaterThan(5);
      expect(d.commonFindings.length, d.key).toBeGreaterThanOrEqual(3);
      expect(new Set(d.commonFindings).size, d.key).toBe(d.commonFindings.length);
    }
    expect(mseDomain('appearance')?.normalText).toBe('Appropriately groomed, dressed for weather, good hygiene');
    expect(mseDomain('mood_swings')).toBeUndefined();
  });

  it('describes an exam by exception, in domain order, leaving out domains not recorded', () => {
    const value = ZMseValue.parse({
      mood: { normal: false, finding: 'Depressed, "heavy"' },
      appearance: { normal: true },
      affect: { normal: false },
      speech: { normal: true, finding: 'Mild stutter, baseline' },
    });
    expect(describeMse(value)).toEqual([
      { key: 'appearance', label: 'Appearance', text: 'Appropriately groomed, dressed for weather, good hygiene', normal: true },
      { key: 'speech', label: 'Speech', text: 'Normal rate, volume, tone and articulation. Mild stutter, baseline', normal: true },
      { key: 'mood', label: 'Mood', text: 'Depressed, "heavy"', normal: false },
      { key: 'affect', label: 'Affect', text: 'Not within normal limits', normal: false },
    ]);
    expect(describeMse({})).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZBuiltinTemplate, type TBuiltinTemplate, type TFieldType, type TPayerElement, type TTemplateField } from '@hearth/contracts';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_RELEASE, builtinTemplate } from '../index.js';

const fields = (t: TBuiltinTemplate) => t.definition.sections.flatMap((s) => s.fields.map((f) => ({ section: s, field: f })));
const tagged = (t: TBuiltinTemplate, e: TPayerElement) => fields(t).filter(({ field }) => field.element === e);

/** The field types each payer element may live in (what the required-element check can read). */
const ELEMENT_TYPES: Record<TPayerElement, TFieldType[]> = {
  interventions: ['interventions'],
  goal_progress: ['goal_progress'],
  risk_assessment: ['risk_assessment'],
  response: ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checklist'],
  plan: ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checklist'],
};

describe('built-in note templates', () => {
  it('ships the thirteen templates with their kinds and billing', () => {
    const summary = Object.fromEntries(BUILTIN_TEMPLATES.map((t) => [t.key, [t.kind, t.billable]]));
    expect(summary).toEqual({
      intake_assessment: ['intake', true],
      psychiatric_evaluation: ['psychiatric_evaluation', true],
      progress_dap: ['progress', true],
      progress_soap: ['progress', true],
      progress_birp: ['progress', true],
      family_session: ['family', true],
      group_therapy: ['group', true],
      medication_management: ['medication_management', true],
      crisis_note: ['crisis', true],
      collateral_contact: ['collateral', false],
      treatment_plan_review: ['plan_review', true],
      discharge_summary: ['discharge', false],
      missed_appointment: ['missed_appointment', false],
    });
    expect(BUILTIN_TEMPLATES).toHaveLength(13);
    expect(builtinTemplate('progress_soap')?.name).toBe('Progress note (SOAP)');
    expect(builtinTemplate('nope')).toBeUndefined();
  });

  it('each parses with the contract unchanged (defaults written out, nothing trimmed)', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const parsed = ZBuiltinTemplate.safeParse(t);
      expect(parsed.error?.issues, t.key).toBeUndefined();
      expect(parsed.data, t.key).toEqual(t);
      expect(t.version, t.key).toBe(1);
    }
  });

  it('has unique template keys, section keys per template and field keys per section', () => {
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.key)).size).toBe(BUILTIN_TEMPLATES.length);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.name)).size).toBe(BUILTIN_TEMPLATES.length);
    for (const t of BUILTIN_TEMPLATES) {
      const sectionKeys = t.definition.sections.map((s) => s.key);
      expect(new Set(sectionKeys).size, t.key).toBe(sectionKeys.length);
      for (const s of t.definition.sections) {
        const keys = s.fields.map((f) => f.key);
        expect(new Set(keys).size, `${t.key}.${s.key}`).toBe(keys.length);
      }
    }
  });

  it('gives every choice field two or more distinct options and no options elsewhere', () => {
    const choice = (f: TTemplateField) => ['single_choice', 'multiple_choice', 'checklist'].includes(f.type);
    for (const t of BUILTIN_TEMPLATES) {
      for (const { section, field } of fields(t)) {
        const at = `${t.key}.${section.key}.${field.key}`;
        if (choice(field)) {
          const values = (field.options ?? []).map((o) => o.value);
          expect(values.length, at).toBeGreaterThanOrEqual(2);
          expect(new Set(values).size, at).toBe(values.length);
        } else {
          expect(field.options, at).toBeUndefined();
        }
        if (field.type === 'number') expect(field.min! <= field.max!, at).toBe(true);
        else expect([field.min, field.max], at).toEqual([undefined, undefined]);
      }
    }
  });

  it('puts at most one mental status exam and one risk assessment in a section', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const s of t.definition.sections) {
        for (const type of ['mental_status_exam', 'risk_assessment'] as const) {
          expect(s.fields.filter((f) => f.type === type).length, `${t.key}.${s.key}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('tags interventions, response and plan in every billable template, each on a field that can hold it', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const { section, field } of fields(t)) {
        if (field.element) expect(ELEMENT_TYPES[field.element], `${t.key}.${section.key}.${field.key}`).toContain(field.type);
      }
      if (!t.billable) continue;
      for (const e of ['interventions', 'response', 'plan'] as const) {
        expect(tagged(t, e).length, `${t.key} tags ${e}`).toBeGreaterThan(0);
        // A billable note can always be completed: some tagged field sits in a section that is always on.
        expect(tagged(t, e).some(({ section }) => !section.optional), `${t.key} ${e} outside optional sections`).toBe(true);
      }
    }
  });

  it('explains to the writer what payers look for on every tagged field', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const { section, field } of fields(t)) {
        if (field.element && field.type !== 'risk_assessment') {
          expect(field.help?.length ?? 0, `${t.key}.${section.key}.${field.key}`).toBeGreaterThan(30);
        }
      }
    }
  });

  it('requires the risk assessment for intake, psychiatric evaluation and crisis, and only when indicated elsewhere', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const risk = fields(t).filter(({ field }) => field.type === 'risk_assessment');
      if (['intake', 'psychiatric_evaluation', 'crisis'].includes(t.kind)) {
        expect(risk.map(({ field }) => [field.required, field.element]), t.key).toEqual([[true, 'risk_assessment']]);
      } else {
        for (const { field } of risk) expect(field.required, t.key).toBe(false);
      }
    }
  });

  it('gives the intake a diagnostic impression picker, an MSE and recommendations', () => {
    const intake = builtinTemplate('intake_assessment')!;
    const byKey = new Map(fields(intake).map(({ section, field }) => [`${section.key}.${field.key}`, field]));
    expect(byKey.get('diagnosis.diagnostic_impression')).toMatchObject({ type: 'diagnoses', required: true });
    expect(byKey.get('mental_status.mse')).toMatchObject({ type: 'mental_status_exam', required: true });
    expect(byKey.get('recommendations.plan')).toMatchObject({ element: 'plan', required: true });
    for (const k of ['presenting_problem', 'hpi', 'psychiatric_history', 'substance_history', 'medical_history', 'family_history', 'social_history']) {
      expect(intake.definition.sections.map((s) => s.key), k).toContain(k);
    }
    const evaluation = builtinTemplate('psychiatric_evaluation')!;
    expect(fields(evaluation).map(({ section, field }) => `${section.key}.${field.key}`)).toEqual(
      expect.arrayContaining(['medications.current_medications', 'medications.allergies', 'mental_status.mse', 'risk.risk_assessment', 'assessment.diagnostic_impression', 'plan.plan']),
    );
  });

  it('builds DAP, SOAP and BIRP around their own headings with goal progress and an optional MSE', () => {
    const headings = (key: string) => builtinTemplate(key)!.definition.sections.map((s) => s.key);
    expect(headings('progress_dap')).toEqual(['data', 'assessment', 'risk', 'plan', 'mental_status']);
    expect(headings('progress_soap')).toEqual(['subjective', 'objective', 'assessment', 'risk', 'plan', 'mental_status']);
    expect(headings('progress_birp')).toEqual(['behavior', 'intervention', 'response', 'risk', 'plan', 'mental_status']);
    for (const key of ['progress_dap', 'progress_soap', 'progress_birp']) {
      const t = builtinTemplate(key)!;
      expect(tagged(t, 'goal_progress'), key).toHaveLength(1);
      expect(t.definition.sections.find((s) => s.key === 'mental_status')).toMatchObject({ optional: true });
    }
  });

  it('splits the group template into shared sections and member sections that carry the payer elements', () => {
    const group = builtinTemplate('group_therapy')!;
    const shared = group.definition.sections.filter((s) => s.scope === 'shared');
    const member = group.definition.sections.filter((s) => s.scope === 'member');
    expect(shared.map((s) => s.key)).toEqual(['group_session', 'group_interventions', 'group_process']);
    expect(member.map((s) => s.key)).toEqual(['member_participation', 'member_response', 'member_goal_progress', 'member_risk', 'member_plan']);
    for (const e of ['response', 'goal_progress', 'risk_assessment', 'plan'] as const) {
      expect(tagged(group, e).map(({ section }) => section.scope), e).toEqual(['member']);
    }
    // Only group templates use shared and member sections.
    for (const t of BUILTIN_TEMPLATES.filter((x) => x.kind !== 'group')) {
      expect(t.definition.sections.every((s) => s.scope === 'note'), t.key).toBe(true);
    }
  });

  it('gives medication management an optional psychotherapy section with its own times', () => {
    const med = builtinTemplate('medication_management')!;
    const psychotherapy = med.definition.sections.find((s) => s.key === 'psychotherapy')!;
    expect(psychotherapy.optional).toBe(true);
    expect(psychotherapy.fields.filter((f) => f.type === 'time').map((f) => [f.key, f.required])).toEqual([['start_time', true], ['stop_time', true]]);
    expect(psychotherapy.fields.map((f) => f.element).filter(Boolean)).toEqual(['interventions', 'response']);
    expect(med.definition.sections.filter((s) => s.optional).map((s) => s.key)).toEqual(['psychotherapy']);
    for (const k of ['interval_history', 'current_medications', 'side_effects', 'adherence', 'mental_status', 'risk', 'assessment', 'plan']) {
      expect(med.definition.sections.map((s) => s.key), k).toContain(k);
    }
  });

  it('requires what each non-progress note is for', () => {
    const required = (key: string) => fields(builtinTemplate(key)!).filter(({ field }) => field.required).map(({ section, field }) => `${section.key}.${field.key}`);
    expect(required('crisis_note')).toEqual(expect.arrayContaining(['risk.risk_assessment', 'disposition.disposition', 'safety_plan.safety_plan', 'follow_up.plan']));
    expect(required('treatment_plan_review')).toEqual(expect.arrayContaining(['progress.goal_progress', 'changes.changes_to_plan', 'plan.plan']));
    expect(required('discharge_summary')).toEqual(expect.arrayContaining(['discharge.reason', 'outcomes.goal_progress', 'diagnoses.diagnoses_at_discharge', 'recommendations.plan']));
    expect(required('missed_appointment')).toEqual(expect.arrayContaining(['missed.missed_type', 'risk.risk_concern', 'plan.plan']));
    expect(required('collateral_contact')).toEqual(expect.arrayContaining(['contact.contact_person', 'contact.relationship', 'information.information_exchanged', 'plan.plan']));
  });

  it('changes its release whenever a built-in changes', () => {
    // When this fails because a template changed: bump that template's version and
    // BUILTIN_TEMPLATES_RELEASE, then record the new fingerprint here with the new release.
    const fingerprint = createHash('sha256').update(JSON.stringify(BUILTIN_TEMPLATES)).digest('hex');
    expect({ release: BUILTIN_TEMPLATES_RELEASE, fingerprint }).toEqual({
      release: 'hearth-templates-2026.11.1',
      fingerprint: '1f9068becc7f17b10cb6dbcda56cb639c62a00fbdcb853b8498a25e157417f28',
    });
    expect(BUILTIN_TEMPLATES_RELEASE).toMatch(/^hearth-templates-\d{4}\.\d{2}(\.\d+)?$/);
  });
});

import { describe, expect, it } from 'vitest';
import { ZTemplateDefinition, type TNoteKind } from '@hearth/contracts';
import { missingElements, type EncounterFacts } from './required-elements.js';

const risk = { suicidalIdeation: 'denied', homicidalIdeation: 'denied', selfHarm: 'denied', riskLevel: 'low', safetyPlan: 'not_indicated' };

/** A DAP-style billable template: tagged interventions, response, goal progress, risk and plan. */
const dap = ZTemplateDefinition.parse({
  sections: [
    {
      key: 'data', title: 'Data',
      fields: [
        { key: 'subjective', label: 'What the patient reported', type: 'long_text', required: true },
        { key: 'interventions', label: 'Interventions', type: 'interventions', element: 'interventions' },
      ],
    },
    {
      key: 'assessment', title: 'Assessment',
      fields: [
        { key: 'response', label: 'Response to treatment', type: 'long_text', element: 'response' },
        { key: 'goals', label: 'Goal progress', type: 'goal_progress', element: 'goal_progress' },
        { key: 'risk', label: 'Risk assessment', type: 'risk_assessment', element: 'risk_assessment' },
      ],
    },
    { key: 'plan', title: 'Plan', fields: [{ key: 'plan', label: 'Plan', type: 'long_text', element: 'plan' }] },
    { key: 'psychotherapy', title: 'Psychotherapy', optional: true, fields: [{ key: 'summary', label: 'Psychotherapy summary', type: 'long_text', required: true }] },
  ],
});

const fullEncounter: EncounterFacts = {
  serviceDate: '2027-03-15', startTime: '15:00', endTime: '15:53', psychotherapyMinutes: 53, medicalMinutes: null,
  placeOfService: 'in_person', telehealthMode: null, patientLocation: null, participants: [{ role: 'patient' }], diagnoses: [{ code: 'F41.1', title: 'Generalized anxiety disorder' }],
};
const fullContent = {
  data: { subjective: 'Slept better this week', interventions: ['cbt_restructuring'] },
  assessment: { response: 'Engaged, practised the skill', goals: [{ goal: 'Sleep 7 hours', rating: 'some_progress' }] },
  plan: { plan: 'Continue weekly' },
};
const run = (o: { billable?: boolean; kind?: TNoteKind; encounter?: EncounterFacts; content?: Record<string, Record<string, unknown>>; enabledSections?: string[]; definition?: typeof dap } = {}) =>
  missingElements({
    definition: o.definition ?? dap, billable: o.billable ?? true, kind: o.kind ?? 'progress',
    encounter: o.encounter ?? fullEncounter, content: o.content ?? fullContent, enabledSections: o.enabledSections ?? [],
  });

describe('required elements', () => {
  it('a complete billable progress note is missing nothing', () => {
    expect(run()).toEqual([]);
  });

  it('names every missing encounter fact of a billable note', () => {
    expect(run({ encounter: {} })).toEqual([
      { field: 'encounter.diagnoses', message: 'Add at least one diagnosis' },
      { field: 'encounter.serviceDate', message: 'Add the date of service' },
      { field: 'encounter.startTime', message: 'Add the start time' },
      { field: 'encounter.endTime', message: 'Add the stop time' },
      { field: 'encounter.placeOfService', message: 'Say whether the session was in person or by telehealth' },
      { field: 'encounter.participants', message: 'Add at least one participant' },
    ]);
  });

  it('needs the stop after the start, and counted minutes within the session', () => {
    expect(run({ encounter: { ...fullEncounter, endTime: '14:30' } })).toEqual([{ field: 'encounter.endTime', message: 'The stop time must be after the start time' }]);
    expect(run({ encounter: { ...fullEncounter, endTime: '15:00' } })).toEqual([{ field: 'encounter.endTime', message: 'The stop time must be after the start time' }]);
    expect(run({ encounter: { ...fullEncounter, psychotherapyMinutes: 40, medicalMinutes: 20 } })).toEqual([
      { field: 'encounter.psychotherapyMinutes', message: 'Psychotherapy and medical-management minutes add up to more than the session (53 minutes)' },
    ]);
  });

  it('a telehealth session needs its mode and where the patient was', () => {
    expect(run({ encounter: { ...fullEncounter, placeOfService: 'telehealth' } })).toEqual([
      { field: 'encounter.telehealthMode', message: 'Say whether the telehealth session was by video or audio only' },
      { field: 'encounter.patientLocation', message: 'Add where the patient was during the telehealth session' },
    ]);
    expect(run({ encounter: { ...fullEncounter, placeOfService: 'telehealth', telehealthMode: 'video', patientLocation: 'Home' } })).toEqual([]);
  });

  it('names each tagged payer element left empty, on its field', () => {
    expect(run({ content: { data: { subjective: 'x' } } })).toEqual([
      { field: 'content.data.interventions', message: 'Interventions is required' },
      { field: 'content.assessment.response', message: 'Response to treatment is required' },
      { field: 'content.plan.plan', message: 'Plan is required' },
      { field: 'content.assessment.goals', message: 'Goal progress is required' },
    ]);
  });

  it('a billable template that does not record interventions, response or plan cannot be signed', () => {
    const bare = ZTemplateDefinition.parse({ sections: [{ key: 's', title: 'S', fields: [{ key: 'text', label: 'Text', type: 'long_text' }] }] });
    expect(run({ definition: bare, content: { s: { text: 'x' } } })).toEqual([
      { field: 'template', message: "This template has no field for the interventions used, the patient's response or the plan, which a billable note needs" },
    ]);
    expect(run({ definition: bare, kind: 'intake', content: { s: { text: 'x' } } })).toEqual([
      {
        field: 'template',
        message: "This template has no field for the interventions used, the patient's response or the plan, which a billable note needs; nor for a risk assessment, which an intake note needs",
      },
    ]);
  });

  it('non-billable notes need only their required fields', () => {
    expect(run({ billable: false, kind: 'collateral', encounter: {}, content: { data: { subjective: 'Called the school counsellor' } } })).toEqual([]);
    expect(run({ billable: false, kind: 'collateral', encounter: {}, content: {} })).toEqual([{ field: 'content.data.subjective', message: 'What the patient reported is required' }]);
  });

  it('every required field in a switched-on section, and none in a section left off', () => {
    expect(run({ content: { ...fullContent, data: { ...fullContent.data, subjective: '   ' } } })).toEqual([
      { field: 'content.data.subjective', message: 'What the patient reported is required' },
    ]);
    expect(run({ enabledSections: ['psychotherapy'] })).toEqual([{ field: 'content.psychotherapy.summary', message: 'Psychotherapy summary is required' }]);
    expect(run({ enabledSections: ['psychotherapy'], content: { ...fullContent, psychotherapy: { summary: 'Worked on exposure hierarchy' } } })).toEqual([]);
  });

  it('a tagged element only in a section left off asks to switch it on', () => {
    const def = ZTemplateDefinition.parse({
      sections: [
        { key: 'main', title: 'Main', fields: [{ key: 'i', label: 'Interventions', type: 'interventions', element: 'interventions' }, { key: 'r', label: 'Response', type: 'long_text', element: 'response' }] },
        { key: 'closing', title: 'Closing', optional: true, fields: [{ key: 'p', label: 'Plan', type: 'long_text', element: 'plan' }] },
      ],
    });
    const content = { main: { i: ['mi'], r: 'Receptive' } };
    expect(run({ definition: def, content })).toEqual([{ field: 'content.closing.p', message: 'Plan is required: switch on the Closing section' }]);
    expect(run({ definition: def, content: { ...content, closing: { p: 'Weekly' } }, enabledSections: ['closing'] })).toEqual([]);
  });

  it('a risk assessment is required for intake, psychiatric evaluation and crisis notes, billable or not', () => {
    for (const kind of ['intake', 'psychiatric_evaluation', 'crisis'] as const) {
      expect(run({ kind })).toEqual([{ field: 'content.assessment.risk', message: 'Risk assessment is required' }]);
      expect(run({ kind, billable: false, encounter: {} })).toEqual([{ field: 'content.assessment.risk', message: 'Risk assessment is required' }]);
      expect(run({ kind, content: { ...fullContent, assessment: { ...fullContent.assessment, risk } } })).toEqual([]);
    }
    // A progress note does not need the tagged risk block unless the template marks it required.
    expect(run({ kind: 'progress' })).toEqual([]);
    const marked = ZTemplateDefinition.parse({ sections: dap.sections.map((s) => ({ ...s, fields: s.fields.map((f) => (f.key === 'risk' ? { ...f, required: true } : f)) })) });
    expect(run({ definition: marked })).toEqual([{ field: 'content.assessment.risk', message: 'Risk assessment is required' }]);
  });

  it('a crisis template without any risk block says so', () => {
    const def = ZTemplateDefinition.parse({ sections: [{ key: 's', title: 'S', fields: [{ key: 'what', label: 'What happened', type: 'long_text' }] }] });
    expect(run({ definition: def, kind: 'crisis', billable: false, content: { s: { what: 'x' } } })).toEqual([
      { field: 'template', message: 'This template has no field for a risk assessment, which a crisis note needs' },
    ]);
  });
});

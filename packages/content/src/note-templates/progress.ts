import type { TBuiltinTemplate } from '@hearth/contracts';
import {
  goalProgressField, interventionsField, line, optionalMseSection, planField, responseField, riskSection, section, text,
} from './build.js';

// Individual and family psychotherapy notes (90832/90834/90837, 90846/90847). Three layouts
// clinicians are trained in, DAP, SOAP and BIRP, all holding the same payer elements: interventions,
// the client's response, goal progress, risk when indicated and the plan.

const homework = () => text('homework', 'Between-session tasks', { help: 'Homework or skills to practise, so the next note can follow up on them.' });
const nextSession = () => line('next_session', 'Next session', { help: 'When, and how often (e.g. "weekly, next on Tuesday").' });

export const PROGRESS_DAP: TBuiltinTemplate = {
  key: 'progress_dap',
  name: 'Progress note (DAP)',
  kind: 'progress',
  billable: true,
  version: 1,
  description: 'Individual psychotherapy note in Data, Assessment, Plan format.',
  definition: {
    sections: [
      section('data', 'Data', [
        text('data', 'Session data', {
          required: true,
          help: 'What the client reported and what you observed: symptoms, events since the last session, measure scores (e.g. PHQ-9, GAD-7), session focus.',
        }),
        interventionsField(),
      ]),
      section('assessment', 'Assessment', [
        text('assessment', 'Clinical assessment', {
          required: true,
          help: 'Your interpretation: how the client is doing relative to the diagnosis and goals, and why continued treatment is needed.',
        }),
        responseField(),
        goalProgressField(),
      ]),
      riskSection(false),
      section('plan', 'Plan', [planField(), homework(), nextSession()]),
      optionalMseSection(),
    ],
  },
};

export const PROGRESS_SOAP: TBuiltinTemplate = {
  key: 'progress_soap',
  name: 'Progress note (SOAP)',
  kind: 'progress',
  billable: true,
  version: 1,
  description: 'Individual psychotherapy note in Subjective, Objective, Assessment, Plan format.',
  definition: {
    sections: [
      section('subjective', 'Subjective', [
        text('subjective', 'Subjective', {
          required: true,
          help: "The client's report: symptoms, stressors, events since the last session, in their words where it matters.",
        }),
      ]),
      section('objective', 'Objective', [
        text('objective', 'Objective', {
          required: true,
          help: 'What you observed: appearance, affect, behaviour in session, and measure scores.',
        }),
        interventionsField(),
      ]),
      section('assessment', 'Assessment', [
        text('assessment', 'Clinical assessment', {
          required: true,
          help: 'Your interpretation of the subjective and objective data, progress relative to the diagnosis, and the need for continued treatment.',
        }),
        responseField(),
        goalProgressField(),
      ]),
      riskSection(false),
      section('plan', 'Plan', [planField(), homework(), nextSession()]),
      optionalMseSection(),
    ],
  },
};

export const PROGRESS_BIRP: TBuiltinTemplate = {
  key: 'progress_birp',
  name: 'Progress note (BIRP)',
  kind: 'progress',
  billable: true,
  version: 1,
  description: 'Individual psychotherapy note in Behavior, Intervention, Response, Plan format.',
  definition: {
    sections: [
      section('behavior', 'Behavior', [
        text('behavior', 'Presentation and behavior', {
          required: true,
          help: "The client's presentation, reported symptoms and observed behaviour, tied to the problems on the treatment plan.",
        }),
      ]),
      section('intervention', 'Intervention', [
        interventionsField(),
        text('intervention_detail', 'How the interventions were delivered', {
          help: 'What you did with each technique and which treatment-plan goal it served.',
        }),
      ]),
      section('response', 'Response', [responseField(), goalProgressField()]),
      riskSection(false),
      section('plan', 'Plan', [planField(), homework(), nextSession()]),
      optionalMseSection(),
    ],
  },
};

export const FAMILY_SESSION: TBuiltinTemplate = {
  key: 'family_session',
  name: 'Family session',
  kind: 'family',
  billable: true,
  version: 1,
  description: "Family psychotherapy with or without the identified client present, focused on the identified client's treatment goals.",
  definition: {
    sections: [
      section('session_focus', 'Session focus', [
        text('members_present', 'Family members present', {
          required: true,
          help: 'Who attended and their relationship to the client, and whether the client was present. Family therapy without the client is billed differently, so say so.',
        }),
        text('focus', 'Presenting concerns and session focus', {
          required: true,
          help: "The concerns addressed and how they relate to the identified client's diagnosis and goals; payers pay for family therapy that serves the client's treatment.",
        }),
      ]),
      section('family_dynamics', 'Family dynamics', [
        text('observations', 'Observed interactions', { help: 'Communication, roles, alliances, conflict and support seen in the session.' }),
      ]),
      section('intervention', 'Interventions', [
        interventionsField(),
        text('intervention_detail', 'How the interventions were delivered'),
      ]),
      section('response', 'Response', [
        responseField({ label: "Family's response to interventions" }),
        goalProgressField(),
      ]),
      riskSection(false),
      section('plan', 'Plan', [planField(), homework(), nextSession()]),
    ],
  },
};

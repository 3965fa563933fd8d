import type { TBuiltinTemplate } from '@hearth/contracts';
import {
  field, goalProgressField, interventionsField, line, mseField, options, planField, responseField, riskField, riskSection, section, text,
} from './build.js';

// Group psychotherapy (90853): shared sections are written once for the session and copied into
// every attending member's note; member sections are written per member and carry the response,
// goal progress, risk and plan elements, because a group claim is billed per member and each
// member's note must stand alone. The interventions are the group's, picked once in a shared section.
// Medication management (E/M) with an optional psychotherapy add-on that keeps its own times.

const SHARED_PRIVACY =
  "Copied into every member's note: write about the group, never name or describe another member.";

export const GROUP_THERAPY: TBuiltinTemplate = {
  key: 'group_therapy',
  name: 'Group therapy',
  kind: 'group',
  billable: true,
  version: 1,
  description:
    "Group psychotherapy: the group topic, skills and process written once, then each member's participation, response, goal progress, risk screen and plan.",
  definition: {
    sections: [
      section('group_session', 'Group session', [
        line('group_topic', 'Group topic', { required: true }),
        field('group_format', 'Group format', 'single_choice', {
          options: options(
            ['psychotherapy', 'Psychotherapy group'],
            ['skills', 'Skills group'],
            ['psychoeducation', 'Psychoeducational group'],
            ['process', 'Process group'],
            ['relapse_prevention', 'Relapse prevention group'],
          ),
        }),
        text('curriculum', 'Curriculum and skills taught', { help: 'The module, lesson or skills covered, so reviewers can see structured treatment.' }),
      ], { scope: 'shared', help: SHARED_PRIVACY }),
      section('group_interventions', 'Group interventions', [
        interventionsField({
          label: 'Interventions used with the group',
          help: "The techniques used with the whole group; they count for every member who attended. Name specific techniques that match the members' treatment plans.",
        }),
      ], { scope: 'shared', help: SHARED_PRIVACY }),
      section('group_process', 'Group process', [
        text('group_process', 'Themes and process', { help: 'Themes, cohesion and how the group worked together. ' + SHARED_PRIVACY }),
      ], { scope: 'shared', help: SHARED_PRIVACY }),
      section('member_participation', 'Member participation', [
        field('participation_level', 'Level of participation', 'single_choice', {
          required: true,
          options: options(
            ['active', 'Active, contributed throughout'],
            ['moderate', 'Participated when prompted'],
            ['minimal', 'Minimal participation'],
            ['none', 'Did not participate'],
            ['disruptive', 'Disruptive'],
          ),
        }),
        text('participation', "Member's participation", {
          required: true,
          help: "What this member shared and practised, and how the group's interventions applied to their goals.",
        }),
        text('presentation', 'Presentation, mood and affect'),
      ], { scope: 'member' }),
      section('member_response', 'Member response', [
        responseField({
          help: "This member's response to the group interventions: engagement, skills practised, feedback given and received. Each member's note must show their own response, not the group's.",
        }),
      ], { scope: 'member' }),
      section('member_goal_progress', 'Member goal progress', [goalProgressField()], { scope: 'member' }),
      section('member_risk', 'Member risk screen', [riskField(false, { label: 'Risk screen' })], { scope: 'member' }),
      section('member_plan', 'Member plan', [planField()], { scope: 'member' }),
    ],
  },
};

export const MEDICATION_MANAGEMENT: TBuiltinTemplate = {
  key: 'medication_management',
  name: 'Psychiatric follow-up / medication management',
  kind: 'medication_management',
  billable: true,
  version: 1,
  description:
    'Follow-up visit by a prescriber: interval history, medications, side effects, adherence, mental status, risk, assessment and plan, with an optional psychotherapy add-on that keeps its own times.',
  definition: {
    sections: [
      section('interval_history', 'Interval history', [
        text('interval_history', 'Interval history', {
          required: true,
          help: 'Changes since the last visit: target symptoms, sleep, appetite, energy, stressors, measure scores.',
        }),
      ]),
      section('current_medications', 'Current medications', [
        text('current_medications', 'Current medications', { required: true, help: 'Name, dose and frequency of each medication, including non-psychiatric ones.' }),
        line('allergies', 'Allergies'),
      ]),
      section('side_effects', 'Side effects', [
        field('side_effects', 'Side effects reported', 'checklist', {
          options: options(
            ['none', 'None reported'],
            ['gi', 'Nausea or other stomach upset'],
            ['sedation', 'Sedation or fatigue'],
            ['insomnia', 'Insomnia or activation'],
            ['weight_gain', 'Weight gain or increased appetite'],
            ['sexual', 'Sexual side effects'],
            ['headache', 'Headache'],
            ['dizziness', 'Dizziness'],
            ['tremor', 'Tremor'],
            ['akathisia', 'Restlessness or akathisia'],
            ['eps', 'Stiffness or other movement symptoms'],
            ['other', 'Other'],
          ),
        }),
        text('side_effect_detail', 'Side effect details', { help: 'Severity, timing and what was done; note abnormal movement screening when relevant.' }),
      ]),
      section('adherence', 'Adherence', [
        field('adherence', 'Adherence', 'single_choice', {
          required: true,
          options: options(
            ['full', 'Taking as prescribed'],
            ['mostly', 'Occasional missed doses'],
            ['partial', 'Frequently missed doses'],
            ['stopped', 'Stopped one or more medications'],
            ['not_started', 'Not started'],
          ),
        }),
        text('adherence_detail', 'Adherence details', { help: 'Barriers such as cost, side effects or beliefs, and how they were addressed.' }),
      ]),
      section('vitals', 'Vital signs', [
        field('weight_lb', 'Weight (lb)', 'number', { min: 1, max: 1500 }),
        field('bp_systolic', 'Blood pressure, systolic (mmHg)', 'number', { min: 40, max: 300 }),
        field('bp_diastolic', 'Blood pressure, diastolic (mmHg)', 'number', { min: 20, max: 200 }),
        field('pulse', 'Pulse (beats per minute)', 'number', { min: 20, max: 250 }),
      ], { help: 'When taken, or reported for a telehealth visit; metabolic monitoring is expected with antipsychotics.' }),
      section('mental_status', 'Mental status exam', [mseField(true)]),
      riskSection(false),
      section('assessment', 'Assessment', [
        text('assessment', 'Assessment', {
          required: true,
          help: 'Response to the current regimen, diagnostic status, and the medical decision-making behind any change (the basis of the visit level billed).',
        }),
      ]),
      section('plan', 'Plan', [
        text('medication_plan', 'Medication plan', { required: true, help: 'Medications continued, started, changed or stopped, with dose and reason; prescriptions sent.' }),
        text('monitoring', 'Labs and monitoring'),
        interventionsField({ help: 'What you did beyond prescribing, e.g. medication education, supportive therapy, safety planning.' }),
        responseField({ label: 'Response to treatment', help: "The client's response to the medications and to today's interventions, including understanding of the plan." }),
        planField(),
      ]),
      section('psychotherapy', 'Psychotherapy', [
        field('start_time', 'Psychotherapy start time', 'time', { required: true }),
        field('stop_time', 'Psychotherapy stop time', 'time', { required: true }),
        interventionsField({ label: 'Psychotherapy interventions' }),
        responseField({ label: "Client's response to psychotherapy" }),
        field('goal_progress', 'Progress on psychotherapy goals', 'goal_progress'),
      ], {
        optional: true,
        help: 'Switch on when you also provided psychotherapy (add-on codes). Record its own start and stop times: psychotherapy time is counted apart from the medication-management time, needs at least 16 minutes, and needs distinct interventions and response.',
      }),
    ],
  },
};

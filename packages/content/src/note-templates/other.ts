import type { TBuiltinTemplate } from '@hearth/contracts';
import {
  field, goalProgressField, interventionsField, line, mseField, options, planField, responseField, riskField, riskSection, section, text,
} from './build.js';

// Crisis, collateral contact, treatment plan review, discharge summary and missed appointment.

export const CRISIS_NOTE: TBuiltinTemplate = {
  key: 'crisis_note',
  name: 'Crisis note',
  kind: 'crisis',
  billable: true,
  version: 1,
  description:
    'Psychotherapy for crisis: precipitating events, risk assessment, interventions to de-escalate, disposition, safety plan and follow-up.',
  definition: {
    sections: [
      section('precipitating_events', 'Precipitating events', [
        text('precipitating_events', 'Precipitating events', {
          required: true,
          help: 'What led to the crisis and why it is urgent now. Crisis psychotherapy is paid for an urgent, high-distress situation; describe it.',
        }),
        text('presentation', 'Presentation', { required: true, help: 'How the client presented: distress, behaviour, orientation, intoxication.' }),
        mseField(false),
      ]),
      section('risk', 'Risk assessment', [riskField(true)]),
      section('intervention', 'Interventions', [
        interventionsField({ help: 'De-escalation, safety planning, means-restriction counselling, mobilising supports. Name what you did to reduce the immediate risk.' }),
        text('intervention_detail', 'Crisis intervention details', { help: 'Steps taken and who was contacted (family, crisis line, emergency services), with times.' }),
        responseField({ help: "How the client responded to the crisis interventions and whether distress and risk decreased." }),
      ]),
      section('disposition', 'Disposition', [
        field('disposition', 'Disposition', 'single_choice', {
          required: true,
          options: options(
            ['home_with_safety_plan', 'Returned home with a safety plan'],
            ['home_with_support', 'Returned home with a support person'],
            ['mobile_crisis', 'Mobile crisis team'],
            ['crisis_stabilization', 'Crisis stabilization unit'],
            ['emergency_department', 'Emergency department evaluation'],
            ['voluntary_admission', 'Voluntary hospital admission'],
            ['involuntary_evaluation', 'Involuntary evaluation or hold'],
            ['law_enforcement', 'Law enforcement involved'],
            ['other', 'Other'],
          ),
        }),
        text('disposition_detail', 'Disposition details', { help: 'Where the client went, with whom, and the reasoning for this level of care.' }),
      ]),
      section('safety_plan', 'Safety plan', [
        text('safety_plan', 'Safety plan', {
          required: true,
          help: 'Warning signs, coping strategies, people and places for distraction, people to ask for help, professional and crisis contacts (988), and making the environment safe.',
        }),
        field('means_restriction', 'Access to lethal means', 'single_choice', {
          required: true,
          options: options(
            ['no_access', 'No access reported'],
            ['secured', 'Discussed; means secured or removed'],
            ['plan_to_secure', 'Discussed; plan to secure'],
            ['declined', 'Discussed; client declined'],
          ),
        }),
      ]),
      section('follow_up', 'Follow-up', [
        planField({ label: 'Follow-up plan', help: 'Next contact (within 24 to 72 hours after a crisis is expected), who will check in, and changes to treatment.' }),
        field('follow_up_date', 'Next contact date', 'date'),
        text('notifications', 'Notifications and coordination', { help: 'Guardian, prescriber, primary care or others notified, and any duty-to-warn action.' }),
      ]),
    ],
  },
};

export const COLLATERAL_CONTACT: TBuiltinTemplate = {
  key: 'collateral_contact',
  name: 'Collateral contact',
  kind: 'collateral',
  billable: false,
  version: 1,
  description: "Contact with someone in the client's life or care (family, school, another provider) about the client's treatment.",
  definition: {
    sections: [
      section('contact', 'Contact', [
        line('contact_person', 'Contact person', { required: true }),
        field('relationship', 'Relationship to client', 'single_choice', {
          required: true,
          options: options(
            ['parent_guardian', 'Parent or guardian'],
            ['spouse_partner', 'Spouse or partner'],
            ['family', 'Other family member'],
            ['school', 'Teacher or school staff'],
            ['primary_care', 'Primary care provider'],
            ['prescriber', 'Psychiatrist or prescriber'],
            ['other_clinician', 'Other clinician'],
            ['case_manager', 'Case manager'],
            ['legal', 'Court, probation or child welfare'],
            ['other', 'Other'],
          ),
        }),
        field('method', 'How', 'single_choice', {
          options: options(['phone', 'Phone'], ['in_person', 'In person'], ['video', 'Video'], ['message', 'Secure message or e-mail'], ['letter', 'Letter or fax']),
        }),
        field('authorization', 'Authorization to share', 'single_choice', {
          required: true,
          help: 'Confirm a signed release is on file, or why none is needed, before sharing information.',
          options: options(
            ['release_on_file', 'Signed release on file'],
            ['legal_guardian', 'Contact is the legal guardian'],
            ['treatment_exception', 'Permitted for treatment coordination'],
            ['emergency', 'Emergency'],
            ['no_information_shared', 'No client information shared'],
          ),
        }),
      ]),
      section('information', 'Information exchanged', [
        text('information_exchanged', 'Information exchanged', { required: true, help: 'What you learned and what you shared; share only the minimum necessary.' }),
      ]),
      section('plan', 'Plan', [planField({ help: 'Follow-up with the contact and any change to treatment.' })]),
    ],
  },
};

export const TREATMENT_PLAN_REVIEW: TBuiltinTemplate = {
  key: 'treatment_plan_review',
  name: 'Treatment plan review',
  kind: 'plan_review',
  billable: true,
  version: 1,
  description: 'Periodic review of progress on treatment-plan goals with the client, changes to the plan and the need for continued care.',
  definition: {
    sections: [
      section('progress', 'Progress on goals', [
        goalProgressField({ required: true, help: 'Rate every goal on the plan. Payers review plans at set intervals and look for measurable progress or a reasoned change.' }),
        text('measures', 'Measure scores and trends', { help: 'Standardized scores since the last review (e.g. PHQ-9, GAD-7, PCL-5) and their direction.' }),
      ]),
      section('session', 'Session', [interventionsField(), responseField()]),
      riskSection(false),
      section('changes', 'Changes to the plan', [
        text('changes_to_plan', 'Changes to goals, objectives or services', { required: true, help: 'Goals added, revised or met, and changes in frequency or level of care; write "No changes" with the reason if none.' }),
        text('continued_necessity', 'Need for continued treatment', {
          required: true,
          help: 'Why treatment is still needed: current symptoms and impairment. Without it, payers may stop authorizing sessions.',
        }),
        field('client_agreement', 'Client participation', 'single_choice', {
          required: true,
          options: options(
            ['agrees', 'Client participated and agrees with the plan'],
            ['agrees_with_changes', 'Client participated; plan changed at their request'],
            ['disagrees', 'Client disagrees (see plan)'],
            ['guardian', 'Guardian participated and agrees'],
          ),
        }),
      ]),
      section('plan', 'Plan', [planField(), field('next_review', 'Next review date', 'date')]),
    ],
  },
};

export const DISCHARGE_SUMMARY: TBuiltinTemplate = {
  key: 'discharge_summary',
  name: 'Discharge summary',
  kind: 'discharge',
  billable: false,
  version: 1,
  description: 'Summary at the end of treatment: reason for discharge, course of treatment, goal outcomes, diagnoses and recommendations.',
  definition: {
    sections: [
      section('discharge', 'Discharge', [
        field('discharge_date', 'Discharge date', 'date', { required: true }),
        field('reason', 'Reason for discharge', 'single_choice', {
          required: true,
          options: options(
            ['goals_met', 'Treatment goals met'],
            ['client_request', 'Client chose to end treatment'],
            ['transfer', 'Transferred to another provider or level of care'],
            ['relocated', 'Moved away'],
            ['no_contact', 'No contact after outreach'],
            ['financial', 'Coverage or financial reasons'],
            ['administrative', 'Administrative discharge'],
            ['deceased', 'Deceased'],
            ['other', 'Other'],
          ),
        }),
        text('reason_detail', 'Details'),
      ]),
      section('course', 'Course of treatment', [
        text('course_of_treatment', 'Course of treatment', { required: true, help: 'Services provided, dates, number of sessions, main interventions and how the client changed.' }),
        field('sessions_attended', 'Sessions attended', 'number', { min: 0, max: 10000 }),
      ]),
      section('outcomes', 'Goal outcomes', [goalProgressField({ label: 'Outcome of each treatment goal', required: true, help: 'The final status of every goal on the plan.' })]),
      section('diagnoses', 'Diagnoses at discharge', [
        field('diagnoses_at_discharge', 'Diagnoses at discharge', 'diagnoses', { required: true }),
        field('condition', 'Condition at discharge', 'single_choice', {
          options: options(['improved', 'Improved'], ['unchanged', 'Unchanged'], ['worsened', 'Worsened']),
        }),
        text('medications_at_discharge', 'Medications at discharge'),
      ]),
      riskSection(false),
      section('recommendations', 'Recommendations', [
        planField({ label: 'Recommendations', help: 'Aftercare, relapse warning signs, and how to return to care.' }),
        text('referrals', 'Referrals', { help: 'Providers or programs referred to, with contact details given to the client.' }),
      ]),
    ],
  },
};

export const MISSED_APPOINTMENT: TBuiltinTemplate = {
  key: 'missed_appointment',
  name: 'Missed appointment',
  kind: 'missed_appointment',
  billable: false,
  version: 1,
  description: 'Record of a no-show or late cancellation, the outreach made, any risk concern and the plan.',
  definition: {
    sections: [
      section('missed', 'Missed appointment', [
        field('missed_type', 'What happened', 'single_choice', {
          required: true,
          options: options(['no_show', 'No-show'], ['late_cancel', 'Late cancellation'], ['too_late', 'Arrived too late to be seen']),
        }),
        text('reason', 'Reason given', { help: 'The reason, if the client gave one.' }),
      ]),
      section('outreach', 'Outreach', [
        field('outreach_attempted', 'Outreach attempted', 'checklist', {
          options: options(
            ['phone', 'Phone call'],
            ['voicemail', 'Voicemail left'],
            ['text', 'Text message'],
            ['portal', 'Portal message'],
            ['letter', 'Letter'],
            ['emergency_contact', 'Emergency contact'],
            ['none', 'No outreach'],
          ),
        }),
        text('outreach_detail', 'Outreach details'),
      ]),
      section('risk', 'Risk concerns', [
        field('risk_concern', 'Risk concern', 'single_choice', {
          required: true,
          help: 'A missed session by a client at elevated risk calls for prompt follow-up; record what you did.',
          options: options(
            ['none', 'No current risk concern'],
            ['follow_up', 'Concern; follow-up arranged'],
            ['welfare_check', 'Concern; welfare check requested'],
          ),
        }),
        text('risk_detail', 'Risk details'),
      ]),
      section('plan', 'Plan', [planField({ help: 'Rescheduling, further outreach, or discharge steps after repeated missed sessions.' })]),
    ],
  },
};

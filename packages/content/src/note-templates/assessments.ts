import type { TBuiltinTemplate } from '@hearth/contracts';
import {
  HELP, SUBSTANCE_OPTIONS, field, interventionsField, line, mseField, options, planField, responseField, riskSection, section, text,
} from './build.js';

// Assessments: the intake (diagnostic assessment, 90791) and the psychiatric diagnostic evaluation
// with medical services (90792). Both establish the diagnosis and medical necessity the later notes rest on.

const REFERRAL_SOURCES = options(
  ['self', 'Self'],
  ['family', 'Family member'],
  ['primary_care', 'Primary care'],
  ['psychiatry', 'Psychiatrist or other prescriber'],
  ['therapist', 'Other therapist'],
  ['school', 'School'],
  ['employer', 'Employer or EAP'],
  ['hospital', 'Hospital or emergency department'],
  ['court', 'Court, probation or child welfare'],
  ['insurer', 'Health plan'],
  ['other', 'Other'],
);

const LEVELS_OF_CARE = options(
  ['outpatient', 'Outpatient'],
  ['intensive_outpatient', 'Intensive outpatient'],
  ['partial_hospitalization', 'Partial hospitalization'],
  ['residential', 'Residential'],
  ['inpatient', 'Inpatient'],
  ['no_treatment', 'No treatment indicated'],
  ['referral_elsewhere', 'Referral elsewhere'],
);

const diagnosisFields = (formulationLabel: string) => [
  field('diagnostic_impression', 'Diagnostic impression', 'diagnoses', {
    required: true,
    help: 'ICD-10-CM diagnoses in order of focus. The first is the primary reason for treatment; payers match it against the services billed.',
  }),
  text('formulation', formulationLabel, {
    required: true,
    help: 'The evidence for each diagnosis (symptoms, duration, impairment) and what was ruled out. Reviewers look for criteria documented, not a bare code.',
  }),
];

const substanceSection = () =>
  section('substance_history', 'Substance use history', [
    field('substances', 'Substances used', 'checklist', { options: SUBSTANCE_OPTIONS }),
    text('substance_details', 'Pattern of use', { help: 'For each substance: amount, frequency, route, age of first use, last use, consequences.' }),
    text('substance_treatment', 'Past substance use treatment'),
  ]);

const familySection = () =>
  section('family_history', 'Family history', [
    text('family_psychiatric', 'Family psychiatric history', { help: 'Mood, anxiety, psychotic, substance use disorders and suicide in blood relatives.' }),
    text('family_medical', 'Family medical history'),
  ]);

const socialSection = () =>
  section('social_history', 'Social history', [
    text('living_situation', 'Living situation and household'),
    text('relationships', 'Relationships and support system'),
    text('education_employment', 'Education and employment'),
    text('legal', 'Legal history'),
    text('culture', 'Culture, spirituality and identity', { help: 'Factors the client names as important to their care, including language and accommodations.' }),
    text('trauma', 'Trauma and adverse experiences'),
    text('strengths', 'Strengths and supports', { help: 'Strengths the plan can build on; many payers expect them in an assessment.' }),
  ]);

export const INTAKE_ASSESSMENT: TBuiltinTemplate = {
  key: 'intake_assessment',
  name: 'Intake / diagnostic assessment',
  kind: 'intake',
  billable: true,
  version: 1,
  description:
    'Initial psychiatric diagnostic evaluation without medical services: history, mental status, risk, diagnosis and recommendations that establish medical necessity.',
  definition: {
    sections: [
      section('presenting_problem', 'Presenting problem', [
        text('chief_complaint', 'Chief complaint', { required: true, help: "Why the client is seeking care now, in the client's own words where possible." }),
        field('referral_source', 'Referral source', 'single_choice', { options: REFERRAL_SOURCES }),
        field('symptoms', 'Current symptoms', 'checklist', {
          options: options(
            ['depressed_mood', 'Depressed mood'],
            ['anxiety', 'Anxiety or worry'],
            ['panic', 'Panic attacks'],
            ['sleep', 'Sleep disturbance'],
            ['appetite', 'Appetite or weight change'],
            ['irritability', 'Irritability or anger'],
            ['mood_swings', 'Mood swings'],
            ['trauma', 'Trauma-related symptoms'],
            ['obsessions', 'Obsessions or compulsions'],
            ['attention', 'Attention or concentration problems'],
            ['psychosis', 'Hallucinations or unusual beliefs'],
            ['substance', 'Substance use concerns'],
            ['self_harm', 'Self-harm'],
            ['suicidal', 'Suicidal thoughts'],
          ),
        }),
      ]),
      section('hpi', 'History of present illness', [
        text('hpi', 'History of present illness', { required: true, help: 'Onset, duration, frequency, severity, precipitants and course of the current symptoms.' }),
        text('functional_impairment', 'Functional impairment', { required: true, help: HELP.functionalImpairment }),
      ]),
      section('psychiatric_history', 'Psychiatric history', [
        text('prior_diagnoses', 'Prior diagnoses'),
        text('prior_treatment', 'Prior outpatient treatment', { help: 'Providers, dates, type of treatment and what helped or did not.' }),
        text('hospitalizations', 'Psychiatric hospitalizations and higher levels of care'),
        text('medication_trials', 'Psychiatric medications, past and present'),
      ]),
      substanceSection(),
      section('medical_history', 'Medical history', [
        text('medical_conditions', 'Medical conditions'),
        text('current_medications', 'Current medications'),
        line('allergies', 'Allergies'),
        line('primary_care', 'Primary care provider'),
      ]),
      familySection(),
      socialSection(),
      section('mental_status', 'Mental status exam', [mseField(true)]),
      riskSection(true),
      section('session', 'Assessment session', [
        interventionsField({
          help: 'What you did in the assessment: clinical interview, standardized measures, psychoeducation, safety planning. Payers look for the assessment activities named, not only "intake completed".',
        }),
        responseField({ label: "Client's presentation and response", help: 'Engagement in the assessment, rapport, reliability as a historian, and response to feedback or psychoeducation.' }),
      ]),
      section('diagnosis', 'Diagnosis', diagnosisFields('Clinical formulation')),
      section('recommendations', 'Recommendations and plan', [
        field('level_of_care', 'Recommended level of care', 'single_choice', { required: true, options: LEVELS_OF_CARE }),
        text('initial_goals', 'Initial treatment goals', { help: "Goals in the client's words; they seed the treatment plan." }),
        planField({
          label: 'Recommendations and plan',
          help: 'Recommended services and frequency, referrals, coordination of care and the next appointment. Payers look for recommendations that follow from the diagnosis and the impairment found.',
        }),
      ]),
    ],
  },
};

export const PSYCHIATRIC_EVALUATION: TBuiltinTemplate = {
  key: 'psychiatric_evaluation',
  name: 'Psychiatric diagnostic evaluation',
  kind: 'psychiatric_evaluation',
  billable: true,
  version: 1,
  description:
    'Initial psychiatric evaluation with medical services by a prescriber: history, medications, allergies, mental status, risk, assessment and treatment plan.',
  definition: {
    sections: [
      section('chief_complaint', 'Chief complaint and history of present illness', [
        text('chief_complaint', 'Chief complaint', { required: true }),
        text('hpi', 'History of present illness', { required: true, help: 'Onset, duration, severity, precipitants, course, and associated symptoms (sleep, appetite, energy, concentration).' }),
        text('functional_impairment', 'Functional impairment', { required: true, help: HELP.functionalImpairment }),
      ]),
      section('psychiatric_history', 'Past psychiatric history', [
        text('prior_diagnoses', 'Prior diagnoses'),
        text('hospitalizations', 'Hospitalizations and higher levels of care'),
        text('medication_trials', 'Past medication trials', { help: 'Medication, dose, duration, response and reason stopped (side effects, no benefit).' }),
        text('prior_therapy', 'Psychotherapy history'),
      ]),
      substanceSection(),
      section('medical_history', 'Medical history', [
        text('medical_conditions', 'Medical conditions and surgeries'),
        text('review_of_systems', 'Review of systems'),
        line('primary_care', 'Primary care provider'),
        text('labs', 'Recent labs and studies', { help: 'Results relevant to prescribing, e.g. metabolic panel, thyroid, lipids, A1c, ECG.' }),
      ]),
      section('medications', 'Medications and allergies', [
        text('current_medications', 'Current medications', { required: true, help: 'All medications with dose and frequency, including over-the-counter and supplements.' }),
        line('allergies', 'Allergies', { required: true, help: 'Write "No known drug allergies" when there are none; a blank allergy field is an incomplete evaluation.' }),
      ]),
      familySection(),
      socialSection(),
      section('mental_status', 'Mental status exam', [mseField(true)]),
      riskSection(true),
      section('assessment', 'Assessment', diagnosisFields('Assessment and formulation')),
      section('plan', 'Plan', [
        text('medication_plan', 'Medication plan', { required: true, help: 'Medications started, changed or continued, with dose and the reason for each change.' }),
        field('consent', 'Informed consent', 'checklist', {
          help: 'Payers and boards expect informed consent documented whenever a medication is started or changed.',
          options: options(
            ['risks_benefits', 'Risks and benefits discussed'],
            ['side_effects', 'Common and serious side effects reviewed'],
            ['alternatives', 'Alternatives, including no medication, discussed'],
            ['agrees', 'Client agrees with the plan'],
          ),
        }),
        text('monitoring', 'Labs and monitoring ordered'),
        interventionsField({ help: 'What you did beyond prescribing, e.g. medication education, psychoeducation, supportive therapy, safety planning.' }),
        responseField(),
        planField(),
      ]),
    ],
  },
};

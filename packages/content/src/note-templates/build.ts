import type { TFieldType, TTemplateField, TTemplateSection } from '@hearth/contracts';

// Small builders so the built-in templates read as data: they fill the schema's defaults
// (required false, scope 'note', optional false) so every template equals its own parsed form,
// and they hold the fields that recur across templates with the help text payers care about.
// Types only from @hearth/contracts: contracts imports this package at run time.

type FieldExtras = Partial<Omit<TTemplateField, 'key' | 'label' | 'type'>>;
type SectionExtras = Partial<Omit<TTemplateSection, 'key' | 'title' | 'fields'>>;

export function field(key: string, label: string, type: TFieldType, extras: FieldExtras = {}): TTemplateField {
  return { key, label, type, ...extras, required: extras.required ?? false };
}

export function section(key: string, title: string, fields: TTemplateField[], extras: SectionExtras = {}): TTemplateSection {
  return { key, title, ...extras, scope: extras.scope ?? 'note', optional: extras.optional ?? false, fields };
}

/** Choice options from [value, label] pairs. */
export const options = (...pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));

export const text = (key: string, label: string, extras: FieldExtras = {}) => field(key, label, 'long_text', extras);
export const line = (key: string, label: string, extras: FieldExtras = {}) => field(key, label, 'short_text', extras);

// ---- Recurring fields, each with what reviewers look for ----

export const HELP = {
  interventions:
    'Pick the specific techniques you used this session. Payers and auditors look for named interventions that match the treatment plan; "supportive listening" alone rarely shows skilled treatment.',
  response:
    "How the client responded to the interventions: engagement, skills practised, insight gained, change in mood or symptoms. A note that lists interventions without the client's response is a common reason for a denied claim.",
  goalProgress:
    'Rate progress on each treatment-plan goal worked on today. Reviewers look for measurable progress, or for why treatment still needs to continue (medical necessity).',
  riskIndicated:
    'Complete whenever risk is indicated: any suicidal or homicidal thoughts, self-harm, a new crisis or stressor, or a change since the last session. Payers expect risk to be assessed and acted on whenever it is present.',
  riskRequired:
    'Required for this note. Record ideation, history, risk level, risk and protective factors, and what you did about it (safety plan, contacts, level of care). Auditors check that the actions match the risk level.',
  plan:
    'What happens next: next session and frequency, homework, referrals, coordination of care and any change to treatment. Payers look for a plan tied to the treatment-plan goals that shows continued medical necessity.',
  mse: 'Record by exception: each domain starts within normal limits; change only what you observed to differ, and describe it.',
  functionalImpairment:
    'How symptoms affect work or school, relationships, self-care and daily living. Medical necessity rests on documented functional impairment; payers look for specific examples.',
} as const;

/** A recurring field's defaults, with the label or any other property overridden per template. */
type Overrides = FieldExtras & { label?: string };
function recurring(key: string, label: string, type: TFieldType, defaults: FieldExtras, o: Overrides): TTemplateField {
  const { label: relabel, ...rest } = o;
  return field(key, relabel ?? label, type, { ...defaults, ...rest });
}

export const interventionsField = (o: Overrides = {}) =>
  recurring('interventions', 'Interventions used', 'interventions', { required: true, help: HELP.interventions, element: 'interventions' }, o);

export const responseField = (o: Overrides = {}) =>
  recurring('response', "Client's response to interventions", 'long_text', { required: true, help: HELP.response, element: 'response' }, o);

export const goalProgressField = (o: Overrides = {}) =>
  recurring('goal_progress', 'Progress on treatment goals', 'goal_progress', { required: true, help: HELP.goalProgress, element: 'goal_progress' }, o);

export const riskField = (required: boolean, o: Overrides = {}) =>
  recurring('risk_assessment', 'Risk assessment', 'risk_assessment', {
    required,
    help: required ? HELP.riskRequired : HELP.riskIndicated,
    element: 'risk_assessment',
  }, o);

export const planField = (o: Overrides = {}) =>
  recurring('plan', 'Plan and next steps', 'long_text', { required: true, help: HELP.plan, element: 'plan' }, o);

export const mseField = (required: boolean) =>
  field('mse', 'Mental status exam', 'mental_status_exam', { required, help: HELP.mse });

/** The optional mental status section that progress notes offer. */
export const optionalMseSection = () =>
  section('mental_status', 'Mental status exam', [mseField(false)], {
    optional: true,
    help: 'Switch on to record a mental status exam; useful when presentation changed or risk is being monitored.',
  });

export const riskSection = (required: boolean) =>
  section('risk', 'Risk assessment', [riskField(required)]);

export const SUBSTANCE_OPTIONS = options(
  ['alcohol', 'Alcohol'],
  ['cannabis', 'Cannabis'],
  ['nicotine', 'Tobacco or nicotine (including vaping)'],
  ['opioids', 'Opioids (prescribed or not)'],
  ['stimulants', 'Stimulants or methamphetamine'],
  ['cocaine', 'Cocaine'],
  ['sedatives', 'Sedatives, hypnotics or benzodiazepines'],
  ['hallucinogens', 'Hallucinogens'],
  ['inhalants', 'Inhalants'],
  ['other', 'Other substance'],
  ['none', 'No current use'],
);

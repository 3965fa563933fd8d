// Demo note content for assessments and prescriber visits: the intake (diagnostic assessment), the
// psychiatric diagnostic evaluation and medication management, with regimens that change over the
// visits the way a prescriber titrates. Generic drug names and usual doses; nothing patient-specific.
import type { TNoteContent } from '@hearth/contracts';
import { goalProgress, lowRisk, measureLine, mse, pick, pickSome, type SessionCtx } from './notes-content.js';

interface Regimen {
  /** What the patient takes at each visit, by visit number (the last applies from then on). */
  steps: { current: string; plan: string }[];
  monitoring: string;
  pastTrials: string;
}

const REGIMENS: Record<string, Regimen> = {
  depression: {
    steps: [
      { current: 'Sertraline 50 mg by mouth daily.', plan: 'Increase sertraline to 100 mg daily; reviewed expected timeline of two to six weeks for benefit.' },
      { current: 'Sertraline 100 mg by mouth daily.', plan: 'Continue sertraline 100 mg daily; reassess in four weeks.' },
      { current: 'Sertraline 100 mg by mouth daily.', plan: 'Increase sertraline to 150 mg daily for residual low energy and anhedonia.' },
      { current: 'Sertraline 150 mg by mouth daily.', plan: 'Continue sertraline 150 mg daily; no changes today.' },
    ],
    monitoring: 'No labs needed for the current regimen; PHQ-9 at each visit.',
    pastTrials: 'Fluoxetine 20 mg several years ago, helpful, stopped after a year when well.',
  },
  anxiety: {
    steps: [
      { current: 'Escitalopram 5 mg by mouth daily; hydroxyzine 25 mg as needed for acute anxiety.', plan: 'Increase escitalopram to 10 mg daily; continue hydroxyzine as needed, at most twice a day.' },
      { current: 'Escitalopram 10 mg by mouth daily; hydroxyzine 25 mg as needed (using about twice a week).', plan: 'Continue escitalopram 10 mg daily and hydroxyzine as needed.' },
    ],
    monitoring: 'GAD-7 at each visit; no labs required.',
    pastTrials: 'None.',
  },
  trauma: {
    steps: [
      { current: 'Sertraline 100 mg by mouth daily.', plan: 'Start prazosin 1 mg at bedtime for nightmares, increase to 2 mg after three nights if tolerated; continue sertraline.' },
      { current: 'Sertraline 100 mg daily; prazosin 2 mg at bedtime.', plan: 'Continue both; nightmares reduced. Orthostatic precautions reviewed.' },
      { current: 'Sertraline 150 mg daily; prazosin 2 mg at bedtime.', plan: 'Continue current regimen; no changes today.' },
    ],
    monitoring: 'Blood pressure at each visit while on prazosin.',
    pastTrials: 'Trazodone 50 mg for sleep, stopped because of morning grogginess.',
  },
  adjustment: {
    steps: [{ current: 'No psychiatric medications.', plan: 'No medication indicated at this time; continue psychotherapy.' }],
    monitoring: 'None.',
    pastTrials: 'None.',
  },
  bipolar: {
    steps: [
      { current: 'Lamotrigine 100 mg by mouth daily.', plan: 'Increase lamotrigine to 150 mg daily per titration; rash precautions reviewed again.' },
      { current: 'Lamotrigine 150 mg by mouth daily.', plan: 'Increase lamotrigine to 200 mg daily.' },
      { current: 'Lamotrigine 200 mg by mouth daily.', plan: 'Continue lamotrigine 200 mg daily; mood stable.' },
    ],
    monitoring: 'Mood chart; annual metabolic labs; no lamotrigine levels needed.',
    pastTrials: 'Quetiapine 100 mg, effective for sleep but stopped because of weight gain and sedation.',
  },
  alcohol: {
    steps: [
      { current: 'Naltrexone 50 mg by mouth daily; sertraline 50 mg daily.', plan: 'Continue naltrexone and sertraline; liver panel ordered.' },
      { current: 'Naltrexone 50 mg by mouth daily; sertraline 100 mg daily.', plan: 'Continue naltrexone 50 mg and sertraline 100 mg daily.' },
    ],
    monitoring: 'Liver function tests every three months on naltrexone.',
    pastTrials: 'None.',
  },
  dysregulation: {
    steps: [
      { current: 'Fluoxetine 20 mg by mouth daily.', plan: 'Continue fluoxetine 20 mg; add lamotrigine 25 mg daily with a slow titration, rash precautions reviewed.' },
      { current: 'Fluoxetine 20 mg daily; lamotrigine 50 mg daily.', plan: 'Increase lamotrigine to 100 mg daily; continue fluoxetine.' },
      { current: 'Fluoxetine 20 mg daily; lamotrigine 100 mg daily.', plan: 'Continue current regimen; no changes today.' },
    ],
    monitoring: 'No labs needed; reviewing the diary card with the therapist.',
    pastTrials: 'Sertraline 50 mg, stopped after two weeks because of nausea.',
  },
};

const regimen = (c: SessionCtx) => REGIMENS[c.theme.key] ?? REGIMENS.depression!;
const step = (c: SessionCtx) => regimen(c).steps[Math.min(c.k, regimen(c).steps.length - 1)]!;

const SOCIAL = {
  living: ['Lives with partner and two children.', 'Lives alone in an apartment; close to a sibling nearby.', 'Lives with parents and a younger sibling.', 'Lives with a roommate.'],
  relationships: ['Supportive partner; a few close friends, seen less often lately.', 'Close with one sibling; limited contact with other family.', 'Good friendships; recent strain with a parent.'],
  work: ['Works full time in an office role.', 'Works part time in retail while taking classes.', 'Works full time in a warehouse, rotating shifts.', 'High school student, average grades until this year.'],
};

/** The intake (diagnostic assessment) written at the first visit with the therapist. */
export function intakeContent(c: SessionCtx, referral: string): TNoteContent {
  const t = c.theme;
  return {
    presenting_problem: {
      chief_complaint: t.chief,
      referral_source: referral,
      symptoms: symptomsFor(c.theme.key),
    },
    hpi: { hpi: t.hpi, functional_impairment: t.impairment },
    psychiatric_history: {
      prior_diagnoses: pick(c.r, ['None before this episode.', 'Treated for a similar episode several years ago.']),
      prior_treatment: pick(c.r, ['Brief counseling in college, helpful.', 'No prior outpatient treatment.', 'Six sessions of therapy two years ago.']),
      hospitalizations: 'None.',
      medication_trials: c.minor ? 'None.' : regimen(c).pastTrials,
    },
    substance_history: {
      substances: c.theme.key === 'alcohol' ? ['alcohol', 'nicotine'] : c.minor ? ['none'] : ['alcohol'],
      substance_details: c.theme.key === 'alcohol' ? 'Daily drinking for two years, up to eight drinks on weekends; last drink four days ago. Smokes about half a pack a day.' : c.minor ? 'Denies any use.' : 'Drinks socially, one or two drinks a week; denies other substances.',
    },
    medical_history: {
      medical_conditions: pick(c.r, ['None reported.', 'Seasonal allergies.', 'Asthma, well controlled.', 'Migraines, treated by primary care.']),
      current_medications: c.minor ? 'None.' : step(c).current,
      allergies: pick(c.r, ['No known drug allergies.', 'Penicillin (rash).']),
      primary_care: 'Has a primary care provider; last visit within the year.',
    },
    family_history: { family_psychiatric: pick(c.r, ['Mother treated for depression.', 'Father with alcohol use disorder.', 'Denies known family psychiatric history.', 'Maternal aunt with anxiety.']) },
    social_history: {
      living_situation: c.minor ? 'Lives with parent and a younger sibling.' : pick(c.r, SOCIAL.living),
      relationships: pick(c.r, SOCIAL.relationships),
      education_employment: c.minor ? 'In school; grades have dropped this term.' : pick(c.r, SOCIAL.work),
      trauma: c.theme.key === 'trauma' ? 'Serious car accident as described above; no other trauma reported.' : 'Denies history of abuse or other trauma.',
      strengths: pick(c.r, ['Insightful, motivated, supportive family.', 'Creative, good sense of humor, close friends.', 'Hard-working, reliable, engaged in the community.']),
    },
    mental_status: { mse: mse(c, 0.35) },
    risk: { risk_assessment: lowRisk(c) },
    session: {
      interventions: ['psychoeducation', c.theme.key === 'dysregulation' || c.theme.key === 'teen_depression' ? 'safety_planning' : 'supportive'],
      response: 'Engaged throughout the assessment, a reliable historian, and receptive to feedback about the diagnosis and treatment options.',
    },
    diagnosis: {
      diagnostic_impression: c.diagnoses,
      formulation: `${t.hpi} Symptoms meet criteria for ${c.diagnoses[0]!.title.toLowerCase()} with clear functional impairment. ${measureLine(c)} Medical causes were screened with primary care.`,
    },
    recommendations: {
      level_of_care: 'outpatient',
      initial_goals: t.goals.join('; '),
      plan: `Weekly individual psychotherapy. ${c.minor ? 'Parent to join part of each session. ' : ''}Referral to the practice's prescriber if symptoms do not improve in six to eight weeks. Treatment plan to be completed at the next session.`,
    },
  };
}

function symptomsFor(key: string): string[] {
  const map: Record<string, string[]> = {
    depression: ['depressed_mood', 'sleep', 'appetite'], anxiety: ['anxiety', 'sleep', 'irritability'], trauma: ['trauma', 'sleep', 'anxiety', 'depressed_mood'],
    adjustment: ['depressed_mood', 'anxiety', 'sleep'], bipolar: ['depressed_mood', 'mood_swings', 'sleep'], alcohol: ['substance', 'depressed_mood', 'sleep'],
    dysregulation: ['mood_swings', 'irritability', 'self_harm', 'depressed_mood'], adhd: ['attention', 'irritability'],
    teen_anxiety: ['anxiety', 'panic'], teen_depression: ['depressed_mood', 'irritability', 'sleep'],
  };
  return map[key] ?? ['depressed_mood'];
}

/** The prescriber's first visit. */
export function psychiatricEvaluationContent(c: SessionCtx): TNoteContent {
  const t = c.theme;
  const s = step(c);
  return {
    chief_complaint: { chief_complaint: t.chief, hpi: `${t.hpi} Referred by the treating therapist for medication evaluation.`, functional_impairment: t.impairment },
    psychiatric_history: { prior_diagnoses: 'As per the therapist\'s intake.', hospitalizations: 'None.', medication_trials: regimen(c).pastTrials, prior_therapy: 'Currently in weekly psychotherapy at this practice.' },
    substance_history: { substances: c.theme.key === 'alcohol' ? ['alcohol', 'nicotine'] : ['alcohol'], substance_details: c.theme.key === 'alcohol' ? 'In early recovery; see therapist notes.' : 'Occasional social drinking.' },
    medical_history: { medical_conditions: 'None significant.', review_of_systems: 'Negative except fatigue and sleep disturbance.', primary_care: 'Established with primary care.', labs: 'Basic metabolic panel and TSH within normal limits within the last year.' },
    medications: { current_medications: s.current, allergies: pick(c.r, ['No known drug allergies.', 'Sulfa drugs (hives).']) },
    family_history: { family_psychiatric: pick(c.r, ['Mother with depression, responded to an SSRI.', 'Denies known family psychiatric history.', 'Sibling with bipolar disorder.']) },
    social_history: { living_situation: pick(c.r, SOCIAL.living), education_employment: pick(c.r, SOCIAL.work), strengths: 'Engaged in therapy, supportive relationships.' },
    mental_status: { mse: mse(c, 0.4) },
    risk: { risk_assessment: lowRisk(c) },
    assessment: {
      diagnostic_impression: c.diagnoses,
      formulation: `History and current symptoms are consistent with ${c.diagnoses[0]!.title.toLowerCase()}. ${measureLine(c)} Medication is indicated alongside psychotherapy.`,
    },
    plan: {
      medication_plan: s.plan,
      consent: ['risks_benefits', 'side_effects', 'alternatives', 'agrees'],
      monitoring: regimen(c).monitoring,
      interventions: ['medication_education', 'psychoeducation'],
      response: 'Asked good questions about side effects and agreed with the plan.',
      plan: 'Follow up in four weeks; continue psychotherapy; call sooner for side effects or worsening mood.',
    },
  };
}

/**
 * A medication-management visit. With `psychotherapy`, the optional add-on section is switched on
 * with its own start and stop times (at least 16 minutes, apart from the medical minutes).
 */
export function medicationContent(c: SessionCtx, psychotherapy: { start: string; stop: string } | null, inPerson: boolean): { content: TNoteContent; enabledSections: string[] } {
  const t = c.theme;
  const s = step(c);
  const content: TNoteContent = {
    interval_history: { interval_history: `${pick(c.r, t.report)} Sleep and appetite ${pick(c.r, ['stable', 'improving', 'variable'])}. ${measureLine(c)}` },
    current_medications: { current_medications: s.current, allergies: 'No known drug allergies.' },
    side_effects: c.r() < 0.8 ? { side_effects: ['none'] } : { side_effects: ['gi'], side_effect_detail: 'Mild nausea in the first week after the last change, now resolved.' },
    adherence: c.r() < 0.85 ? { adherence: 'full' } : { adherence: 'mostly', adherence_detail: 'Missed a few evening doses; set a phone reminder.' },
    mental_status: { mse: mse(c, 0.2) },
    risk: { risk_assessment: lowRisk(c) },
    assessment: { assessment: `${pick(c.r, t.assessment)} Response to the current regimen is ${c.score <= t.measure.floor + 4 ? 'good' : 'partial'}.` },
    plan: {
      medication_plan: s.plan,
      monitoring: regimen(c).monitoring,
      interventions: ['medication_education', 'supportive'],
      response: 'Understands the plan and agrees; no questions about dosing.',
      plan: 'Follow up in four weeks, sooner if needed; continue therapy.',
    },
  };
  if (inPerson) content.vitals = { weight_lb: 130 + Math.floor(c.r() * 90), bp_systolic: 108 + Math.floor(c.r() * 26), bp_diastolic: 68 + Math.floor(c.r() * 16), pulse: 62 + Math.floor(c.r() * 24) };
  if (!psychotherapy) return { content, enabledSections: [] };
  content.psychotherapy = {
    start_time: psychotherapy.start,
    stop_time: psychotherapy.stop,
    interventions: pickSome(c.r, t.interventions, 2),
    response: pick(c.r, t.response),
    goal_progress: goalProgress(c),
  };
  return { content, enabledSections: ['psychotherapy'] };
}

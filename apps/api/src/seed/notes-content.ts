// Note content for the demo practice, shaped exactly as the built-in templates define it
// (packages/content note-templates): every required field filled, values of the right shape
// (choice values, intervention codes, goal-progress entries, risk assessment and MSE blocks).
// This file holds the shared pieces and the psychotherapy notes; notes-content-medical.ts the
// assessments and prescriber notes; notes-content-other.ts groups, crisis, collateral, discharge,
// missed appointments.
import type { z } from 'zod';
import type { TMseValue, TNoteContent, TRiskAssessment, ZGoalProgressEntry } from '@hearth/contracts';
import type { Theme } from './notes-themes.js';

export type TGoalProgressEntry = z.infer<typeof ZGoalProgressEntry>;

export type Rand = () => number;

/** One session's facts that the writing depends on. */
export interface SessionCtx {
  theme: Theme;
  r: Rand;
  /** Sessions this clinician has had with the patient before this one (0 for the first). */
  k: number;
  minor: boolean;
  /** The measure score today and at the previous session. */
  score: number;
  prevScore: number | null;
  /** 'YYYY-MM-DD' */
  date: string;
  telehealth: boolean;
  diagnoses: { code: string; title: string }[];
  /** "weekly", "every two weeks", "monthly". */
  cadence: string;
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** `n` distinct items, in list order. */
export function pickSome<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const idx = xs.map((_, i) => i).sort(() => r() - 0.5).slice(0, Math.min(n, xs.length));
  return idx.sort((a, b) => a - b).map((i) => xs[i]!);
}

/** Two different sentences from a bank, joined. */
export const twoOf = (r: Rand, xs: readonly string[]) => pickSome(r, xs, 2).join(' ');

/** The tracked measure today, falling from the intake score toward the floor over about 14 sessions. */
export function measureScore(theme: Theme, k: number, r: Rand): number {
  const { start, floor } = theme.measure;
  const trend = start - ((start - floor) * Math.min(1, k / 14));
  return Math.max(0, Math.round(trend + (r() * 4 - 2)));
}

export function measureLine(c: SessionCtx): string {
  const m = c.theme.measure.name;
  return c.prevScore === null ? `${m} today: ${c.score}.` : `${m} today: ${c.score} (previously ${c.prevScore}).`;
}

/** Goal progress that improves as treatment goes on; the first goal every time, another now and then. */
export function goalProgress(c: SessionCtx, all = false): TGoalProgressEntry[] {
  const goals = all ? c.theme.goals : c.theme.goals.slice(0, 1 + Math.floor(c.r() * 2));
  const ratings: TGoalProgressEntry['rating'][] =
    c.k < 3 ? ['no_change', 'some_progress'] : c.k < 10 ? ['some_progress', 'some_progress', 'no_change', 'significant_progress'] : ['some_progress', 'significant_progress', 'significant_progress'];
  return goals.map((goal, i) => {
    const rating = pick(c.r, ratings);
    const entry: TGoalProgressEntry = { goal, rating };
    if (i === 0) entry.comment = rating === 'no_change' ? 'Early in treatment; skills being introduced.' : `${c.theme.measure.name} ${c.score}; see data above.`;
    return entry;
  });
}

/** A brief risk screen: denied, low risk. Themes with past self-harm or trauma carry that history. */
export function lowRisk(c: SessionCtx): TRiskAssessment {
  const selfHarmPast = c.theme.key === 'dysregulation';
  return {
    suicidalIdeation: 'denied',
    suicideAttemptHistory: 'none',
    homicidalIdeation: 'denied',
    selfHarm: selfHarmPast ? 'past' : 'denied',
    riskLevel: 'low',
    protectiveFactors: pick(c.r, [
      'Engaged in treatment, supportive family, future-oriented.',
      'Strong connection to friends and work; reasons for living identified.',
      'Help-seeking, no access to firearms, responsibilities to family and pets.',
    ]),
    safetyPlan: selfHarmPast || c.theme.key === 'teen_depression' ? 'reviewed' : 'not_indicated',
  };
}

const MSE_KEYS = ['appearance', 'behavior', 'speech', 'mood', 'affect', 'thought_process', 'thought_content', 'perception', 'cognition', 'orientation', 'insight', 'judgment'] as const;

/** Mood and affect findings that fit each picture, for the occasional exam recorded by exception. */
const MSE_EXCEPTIONS: Record<string, Partial<Record<(typeof MSE_KEYS)[number], string>>> = {
  depression: { mood: 'Depressed; describes mood as "low"', affect: 'Constricted, congruent with mood' },
  anxiety: { mood: 'Anxious', behavior: 'Restless, fidgeting with hands' },
  trauma: { behavior: 'Hypervigilant, scanning the room', mood: 'Anxious' },
  adjustment: { mood: 'Sad', affect: 'Tearful at times, reactive' },
  bipolar: { affect: 'Mildly constricted', mood: 'Low' },
  alcohol: { insight: 'Fair', judgment: 'Fair; improving with abstinence' },
  dysregulation: { affect: 'Labile', mood: 'Irritable' },
  adhd: { behavior: 'Fidgety, redirected easily', cognition: 'Distractible; attention improves with structure' },
  teen_anxiety: { mood: 'Anxious', speech: 'Soft' },
  teen_depression: { affect: 'Flat at first, brighter later', mood: 'Sad' },
};

/** Every domain within normal limits, except (now and then) one or two the picture explains. */
export function mse(c: SessionCtx, exceptionChance = 0.2): TMseValue {
  const out: TMseValue = {};
  for (const k of MSE_KEYS) out[k] = { normal: true };
  if (c.r() < exceptionChance) {
    for (const [k, finding] of Object.entries(MSE_EXCEPTIONS[c.theme.key] ?? {})) out[k as (typeof MSE_KEYS)[number]] = { normal: false, finding };
  }
  return out;
}

const nextSessionText = (c: SessionCtx) => `${c.cadence[0]!.toUpperCase()}${c.cadence.slice(1)}; next at the usual time.`;

export type ProgressLayout = 'progress_dap' | 'progress_soap' | 'progress_birp';

/** An individual psychotherapy note in the clinician's layout. `withMse` switches on the optional exam. */
export function progressContent(layout: ProgressLayout, c: SessionCtx, withMse: boolean): { content: TNoteContent; enabledSections: string[] } {
  const t = c.theme;
  const interventions = pickSome(c.r, t.interventions, 2 + Math.floor(c.r() * 2));
  const risk = { risk_assessment: lowRisk(c) };
  const plan = { plan: `${pick(c.r, t.plan)} Next session ${c.cadence}.`, homework: pick(c.r, t.homework), next_session: nextSessionText(c) };
  const assessment = c.r() < 0.5 ? pick(c.r, t.assessment) : twoOf(c.r, t.assessment);
  let content: TNoteContent;
  if (layout === 'progress_dap') {
    content = {
      data: { data: `${twoOf(c.r, t.report)} ${pick(c.r, t.observed)} ${measureLine(c)}`, interventions },
      assessment: { assessment, response: pick(c.r, t.response), goal_progress: goalProgress(c) },
      risk,
      plan,
    };
  } else if (layout === 'progress_soap') {
    content = {
      subjective: { subjective: twoOf(c.r, t.report) },
      objective: { objective: `${pick(c.r, t.observed)} ${measureLine(c)}`, interventions },
      assessment: { assessment, response: pick(c.r, t.response), goal_progress: goalProgress(c) },
      risk,
      plan,
    };
  } else {
    content = {
      behavior: { behavior: `${twoOf(c.r, t.report)} ${pick(c.r, t.observed)} ${measureLine(c)}` },
      intervention: {
        interventions,
        intervention_detail: `Session focused on the first treatment goal. ${pick(c.r, t.response)}`,
      },
      response: { response: pick(c.r, t.response), goal_progress: goalProgress(c) },
      risk,
      plan,
    };
  }
  if (!withMse) return { content, enabledSections: [] };
  return { content: { ...content, mental_status: { mse: mse(c, 0.5) } }, enabledSections: ['mental_status'] };
}

/** A family session for a minor: parent and child, sometimes a sibling. */
export function familyContent(c: SessionCtx, members: string): TNoteContent {
  const t = c.theme;
  return {
    session_focus: {
      members_present: `${members}. The identified client was present for the whole session.`,
      focus: `${pick(c.r, t.report)} Session focused on ${pick(c.r, ['routines at home', 'communication between parent and child', 'consistent limits and rewards', 'how the family responds when the child is upset'])}.`,
    },
    family_dynamics: {
      observations: pick(c.r, [
        'Parent and child interrupted each other early on; turn-taking improved with coaching.',
        'Warm interactions; the parent offered praise without prompting.',
        'Tension around screen time was visible; both stayed engaged and found a compromise.',
      ]),
    },
    intervention: {
      interventions: pickSome(c.r, ['family_systems', 'parent_training', 'psychoeducation', 'problem_solving', 'role_play'], 2),
      intervention_detail: 'Coached the family through a structured conversation about the week and practised the agreed plan in session.',
    },
    response: { response: pick(c.r, t.response), goal_progress: goalProgress(c) },
    risk: { risk_assessment: lowRisk(c) },
    plan: { plan: `${pick(c.r, t.plan)} Family sessions continue ${c.cadence}.`, homework: pick(c.r, t.homework), next_session: nextSessionText(c) },
  };
}

/** A treatment plan review, done in a regular session about every three months. */
export function planReviewContent(c: SessionCtx, nextReview: string): TNoteContent {
  const t = c.theme;
  return {
    progress: {
      goal_progress: goalProgress(c, true),
      measures: `${t.measure.name} at intake ${t.measure.start}; today ${c.score}.`,
    },
    session: { interventions: pickSome(c.r, t.interventions, 2), response: 'Reviewed each goal with the client, who rated their own progress and helped revise the plan.' },
    risk: { risk_assessment: lowRisk(c) },
    changes: {
      changes_to_plan: c.score <= t.measure.floor + 3 ? 'Goal 1 nearly met; frequency reduced to every two weeks. Other goals unchanged.' : 'No changes to goals; interventions continue as planned because progress is steady.',
      continued_necessity: `${pick(c.r, t.assessment)} Symptoms continue to affect daily functioning, so continued outpatient treatment is needed.`,
      client_agreement: c.minor ? 'guardian' : 'agrees',
    },
    plan: { plan: pick(c.r, t.plan), next_review: nextReview },
  };
}

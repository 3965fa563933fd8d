// Demo note content for group sessions (shared sections once, member sections per member), a
// crisis session, a collateral call, discharge summaries and missed appointments.
import type { TNoteContent } from '@hearth/contracts';
import { goalProgress, lowRisk, mse, pick, type Rand, type SessionCtx } from './notes-content.js';

/** The DBT group runs its four modules in turn; the teen group has a coping-skills curriculum. */
const DBT_WEEKS: { topic: string; curriculum: string; interventions: string[] }[] = [
  { topic: 'Mindfulness: wise mind', curriculum: 'States of mind (reasonable, emotion, wise mind); practice finding wise mind with breathing.', interventions: ['dbt_mindfulness'] },
  { topic: 'Mindfulness: "what" and "how" skills', curriculum: 'Observe, describe, participate; non-judgmentally, one-mindfully, effectively.', interventions: ['dbt_mindfulness'] },
  { topic: 'Distress tolerance: TIPP', curriculum: 'Temperature, intense exercise, paced breathing and paired muscle relaxation to bring down extreme arousal.', interventions: ['dbt_distress_tolerance', 'relaxation'] },
  { topic: 'Distress tolerance: ACCEPTS and self-soothe', curriculum: 'Distracting with ACCEPTS; self-soothing with the five senses; building a crisis survival kit.', interventions: ['dbt_distress_tolerance'] },
  { topic: 'Distress tolerance: radical acceptance', curriculum: 'Radical acceptance, turning the mind and willingness versus willfulness.', interventions: ['dbt_distress_tolerance', 'dbt_mindfulness'] },
  { topic: 'Emotion regulation: check the facts', curriculum: 'Naming emotions, the model of emotions, checking the facts before acting.', interventions: ['dbt_emotion_regulation'] },
  { topic: 'Emotion regulation: opposite action', curriculum: 'Opposite action when an emotion does not fit the facts; practice with fear and anger.', interventions: ['dbt_emotion_regulation', 'role_play'] },
  { topic: 'Emotion regulation: PLEASE', curriculum: 'Reducing vulnerability: physical illness, eating, substances, sleep and exercise.', interventions: ['dbt_emotion_regulation', 'psychoeducation'] },
  { topic: 'Interpersonal effectiveness: DEAR MAN', curriculum: 'Asking for what you need and saying no: describe, express, assert, reinforce; mindful, appear confident, negotiate.', interventions: ['dbt_interpersonal', 'role_play'] },
  { topic: 'Interpersonal effectiveness: GIVE and FAST', curriculum: 'Keeping relationships (GIVE) and self-respect (FAST) while asking.', interventions: ['dbt_interpersonal', 'role_play'] },
];
const TEEN_WEEKS: { topic: string; curriculum: string; interventions: string[] }[] = [
  { topic: 'Naming feelings and body signals', curriculum: 'Feelings thermometer; where worry and anger show up in the body.', interventions: ['psychoeducation', 'coping_skills'] },
  { topic: 'Building a coping toolbox', curriculum: 'Calming, distracting and connecting skills; each member builds a personal toolbox.', interventions: ['coping_skills', 'relaxation'] },
  { topic: 'Helpful and unhelpful self-talk', curriculum: 'Catching thinking traps and trying coping thoughts.', interventions: ['cbt', 'cognitive_restructuring'] },
  { topic: 'Assertive communication', curriculum: 'Passive, aggressive and assertive styles; practising "I" statements.', interventions: ['assertiveness', 'role_play', 'social_skills'] },
  { topic: 'Problem solving with friends and family', curriculum: 'Steps of problem solving applied to a real situation from the week.', interventions: ['problem_solving', 'social_skills'] },
  { topic: 'Parents join: practising skills at home', curriculum: 'Members teach parents one skill; families plan how to use it at home.', interventions: ['parent_training', 'coping_skills'] },
];

export function groupWeek(group: 'dbt' | 'teen', n: number) {
  const weeks = group === 'dbt' ? DBT_WEEKS : TEEN_WEEKS;
  return weeks[n % weeks.length]!;
}

/** The shared sections, written once for the session and shown in every member's note. */
export function groupSharedContent(group: 'dbt' | 'teen', n: number, r: Rand): TNoteContent {
  const w = groupWeek(group, n);
  return {
    group_session: { group_topic: w.topic, group_format: 'skills', curriculum: w.curriculum },
    group_interventions: { interventions: w.interventions },
    group_process: {
      group_process: pick(r, [
        'Homework review opened the session; members gave each other supportive feedback and the group stayed on task.',
        'Cohesive session; members practised the skill in pairs and reported back to the group.',
        'Energy was low at the start; a short mindfulness exercise helped the group settle and engage.',
        'Members shared examples from the week; the group discussed barriers to using the skill and problem-solved together.',
      ]),
    },
  };
}

/** One member's own sections: participation, response, goal progress, risk screen and plan. */
export function groupMemberContent(c: SessionCtx, group: 'dbt' | 'teen', n: number): TNoteContent {
  const w = groupWeek(group, n);
  const level = c.r() < 0.7 ? 'active' : c.r() < 0.9 ? 'moderate' : 'minimal';
  return {
    member_participation: {
      participation_level: level,
      participation: `${level === 'active' ? 'Shared an example from the week and practised the skill with a partner.' : level === 'moderate' ? 'Participated when prompted; completed the practice exercise.' : 'Listened attentively; shared briefly at check-out.'} Applied "${w.topic}" to ${pick(c.r, ['a recent conflict', 'a stressful day at school or work', 'urges that came up this week', 'an upcoming situation'])}.`,
      presentation: pick(c.r, ['Euthymic, engaged, appropriate affect.', 'Anxious at check-in, calmer by the end.', 'Tired but attentive.']),
    },
    member_response: { response: pick(c.r, c.theme.response) },
    member_goal_progress: { goal_progress: goalProgress(c) },
    member_risk: { risk_assessment: lowRisk(c) },
    member_plan: { plan: `Continue the weekly group; practise ${w.topic.split(':').pop()!.trim()} this week.` },
  };
}

/** A session that became a crisis session: risk rose, a safety plan was made, the client went home. */
export function crisisContent(c: SessionCtx, followUp: string): TNoteContent {
  return {
    precipitating_events: {
      precipitating_events: 'Client arrived for the regular session distressed after a breakup the previous night, reporting urges to self-harm and thoughts that things would be easier if they were not here.',
      presentation: 'Tearful and agitated at first; oriented and not intoxicated; calmer after grounding and paced breathing.',
      mse: {
        ...mse(c, 0),
        mood: { normal: false, finding: 'Distressed, hopeless at times' },
        affect: { normal: false, finding: 'Labile, tearful' },
        thought_content: { normal: false, finding: 'Passive suicidal ideation without plan or intent (see risk assessment)' },
      },
    },
    risk: {
      risk_assessment: {
        suicidalIdeation: 'passive', suicideAttemptHistory: 'none', homicidalIdeation: 'denied', selfHarm: 'past', riskLevel: 'moderate',
        riskFactors: 'Recent loss, history of self-harm, living alone this week.',
        protectiveFactors: 'Engaged in treatment, no access to firearms, close friend available to stay over, future plans.',
        safetyPlan: 'updated',
        actions: 'Safety plan updated together; friend called in session and agreed to stay the night; next-day check-in scheduled.',
      },
    },
    intervention: {
      interventions: ['crisis_intervention', 'safety_planning', 'means_restriction', 'dbt_distress_tolerance'],
      intervention_detail: 'Grounding and TIPP skills to reduce arousal; collaborative safety planning; lethal means counseling (client agreed to give razors to the friend); called the friend with the client present.',
      response: 'Distress fell from 9 to 5 out of 10; urges reduced; client agreed to the plan and could name warning signs and whom to call.',
    },
    disposition: { disposition: 'home_with_support', disposition_detail: 'Returned home with a friend who will stay overnight; higher level of care not indicated after assessment.' },
    safety_plan: {
      safety_plan: 'Warning signs: being alone at night, replaying the breakup. Coping: TIPP, music, walking. People: the friend staying over, a sibling. Professionals: this clinic, 988. Environment: razors with the friend.',
      means_restriction: 'secured',
    },
    follow_up: { plan: 'Phone check-in tomorrow afternoon; next session in two days; inform the prescriber with consent.', follow_up_date: followUp, notifications: 'Prescriber informed through the secure message system.' },
  };
}

/** A call with a minor's school counselor, with a release on file. */
export function collateralContent(): TNoteContent {
  return {
    contact: { contact_person: 'School counselor', relationship: 'school', method: 'phone', authorization: 'release_on_file' },
    information: {
      information_exchanged: 'Counselor reports fewer missing assignments since the homework plan started, and difficulty in unstructured times. Shared the classroom strategies agreed with the parent (seating near the teacher, a daily assignment check). Minimum necessary information shared.',
    },
    plan: { plan: 'Counselor will send a brief weekly update for four weeks; review at the next family session.' },
  };
}

/** A discharge summary at the end of care. */
export function dischargeContent(c: SessionCtx, dischargeDate: string, sessions: number): TNoteContent {
  return {
    discharge: { discharge_date: dischargeDate, reason: 'goals_met', reason_detail: 'Client and clinician agreed that goals were met; client chose to end regular sessions.' },
    course: {
      course_of_treatment: `Individual psychotherapy ${c.cadence} using ${c.theme.interventions.slice(0, 3).join(', ').replaceAll('_', ' ')}. ${c.theme.measure.name} fell from ${c.theme.measure.start} at intake to ${c.score}.`,
      sessions_attended: sessions,
    },
    outcomes: { goal_progress: c.theme.goals.map((goal, i) => ({ goal, rating: i === 0 ? 'met' : 'significant_progress' })) },
    diagnoses: { diagnoses_at_discharge: c.diagnoses, condition: 'improved', medications_at_discharge: 'As prescribed by primary care; no psychiatric medications from this practice.' },
    risk: { risk_assessment: lowRisk(c) },
    recommendations: {
      plan: 'Keep using the skills learned; watch for early warning signs (sleep changes, withdrawal). Return to care by calling the front desk; no new referral needed.',
      referrals: 'None needed; community support group information given.',
    },
  };
}

/** A no-show or late cancellation, the outreach made and the plan. */
export function missedContent(c: SessionCtx, kind: 'no_show' | 'late_cancel', repeated: boolean): TNoteContent {
  return {
    missed: { missed_type: kind, reason: kind === 'late_cancel' ? pick(c.r, ['Called the morning of the session: unwell.', 'Work shift changed at short notice.']) : 'No reason given.' },
    outreach: {
      outreach_attempted: kind === 'no_show' ? ['phone', 'voicemail', 'text'] : ['phone'],
      outreach_detail: kind === 'no_show' ? 'Called fifteen minutes after the start time; left a voicemail and sent a text offering to reschedule.' : 'Spoke with the client, who asked to keep the next regular session.',
    },
    risk: repeated
      ? { risk_concern: 'follow_up', risk_detail: 'Third missed session in a row; no recent risk indicators, but disengagement is a concern. Follow-up call arranged.' }
      : { risk_concern: 'none' },
    plan: { plan: repeated ? 'Send an outreach letter; discuss engagement and the attendance policy at the next contact; consider discharge if no contact in 30 days.' : 'Keep the next scheduled session.' },
  };
}

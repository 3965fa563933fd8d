// More clinical pictures for the demo notes: emotion dysregulation (the DBT group's members) and
// children and teenagers (the teen group and the other minors). Same shape as notes-themes.ts.
import type { Theme } from './notes-themes.js';

export const DBT_THEME: Theme = {
  key: 'dysregulation',
  problems: ['F60.3', 'F33.1'],
  measure: { name: 'PHQ-9', start: 18, floor: 8 },
  goals: ['No self-harm; use distress tolerance skills when urges rise', 'Reduce intense anger episodes to one a week or fewer', 'Complete the diary card daily'],
  interventions: ['dbt_distress_tolerance', 'dbt_emotion_regulation', 'chain_analysis', 'dbt_mindfulness', 'dbt_interpersonal', 'safety_planning'],
  chief: 'Intense mood swings, relationship conflict and urges to self-harm when upset.',
  hpi: 'Long-standing pattern of intense, rapidly shifting emotions, fear of abandonment, impulsive spending and past self-harm by cutting (last more than a year ago). Recurrent depressive episodes. Several short courses of therapy in the past; interested in skills-based treatment.',
  impairment: 'Frequent conflict with partner and coworkers; lost a job last year after an angry outburst; spends impulsively when distressed.',
  report: [
    'Diary card shows urges to self-harm rated 3 of 5 on two days, no actions; used TIPP skills both times.',
    'Reported an argument with their partner that escalated, then repair the next day using DEAR MAN.',
    'Described feeling empty and bored most evenings, which leads to impulsive spending online.',
    'Reported practising wise mind in the mornings and feeling less reactive at work.',
    'Completed the diary card on six of seven days.',
    'Described a week with no anger outbursts for the first time in months.',
  ],
  observed: [
    'Affect labile early in the session, more regulated after mindfulness practice.',
    'Engaged, brought the diary card; tearful when discussing the argument.',
    'Casually dressed; speech normal; no visible new injuries.',
  ],
  assessment: [
    'Skills use is increasing and target behaviors are decreasing; no self-harm since starting treatment.',
    'Interpersonal conflict remains the main trigger for emotional escalation.',
    'The client is building a life-worth-living focus and reports more stable weeks.',
  ],
  response: [
    'Completed a chain analysis of the argument and identified vulnerability factors (poor sleep, skipped meals).',
    'Practised opposite action for anger in session and rated it helpful.',
    'Role-played DEAR MAN for a request at work with good eye contact and a clear ask.',
  ],
  plan: [
    'Continue weekly individual DBT and the skills group; phone coaching as agreed.',
    'Review the diary card next session; focus on PLEASE skills for vulnerability.',
  ],
  homework: ['Diary card daily.', 'TIPP skill when urges rise above 3.', 'One DEAR MAN request this week.'],
};

export const YOUTH_THEMES: readonly Theme[] = [
  {
    key: 'adhd',
    problems: ['F90.2', 'Z62.820'],
    measure: { name: 'Vanderbilt (parent)', start: 38, floor: 18 },
    goals: ['Complete homework with no more than one reminder on school nights', 'Reduce arguments at home about routines', 'Use a checklist for morning and bedtime routines'],
    interventions: ['parent_training', 'behavioral_activation', 'psychoeducation', 'social_skills', 'problem_solving'],
    chief: 'Trouble focusing at school, forgetting homework and frequent arguments at home.',
    hpi: 'Parent reports inattention, losing belongings, interrupting and difficulty staying seated since early elementary school, worse this year with more homework. Teacher reports similar concerns. Arguments at home center on routines and screen time.',
    impairment: 'Missing assignments in three classes; daily conflict with parent over homework; peers avoid group work with the child.',
    report: [
      'Parent reported the homework chart was used on four school nights with fewer arguments.',
      'Child said a teacher noticed better focus in class this week.',
      'Parent described a difficult morning routine and being late twice.',
      'Child reported feeling left out at lunch and not knowing how to join in.',
      'Parent noted the reward system is working better since rewards were made daily.',
    ],
    observed: [
      'Fidgety, moved around the room but redirected easily; engaged in the games.',
      'Cooperative and talkative; interrupted occasionally.',
      'Parent and child interacted warmly; parent used praise as practised.',
    ],
    assessment: [
      'Behavioral strategies are reducing conflict at home; school organization remains difficult.',
      'Parent is applying the reward plan more consistently, with visible effect.',
      'Social skills are an emerging focus as peer concerns increase.',
    ],
    response: [
      'Parent practised giving one-step instructions and labelled praise in session.',
      'Child practised a joining-in script in a role play and used it well.',
      'Child helped design the morning checklist and agreed to try it.',
    ],
    plan: [
      'Continue sessions every week with the parent joining for the last twenty minutes.',
      'Coordinate with the school counselor about classroom supports, with the release on file.',
    ],
    homework: ['Morning checklist on the fridge.', 'Daily reward chart for homework.', 'Practise the joining-in script once at lunch.'],
  },
  {
    key: 'teen_anxiety',
    problems: ['F41.1', 'F40.10'],
    measure: { name: 'SCARED', start: 36, floor: 14 },
    goals: ['Attend school every day without leaving early', 'Speak up in class at least once a week', 'Use a coping skill when worry rises'],
    interventions: ['cbt', 'exposure', 'relaxation', 'coping_skills', 'social_skills'],
    chief: 'Worry about school and stomach aches in the mornings; has been leaving school early.',
    hpi: 'Parent reports worry about grades and what classmates think, morning stomach aches and headaches on school days, and leaving school early about once a week this term. Avoids speaking in class and eating in the cafeteria.',
    impairment: 'Missed parts of eight school days this term; grades slipping in two classes; avoids social events.',
    report: [
      'Reported attending every full school day this week.',
      'Described asking a question in one class, rating anxiety 6 of 10 before and 3 after.',
      'Said stomach aches happened on two mornings and eased after breathing practice.',
      'Reported skipping a club meeting because of worry about not knowing anyone.',
      'Parent noted fewer calls from the school nurse.',
    ],
    observed: [
      'Quiet at first, warmed up over the session; good eye contact by the end.',
      'Affect anxious but reactive; smiled when describing success in class.',
      'Cooperative and thoughtful; completed worksheets carefully.',
    ],
    assessment: [
      'School avoidance is decreasing with graded exposure; social anxiety remains the harder target.',
      'The teen is using coping skills independently and recognizes worry thoughts.',
    ],
    response: [
      'Built the next steps of the exposure ladder and chose the next step.',
      'Practised coping thoughts for speaking up and rated confidence higher.',
      'Engaged in a brief in-session exposure (ordering at the front desk) and completed it.',
    ],
    plan: [
      'Continue weekly CBT with exposure; parent check-in monthly.',
      'Next exposure step: eat lunch in the cafeteria with one friend twice.',
    ],
    homework: ['One exposure step from the ladder, three times.', 'Breathing practice each morning before school.'],
  },
  {
    key: 'teen_depression',
    problems: ['F32.1', 'Z62.820'],
    measure: { name: 'PHQ-A', start: 16, floor: 5 },
    goals: ['Reduce depressive symptoms (PHQ-A below 10)', 'Return to one extracurricular activity', 'Talk with a parent when feeling low'],
    interventions: ['behavioral_activation', 'cbt', 'family_systems', 'safety_planning', 'psychoeducation'],
    chief: 'Sadness, irritability and pulling away from friends and activities since the start of the school year.',
    hpi: 'Parent reports the teen has been irritable, sleeping late, dropping a sport and spending most time alone for about three months. Teen describes feeling sad and tired and that things feel pointless at times. Passive thoughts of not wanting to be here once, none recently; no self-harm.',
    impairment: 'Grades dropped; quit the team; frequent arguments at home about phone use and chores.',
    report: [
      'Teen reported going to a friend\'s house on the weekend and enjoying it.',
      'Described feeling low most evenings and scrolling on the phone late into the night.',
      'Parent reported fewer arguments after agreeing on a phone curfew.',
      'Teen said they have been thinking about rejoining the team in the spring.',
      'Reported no thoughts of not wanting to be here since the last session.',
    ],
    observed: [
      'Hood up at the start, made more eye contact as the session went on.',
      'Affect flat early, brighter when talking about music.',
      'Cooperative; short answers at first, more open later.',
    ],
    assessment: [
      'Depressive symptoms are improving with activation and better sleep.',
      'Family communication is improving; the teen is more willing to talk with a parent.',
      'Risk remains low; the safety plan is in place and reviewed.',
    ],
    response: [
      'Chose two activities for the week and identified a barrier for each.',
      'Identified the link between late-night phone use and low mood the next day.',
      'Reviewed the safety plan and named two adults to contact if feeling unsafe.',
    ],
    plan: [
      'Continue weekly sessions; family session monthly.',
      'Repeat the PHQ-A in two weeks; continue to review the safety plan.',
    ],
    homework: ['Two planned activities with friends or family.', 'Phone out of the bedroom by 22:30.'],
  },
];

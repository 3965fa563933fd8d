// Clinical pictures for the demo practice's notes: each has a problem list (ICD-10-CM codes, titles
// come from the shipped code list), treatment goals, the interventions that fit it, and banks of
// sentences a note draws from. Written as a clinician would, about nobody in particular: no names,
// places or details that could point to a real person. The benchmark (bench/src/notes-data.ts)
// composes its generated notes from the same banks, so search sees the same vocabulary.

export interface Theme {
  key: string;
  /** Problem list, primary first; the second and later are secondary diagnoses. */
  problems: string[];
  /** The measure tracked in session ("PHQ-9 14"), with a starting score and how low it can go. */
  measure: { name: string; start: number; floor: number };
  goals: string[];
  /** Intervention codes from packages/content INTERVENTIONS. */
  interventions: string[];
  chief: string;
  hpi: string;
  impairment: string;
  /** What the client reported this session. */
  report: string[];
  /** What the clinician observed. */
  observed: string[];
  assessment: string[];
  response: string[];
  plan: string[];
  homework: string[];
}

export const ADULT_THEMES: readonly Theme[] = [
  {
    key: 'depression',
    problems: ['F33.1', 'F41.1'],
    measure: { name: 'PHQ-9', start: 17, floor: 6 },
    goals: ['Reduce depressive symptoms to the mild range (PHQ-9 below 10)', 'Resume two valued activities each week', 'Keep a regular sleep and wake schedule'],
    interventions: ['behavioral_activation', 'cognitive_restructuring', 'thought_record', 'psychoeducation', 'supportive'],
    chief: 'Low mood, poor motivation and withdrawal from friends for about four months.',
    hpi: 'Reports a gradual decline in mood since the spring, with early waking, low energy, reduced appetite and loss of interest in hobbies. Similar episode several years ago that improved with therapy. No manic or psychotic symptoms reported.',
    impairment: 'Calling in sick about once a week; has stopped exercising and seeing friends; household tasks are falling behind.',
    report: [
      'Reported a slightly better week, with two days getting out for a walk as planned.',
      'Described low energy most mornings and difficulty starting tasks at work.',
      'Stated that a disagreement with a coworker left them ruminating for most of the weekend.',
      'Reported sleeping about six hours a night with early waking, a little better than last week.',
      'Said they reconnected with a friend by phone and enjoyed it more than expected.',
      'Described feeling flat and unmotivated after a difficult family visit.',
      'Reported completing the activity schedule on four of seven days.',
      'Noted that self-critical thoughts increase in the evening when alone.',
    ],
    observed: [
      'Casually dressed and well groomed; affect constricted but brightened when discussing a recent outing.',
      'Speech slowed at the start of the session, more spontaneous by the end.',
      'Engaged and on time; maintained eye contact and offered examples readily.',
      'Appeared tired; yawned frequently and needed prompts to elaborate.',
    ],
    assessment: [
      'Depressive symptoms are gradually improving with behavioral activation; sleep and motivation remain the main targets.',
      'Mood remains in the moderate range; the client is using skills inconsistently, which supports continued weekly sessions.',
      'Client is identifying cognitive distortions (all-or-nothing thinking, discounting positives) with less prompting.',
      'Progress is steady but fragile; stressors at work continue to trigger withdrawal.',
    ],
    response: [
      'Engaged well in building the week\'s activity plan and chose three specific activities.',
      'Completed a thought record in session and generated a balanced alternative thought with moderate belief.',
      'Receptive to psychoeducation on the link between activity and mood; asked thoughtful questions.',
      'Initially skeptical of the exercise but agreed to try it and rated it as somewhat helpful.',
    ],
    plan: [
      'Continue weekly individual psychotherapy focused on behavioral activation and cognitive restructuring.',
      'Review the activity log and thought records next session; repeat the PHQ-9 in two weeks.',
      'Coordinate with the prescriber about sleep if early waking persists.',
    ],
    homework: ['Activity schedule with one pleasant and one mastery activity each day.', 'Two thought records on evenings when self-critical thoughts rise.', 'Walk for twenty minutes on three days.'],
  },
  {
    key: 'anxiety',
    problems: ['F41.1', 'F51.01'],
    measure: { name: 'GAD-7', start: 15, floor: 5 },
    goals: ['Reduce worry to the mild range (GAD-7 below 8)', 'Use a relaxation or grounding skill daily', 'Fall asleep within thirty minutes on most nights'],
    interventions: ['cbt', 'relaxation', 'cognitive_restructuring', 'mindfulness', 'cbt_insomnia', 'psychoeducation'],
    chief: 'Constant worry, muscle tension and trouble sleeping that have grown over the past year.',
    hpi: 'Describes excessive worry about work, health and family most days for more than a year, with restlessness, irritability, muscle tension and difficulty falling asleep. Occasional racing heart when worried, no discrete panic attacks. Caffeine use has increased.',
    impairment: 'Re-checks work several times, which slows them down; avoids driving on highways; sleep loss affects concentration.',
    report: [
      'Reported worrying less about work after setting a daily worry period.',
      'Described two nights of poor sleep before a deadline, with racing thoughts in bed.',
      'Said the breathing exercise helped during a stressful meeting.',
      'Reported reducing coffee to two cups a day, with fewer afternoon jitters.',
      'Described avoiding a medical appointment because of health worries, then attending it.',
      'Noted that reassurance-seeking from their partner has decreased this week.',
      'Reported muscle tension in the shoulders most afternoons.',
    ],
    observed: [
      'Fidgeting with hands early in the session, settled after the relaxation exercise.',
      'Speech slightly rapid; thought process linear; able to focus on the agenda.',
      'Appeared alert and engaged; affect anxious but reactive, laughed appropriately.',
      'Calm and organized today; brought written notes from the week.',
    ],
    assessment: [
      'Generalized anxiety is improving; worry is more contained and the client is practising skills between sessions.',
      'Sleep onset remains the main difficulty; stimulus control is being introduced.',
      'Client shows growing ability to notice catastrophic predictions and test them.',
      'Symptoms remain moderate, with functional impact at work, supporting continued treatment.',
    ],
    response: [
      'Practised diaphragmatic breathing and progressive muscle relaxation in session; reported tension dropping from 7 to 3 out of 10.',
      'Identified two catastrophic predictions and rated them less likely after reviewing the evidence.',
      'Engaged in planning a behavioral experiment and predicted the outcome in writing.',
      'Understood the sleep hygiene and stimulus control rationale and agreed to try it.',
    ],
    plan: [
      'Continue weekly CBT for generalized anxiety; add stimulus control for insomnia.',
      'Review the worry log and sleep diary next session; repeat the GAD-7 monthly.',
      'Plan a graded exposure to highway driving once daily skills are established.',
    ],
    homework: ['Scheduled fifteen-minute worry period each evening.', 'Sleep diary and stimulus control: out of bed after twenty minutes awake.', 'Breathing practice twice a day.'],
  },
  {
    key: 'trauma',
    problems: ['F43.12', 'F32.1'],
    measure: { name: 'PCL-5', start: 52, floor: 22 },
    goals: ['Reduce trauma symptoms (PCL-5 below 33)', 'Return to driving and shopping without avoidance', 'Use grounding skills when triggered'],
    interventions: ['cpt', 'grounding', 'psychoeducation', 'trauma_narrative', 'safety_planning', 'cognitive_restructuring'],
    chief: 'Nightmares, being on edge and avoiding reminders since a serious car accident last year.',
    hpi: 'Since a motor vehicle accident about fourteen months ago, reports intrusive memories, nightmares several nights a week, avoidance of driving and of the route where it happened, startle, irritability and poor sleep. Mood has been low for several months. No prior trauma treatment.',
    impairment: 'Relies on others for rides, which limits work hours; avoids crowded stores; sleep disruption affects concentration.',
    report: [
      'Reported two nightmares this week, fewer than the four or five per week at intake.',
      'Described being startled by a horn in traffic and using grounding to calm down.',
      'Completed the impact statement and said writing it was hard but worthwhile.',
      'Reported driving a short familiar route twice with a friend in the car.',
      'Said feelings of self-blame came up strongly after the anniversary of the event.',
      'Described better sleep on nights when practising the wind-down routine.',
    ],
    observed: [
      'Became tearful when reading the impact statement, then composed.',
      'Hypervigilant at the start of the session, scanning the room; settled with grounding.',
      'Engaged and reflective; affect congruent with content.',
      'Appeared tired; reported a poor night before the session.',
    ],
    assessment: [
      'PTSD symptoms are decreasing; avoidance is the main remaining driver of impairment.',
      'Client is identifying stuck points around self-blame and beginning to challenge them.',
      'Trauma processing is tolerable; distress rises in session and returns to baseline with grounding.',
      'Depressive symptoms are secondary and improving as sleep improves.',
    ],
    response: [
      'Worked through a challenging-questions worksheet on a self-blame stuck point and shifted belief from 80 % to 50 %.',
      'Used 5-4-3-2-1 grounding effectively when distress rose to 8 out of 10.',
      'Engaged in processing the account; distress peaked at 7 and fell to 3 by the end of the session.',
      'Identified realistic next steps for driving practice.',
    ],
    plan: [
      'Continue weekly cognitive processing therapy; next module on safety and trust.',
      'Graded driving practice between sessions; review the PCL-5 every two weeks.',
      'Maintain the safety plan; check in on nightmares and sleep.',
    ],
    homework: ['Challenging-questions worksheet on one stuck point each day.', 'Two short driving practices with a support person.', 'Grounding practice when triggered, logged.'],
  },
  {
    key: 'adjustment',
    problems: ['F43.23', 'Z63.0'],
    measure: { name: 'PHQ-9', start: 12, floor: 4 },
    goals: ['Reduce distress related to the separation', 'Communicate about shared responsibilities without escalation', 'Rebuild a weekly routine with social contact'],
    interventions: ['solution_focused', 'supportive', 'problem_solving', 'assertiveness', 'coping_skills'],
    chief: 'Feeling overwhelmed, tearful and anxious since separating from a long-term partner.',
    hpi: 'Separation about three months ago after a long relationship. Reports tearfulness, worry about finances and the future, poor concentration and disrupted sleep. Symptoms began within weeks of the separation. No prior mental health treatment.',
    impairment: 'Difficulty focusing at work; has withdrawn from friends; tense exchanges with the former partner about arrangements.',
    report: [
      'Reported a calmer exchange with the former partner after using the planned script.',
      'Described a hard weekend alone and feeling the loss more strongly.',
      'Said they signed up for a class and felt hopeful about it.',
      'Reported worry about finances after receiving a large bill.',
      'Described sleeping better and crying less often this week.',
    ],
    observed: [
      'Well groomed; tearful briefly when discussing the weekend.',
      'Affect brighter than last session; engaged and future-oriented.',
      'Speech normal; organized and goal-directed.',
    ],
    assessment: [
      'Adjustment symptoms are easing; the client is rebuilding routine and support.',
      'Distress spikes around contact with the former partner; communication skills are helping.',
      'Client is responding well to a solution-focused approach and identifies exceptions to the problem.',
    ],
    response: [
      'Role-played an upcoming conversation and used clear, calm requests.',
      'Identified three exceptions when coping went well and what made them possible.',
      'Generated and ranked options for the financial concern and chose a first step.',
    ],
    plan: [
      'Continue psychotherapy every one to two weeks; taper as goals are met.',
      'Practise the communication plan; review the budget step next session.',
    ],
    homework: ['Use the planned script for the next exchange.', 'One social contact this week.', 'Complete the first budgeting step.'],
  },
  {
    key: 'bipolar',
    problems: ['F31.81', 'F41.1'],
    measure: { name: 'PHQ-9', start: 14, floor: 5 },
    goals: ['Maintain mood stability with no hospitalization', 'Keep a regular sleep schedule and mood chart', 'Recognize early warning signs and act on the relapse plan'],
    interventions: ['psychoeducation', 'medication_education', 'coping_skills', 'cbt', 'supportive'],
    chief: 'Depressive episodes alternating with periods of little sleep and high energy.',
    hpi: 'History of recurrent depressive episodes and at least two hypomanic periods of several days with decreased need for sleep, increased activity and spending. Currently mildly depressed. No psychosis. One past medication trial stopped because of side effects.',
    impairment: 'Work performance drops during depressive episodes; past hypomanic spending created debt.',
    report: [
      'Reported stable mood most of the month with one day of irritability after poor sleep.',
      'Described keeping the mood chart daily and noticing a pattern with late nights.',
      'Reported low energy in the mornings, improving by midday.',
      'Said they missed two evening doses while travelling.',
      'Noted increased ideas and less sleep for two nights, which settled with the routine.',
    ],
    observed: [
      'Neatly dressed; speech normal rate and volume; no pressured speech.',
      'Affect mildly constricted, reactive; thought process linear.',
      'Calm, cooperative and engaged in reviewing the mood chart.',
    ],
    assessment: [
      'Mood is largely stable on the current regimen; sleep regularity remains the key protective factor.',
      'Brief hypomanic symptoms resolved without intervention; no indication for a dose change today.',
      'Mild depressive symptoms persist; continuing to monitor.',
    ],
    response: [
      'Reviewed the mood chart and identified sleep loss as the early warning sign.',
      'Understood the importance of consistent dosing and set a phone reminder.',
      'Engaged in updating the relapse prevention plan with concrete steps.',
    ],
    plan: [
      'Continue the current medications; mood chart daily; follow up in four weeks.',
      'Update the relapse plan with the family member the client chose.',
    ],
    homework: ['Daily mood and sleep chart.', 'Set phone reminders for evening doses.'],
  },
  {
    key: 'alcohol',
    problems: ['F10.20', 'F32.1'],
    measure: { name: 'PHQ-9', start: 13, floor: 4 },
    goals: ['Maintain abstinence from alcohol', 'Attend two recovery support meetings each week', 'Manage cravings with at least three coping strategies'],
    interventions: ['motivational_interviewing', 'relapse_prevention', 'coping_skills', 'cbt', 'twelve_step_facilitation'],
    chief: 'Drinking more than intended and wanting to stop after a warning at work.',
    hpi: 'Daily drinking for about two years, up to six or eight drinks on weekends, with tolerance, unsuccessful attempts to cut down, and drinking despite conflict at home. No history of withdrawal seizures. Low mood has worsened alongside the drinking.',
    impairment: 'Late to work after weekends, conflict with family about drinking, stopped exercising.',
    report: [
      'Reported forty-two days without alcohol and attended three meetings this week.',
      'Described strong cravings at a family gathering and leaving early as planned.',
      'Said sleep is improving now that they are not drinking in the evening.',
      'Reported a brief lapse of two drinks after a stressful day and called their sponsor afterward.',
      'Described feeling proud of handling a difficult conversation without drinking.',
    ],
    observed: [
      'Alert, well groomed, no signs of intoxication or withdrawal.',
      'Affect euthymic and reactive; engaged and open about cravings.',
      'Slightly guarded when discussing the lapse, then forthcoming.',
    ],
    assessment: [
      'Early remission is holding; the client is using supports and coping strategies consistently.',
      'The lapse was contained and is being used to strengthen the relapse prevention plan.',
      'Depressive symptoms are improving with abstinence.',
    ],
    response: [
      'Completed a chain analysis of the lapse and identified two points to intervene.',
      'Explored ambivalence using a decisional balance and reaffirmed reasons for change.',
      'Practised urge surfing and rated cravings lower after ten minutes.',
    ],
    plan: [
      'Continue weekly relapse prevention therapy; encourage ongoing meeting attendance.',
      'Update the high-risk situations list; coordinate with primary care as agreed.',
    ],
    homework: ['Craving log with triggers and coping used.', 'Attend two meetings.', 'Plan for the upcoming holiday gathering.'],
  },
];

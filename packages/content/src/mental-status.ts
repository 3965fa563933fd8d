import type { TMseValue } from '@hearth/contracts';

/**
 * The mental status exam's standard domains, in the order clinicians write them. Each starts
 * within normal limits with the text below; the clinician changes a domain only by exception and
 * picks from (or adds to) the common findings. The keys are the contract's ZMseDomain, in its order.
 */
export type MseDomainKey = keyof TMseValue;

export interface MseDomain {
  key: MseDomainKey;
  label: string;
  /** What "within normal limits" says for this domain in a note. */
  normalText: string;
  /** Frequent abnormal findings, offered as quick picks. */
  commonFindings: string[];
}

export const MSE_DOMAINS: readonly MseDomain[] = [
  {
    key: 'appearance',
    label: 'Appearance',
    normalText: 'Appropriately groomed, dressed for weather, good hygiene',
    commonFindings: ['Disheveled', 'Poor hygiene', 'Inappropriately dressed for weather', 'Appears older than stated age', 'Malodorous', 'Visible weight loss', 'Bizarre dress', 'Visible self-harm marks'],
  },
  {
    key: 'behavior',
    label: 'Behavior',
    normalText: 'Calm and cooperative, good eye contact, no psychomotor agitation or retardation',
    commonFindings: ['Guarded', 'Poor eye contact', 'Psychomotor agitation', 'Psychomotor retardation', 'Restless', 'Hostile', 'Withdrawn', 'Tearful', 'Tremor or abnormal movements', 'Responding to internal stimuli'],
  },
  {
    key: 'speech',
    label: 'Speech',
    normalText: 'Normal rate, volume, tone and articulation',
    commonFindings: ['Pressured', 'Rapid', 'Slow', 'Soft', 'Loud', 'Monotone', 'Poverty of speech', 'Slurred', 'Latency of response'],
  },
  {
    key: 'mood',
    label: 'Mood',
    normalText: 'Euthymic; describes mood as "okay"',
    commonFindings: ['Depressed', 'Anxious', 'Irritable', 'Angry', 'Euphoric', 'Hopeless', 'Labile', 'Numb'],
  },
  {
    key: 'affect',
    label: 'Affect',
    normalText: 'Full range, congruent with mood and appropriate to content',
    commonFindings: ['Constricted', 'Blunted', 'Flat', 'Labile', 'Incongruent with mood', 'Inappropriate to content', 'Expansive', 'Tearful'],
  },
  {
    key: 'thought_process',
    label: 'Thought process',
    normalText: 'Linear, logical and goal-directed',
    commonFindings: ['Circumstantial', 'Tangential', 'Flight of ideas', 'Loose associations', 'Perseverative', 'Thought blocking', 'Racing thoughts', 'Disorganized'],
  },
  {
    key: 'thought_content',
    label: 'Thought content',
    normalText: 'No delusions, obsessions or preoccupations; denies suicidal and homicidal ideation',
    commonFindings: ['Suicidal ideation (see risk assessment)', 'Homicidal ideation (see risk assessment)', 'Paranoid ideation', 'Delusions', 'Obsessions', 'Ruminations', 'Preoccupation with somatic concerns', 'Guilt or worthlessness', 'Hopelessness'],
  },
  {
    key: 'perception',
    label: 'Perception',
    normalText: 'No hallucinations or illusions; not responding to internal stimuli',
    commonFindings: ['Auditory hallucinations', 'Command hallucinations', 'Visual hallucinations', 'Tactile hallucinations', 'Illusions', 'Depersonalization', 'Derealization'],
  },
  {
    key: 'cognition',
    label: 'Cognition',
    normalText: 'Attention, concentration and memory grossly intact',
    commonFindings: ['Impaired attention', 'Impaired concentration', 'Impaired short-term memory', 'Impaired long-term memory', 'Distractible', 'Impaired abstraction', 'Below-average fund of knowledge'],
  },
  {
    key: 'orientation',
    label: 'Orientation',
    normalText: 'Alert and oriented to person, place, time and situation',
    commonFindings: ['Disoriented to time', 'Disoriented to place', 'Disoriented to person', 'Disoriented to situation', 'Drowsy', 'Fluctuating level of consciousness'],
  },
  {
    key: 'insight',
    label: 'Insight',
    normalText: 'Good; recognizes the problems and the need for treatment',
    commonFindings: ['Fair', 'Poor', 'Limited', 'Absent', 'Externalizes responsibility'],
  },
  {
    key: 'judgment',
    label: 'Judgment',
    normalText: 'Good; decisions and plans are reasonable',
    commonFindings: ['Fair', 'Poor', 'Impulsive', 'Impaired by substance use', 'Recent risky decisions'],
  },
];

export function mseDomain(key: string): MseDomain | undefined {
  return MSE_DOMAINS.find((d) => d.key === key);
}

/**
 * The exam as a note shows it: each domain's normal text, or the finding written by exception
 * ("Not within normal limits" when a domain is marked abnormal without a finding). Domains not recorded are left out.
 */
export function describeMse(value: TMseValue): { key: MseDomainKey; label: string; text: string; normal: boolean }[] {
  return MSE_DOMAINS.flatMap((d) => {
    const v = value[d.key];
    if (!v) return [];
    const finding = v.finding?.trim();
    const text = v.normal ? (finding ? `${d.normalText}. ${finding}` : d.normalText) : finding || 'Not within normal limits';
    return [{ key: d.key, label: d.label, text, normal: v.normal }];
  });
}

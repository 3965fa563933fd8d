/**
 * Built-in psychotherapy interventions for the note's intervention picker, grouped by the modality
 * they come from. Notes store the code, so a code never changes meaning once shipped: relabel
 * freely, add new entries, but never reuse or remove a code. A practice adds its own entries
 * (practice_interventions) with codes that must not collide with these.
 */
export interface Intervention {
  /** Stable identifier stored in notes: lower-case letters, digits and underscores. */
  code: string;
  label: string;
  modality: string;
}

export const INTERVENTION_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export const INTERVENTIONS: readonly Intervention[] = [
  // Cognitive behavioral
  { code: 'cbt', label: 'Cognitive behavioral therapy (CBT)', modality: 'CBT' },
  { code: 'cognitive_restructuring', label: 'Cognitive restructuring', modality: 'CBT' },
  { code: 'behavioral_activation', label: 'Behavioral activation', modality: 'CBT' },
  { code: 'exposure', label: 'Exposure therapy', modality: 'CBT' },
  { code: 'erp', label: 'Exposure and response prevention (ERP)', modality: 'CBT' },
  { code: 'problem_solving', label: 'Problem-solving therapy', modality: 'CBT' },
  { code: 'cbt_insomnia', label: 'CBT for insomnia and sleep hygiene', modality: 'CBT' },
  { code: 'thought_record', label: 'Thought records and homework review', modality: 'CBT' },
  // Dialectical behavior therapy skills
  { code: 'dbt_mindfulness', label: 'DBT skills: mindfulness', modality: 'DBT' },
  { code: 'dbt_distress_tolerance', label: 'DBT skills: distress tolerance', modality: 'DBT' },
  { code: 'dbt_emotion_regulation', label: 'DBT skills: emotion regulation', modality: 'DBT' },
  { code: 'dbt_interpersonal', label: 'DBT skills: interpersonal effectiveness', modality: 'DBT' },
  { code: 'chain_analysis', label: 'Behavior chain analysis', modality: 'DBT' },
  // Trauma-focused
  { code: 'tf_cbt', label: 'Trauma-focused CBT (TF-CBT)', modality: 'Trauma-focused' },
  { code: 'cpt', label: 'Cognitive processing therapy (CPT)', modality: 'Trauma-focused' },
  { code: 'prolonged_exposure', label: 'Prolonged exposure (PE)', modality: 'Trauma-focused' },
  { code: 'emdr', label: 'EMDR', modality: 'Trauma-focused' },
  { code: 'trauma_narrative', label: 'Trauma narrative', modality: 'Trauma-focused' },
  // Acceptance and mindfulness-based
  { code: 'act', label: 'Acceptance and commitment therapy (ACT)', modality: 'Acceptance and mindfulness' },
  { code: 'mindfulness', label: 'Mindfulness practice', modality: 'Acceptance and mindfulness' },
  { code: 'relaxation', label: 'Relaxation training (breathing, progressive muscle relaxation)', modality: 'Acceptance and mindfulness' },
  { code: 'grounding', label: 'Grounding techniques', modality: 'Acceptance and mindfulness' },
  // Motivational and substance use
  { code: 'motivational_interviewing', label: 'Motivational interviewing', modality: 'Motivational and substance use' },
  { code: 'relapse_prevention', label: 'Relapse prevention', modality: 'Motivational and substance use' },
  { code: 'harm_reduction', label: 'Harm reduction counseling', modality: 'Motivational and substance use' },
  { code: 'contingency_management', label: 'Contingency management', modality: 'Motivational and substance use' },
  { code: 'twelve_step_facilitation', label: 'Twelve-step facilitation', modality: 'Motivational and substance use' },
  // Other individual approaches
  { code: 'solution_focused', label: 'Solution-focused brief therapy', modality: 'Brief and humanistic' },
  { code: 'supportive', label: 'Supportive psychotherapy', modality: 'Brief and humanistic' },
  { code: 'ipt', label: 'Interpersonal psychotherapy (IPT)', modality: 'Interpersonal and psychodynamic' },
  { code: 'psychodynamic', label: 'Psychodynamic exploration', modality: 'Interpersonal and psychodynamic' },
  { code: 'narrative', label: 'Narrative therapy', modality: 'Brief and humanistic' },
  { code: 'grief_work', label: 'Grief processing', modality: 'Brief and humanistic' },
  // Family, couples and children
  { code: 'family_systems', label: 'Family systems therapy', modality: 'Family and couples' },
  { code: 'structural_family', label: 'Structural family therapy', modality: 'Family and couples' },
  { code: 'couples_communication', label: 'Couples communication skills', modality: 'Family and couples' },
  { code: 'parent_training', label: 'Parent management training', modality: 'Family and couples' },
  { code: 'play_therapy', label: 'Play therapy', modality: 'Child and adolescent' },
  { code: 'social_skills', label: 'Social skills training', modality: 'Child and adolescent' },
  // Skills, education and safety
  { code: 'psychoeducation', label: 'Psychoeducation', modality: 'Skills and education' },
  { code: 'coping_skills', label: 'Coping skills training', modality: 'Skills and education' },
  { code: 'assertiveness', label: 'Assertiveness and communication training', modality: 'Skills and education' },
  { code: 'role_play', label: 'Role play and behavioral rehearsal', modality: 'Skills and education' },
  { code: 'medication_education', label: 'Medication education', modality: 'Skills and education' },
  { code: 'safety_planning', label: 'Safety planning', modality: 'Safety and crisis' },
  { code: 'means_restriction', label: 'Lethal means counseling', modality: 'Safety and crisis' },
  { code: 'crisis_intervention', label: 'Crisis intervention and de-escalation', modality: 'Safety and crisis' },
  { code: 'care_coordination', label: 'Care coordination and referral', modality: 'Safety and crisis' },
];

export function interventionLabel(code: string): string {
  return INTERVENTIONS.find((i) => i.code === code)?.label ?? code;
}

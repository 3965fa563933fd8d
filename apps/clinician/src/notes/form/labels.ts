import type { TNoteKind, TNoteStatus, TParticipant } from '@hearth/contracts';

// Words for the enumerations of notes, shared by the form, the read-only view and the lists.

export const RISK_LABELS = {
  suicidalIdeation: {
    denied: 'Denied',
    passive: 'Passive',
    active_without_plan: 'Active, without plan',
    active_with_plan: 'Active, with plan',
  },
  suicideAttemptHistory: { none: 'None', past: 'Past attempt', recent: 'Recent attempt' },
  homicidalIdeation: { denied: 'Denied', passive: 'Passive', active: 'Active' },
  selfHarm: { denied: 'Denied', past: 'Past', recent: 'Recent', current: 'Current' },
  riskLevel: { low: 'Low', moderate: 'Moderate', high: 'High', imminent: 'Imminent' },
  safetyPlan: {
    not_indicated: 'Not indicated',
    reviewed: 'Reviewed',
    created: 'Created',
    updated: 'Updated',
  },
} as const;

export const RISK_QUESTION_LABELS = {
  suicidalIdeation: 'Suicidal ideation',
  suicideAttemptHistory: 'Suicide attempt history',
  homicidalIdeation: 'Homicidal ideation',
  selfHarm: 'Self-harm',
  riskLevel: 'Overall risk level',
  safetyPlan: 'Safety plan',
  riskFactors: 'Risk factors',
  protectiveFactors: 'Protective factors',
  actions: 'Actions taken',
} as const;

export const PROGRESS_LABELS = {
  not_addressed: 'Not addressed',
  regressed: 'Regressed',
  no_change: 'No change',
  some_progress: 'Some progress',
  significant_progress: 'Significant progress',
  met: 'Met',
} as const;
export type TProgressRating = keyof typeof PROGRESS_LABELS;

export const PARTICIPANT_LABELS: Record<TParticipant['role'], string> = {
  patient: 'Patient',
  guardian: 'Guardian',
  family_member: 'Family member',
  partner: 'Partner',
  interpreter: 'Interpreter',
  other_provider: 'Other provider',
  other: 'Other',
};

export const KIND_LABELS: Record<TNoteKind, string> = {
  intake: 'Intake',
  psychiatric_evaluation: 'Psychiatric evaluation',
  progress: 'Progress note',
  family: 'Family session',
  group: 'Group therapy',
  medication_management: 'Medication management',
  crisis: 'Crisis',
  collateral: 'Collateral contact',
  plan_review: 'Treatment plan review',
  discharge: 'Discharge summary',
  missed_appointment: 'Missed appointment',
};

export const NOTE_STATUS_LABELS: Record<TNoteStatus, string> = {
  draft: 'Draft',
  pending_cosign: 'Needs co-sign',
  returned: 'Returned',
  signed: 'Signed',
};

export const ADDENDUM_REASON_LABELS = {
  correction: 'Correction',
  late_entry: 'Late entry',
  additional_information: 'Additional information',
  clarification: 'Clarification',
} as const;

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

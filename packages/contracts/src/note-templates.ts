import { z } from 'zod';
import { ZLine, ZName, ZText, ZUuid } from './common.js';

// Note templates are data: a versioned definition of sections and fields. Built-in templates live in
// packages/content; a practice duplicates one, edits the copy's draft version, previews and publishes.
// A note records the template id and version it was written on, so old notes render as written.

export const ZNoteKind = z.enum([
  'intake', 'psychiatric_evaluation', 'progress', 'family', 'group', 'medication_management', 'crisis',
  'collateral', 'plan_review', 'discharge', 'missed_appointment',
]);
export type TNoteKind = z.infer<typeof ZNoteKind>;

export const ZFieldType = z.enum([
  'short_text', 'long_text', 'single_choice', 'multiple_choice', 'checklist', 'number', 'date', 'time',
  'diagnoses', 'goal_progress', 'interventions', 'risk_assessment', 'mental_status_exam',
]);
export type TFieldType = z.infer<typeof ZFieldType>;

/**
 * What a field stands for, when it holds one of the elements payers require of a billable note.
 * The required-element check looks for these, so a practice's own template stays billable.
 */
export const ZPayerElement = z.enum(['interventions', 'response', 'goal_progress', 'risk_assessment', 'plan']);
export type TPayerElement = z.infer<typeof ZPayerElement>;

export const ZFieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and underscores, starting with a letter');

export const ZFieldOption = z.strictObject({ value: ZFieldKey, label: ZLine(120).pipe(z.string().min(1, 'is required')) });

export const ZTemplateField = z.strictObject({
  key: ZFieldKey,
  label: ZLine(160).pipe(z.string().min(1, 'is required')),
  type: ZFieldType,
  required: z.boolean().default(false),
  help: ZText(500).optional(),
  /** single_choice, multiple_choice and checklist: the choices (2 to 40). */
  options: z.array(ZFieldOption).min(1).max(40).optional(),
  /** number: bounds. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** short_text and long_text: the longest answer (defaults 200 and 20,000 characters). */
  maxLength: z.number().int().min(1).max(20000).optional(),
  element: ZPayerElement.optional(),
});
export type TTemplateField = z.infer<typeof ZTemplateField>;

export const ZTemplateSection = z.strictObject({
  key: ZFieldKey,
  title: ZLine(120).pipe(z.string().min(1, 'is required')),
  help: ZText(500).optional(),
  /** Group templates: 'shared' is written once for the session, 'member' once per attending member. */
  scope: z.enum(['note', 'shared', 'member']).default('note'),
  /** An optional section (for example psychotherapy within a medication visit) is switched on by the writer. */
  optional: z.boolean().default(false),
  fields: z.array(ZTemplateField).min(1, 'must have at least one field').max(60),
});
export type TTemplateSection = z.infer<typeof ZTemplateSection>;

export const ZTemplateDefinition = z.strictObject({
  sections: z.array(ZTemplateSection).min(1, 'must have at least one section').max(30),
});
export type TTemplateDefinition = z.infer<typeof ZTemplateDefinition>;

/** A built-in template as shipped in packages/content. */
export const ZBuiltinTemplate = z.strictObject({
  key: ZFieldKey,
  name: ZName,
  kind: ZNoteKind,
  billable: z.boolean(),
  /** Bumped when the shipped definition changes; boot adds it as a new published version. */
  version: z.number().int().min(1),
  description: ZText(500),
  definition: ZTemplateDefinition,
});
export type TBuiltinTemplate = z.infer<typeof ZBuiltinTemplate>;

export const ZTemplateSummary = z.object({
  id: ZUuid,
  name: z.string(),
  kind: ZNoteKind,
  billable: z.boolean(),
  builtin: z.boolean(),
  active: z.boolean(),
  /** The newest published version (what new notes use), or null when only a draft exists. */
  publishedVersion: z.number().nullable(),
  /** The unpublished draft version, if someone is editing one. */
  draftVersion: z.number().nullable(),
  duplicatedFrom: ZUuid.nullable(),
});
export type TTemplateSummary = z.infer<typeof ZTemplateSummary>;

export const ZTemplateVersion = z.object({
  templateId: ZUuid,
  name: z.string(),
  kind: ZNoteKind,
  billable: z.boolean(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  definition: ZTemplateDefinition,
});
export type TTemplateVersion = z.infer<typeof ZTemplateVersion>;

export const ZTemplateListQuery = z.strictObject({
  kind: ZNoteKind.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type TTemplateListQuery = z.infer<typeof ZTemplateListQuery>;

export const ZTemplateVersionParams = z.strictObject({ id: ZUuid, version: z.coerce.number().int().min(1).max(100000) });

export const ZDuplicateTemplateRequest = z.strictObject({ name: ZName });
export type TDuplicateTemplateRequest = z.infer<typeof ZDuplicateTemplateRequest>;

/** Saves the draft version (creating one from the newest published version when there is none). */
export const ZSaveTemplateDraftRequest = z.strictObject({
  name: ZName.optional(),
  definition: ZTemplateDefinition,
});
export type TSaveTemplateDraftRequest = z.infer<typeof ZSaveTemplateDraftRequest>;

export const ZUpdateTemplateRequest = z.strictObject({ active: z.boolean() });
export type TUpdateTemplateRequest = z.infer<typeof ZUpdateTemplateRequest>;

// ---- Interventions (the intervention picker's list) ----

/** One intervention a note can record: built-in (packages/content) or the practice's own. */
export const ZIntervention = z.object({
  code: z.string(),
  label: z.string(),
  /** The therapy it belongs to (CBT, DBT...); null for the practice's own. */
  modality: z.string().nullable(),
  builtin: z.boolean(),
});
export type TIntervention = z.infer<typeof ZIntervention>;

export const ZCreateInterventionRequest = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2 to 40 lower-case letters, digits and underscores, starting with a letter'),
  label: ZLine(120).pipe(z.string().min(1, 'is required')),
});
export type TCreateInterventionRequest = z.infer<typeof ZCreateInterventionRequest>;

// ---- Structured values of the special field types ----

export const ZProgressRating = z.enum(['not_addressed', 'regressed', 'no_change', 'some_progress', 'significant_progress', 'met']);
export const ZGoalProgressEntry = z.strictObject({
  /** The treatment plan goal, once plans exist; null for a goal written in the note. */
  goalId: ZUuid.nullable().optional(),
  goal: ZText(500).pipe(z.string().min(1, 'is required')),
  rating: ZProgressRating,
  comment: ZText(2000).optional(),
});

export const ZRiskAssessment = z.strictObject({
  suicidalIdeation: z.enum(['denied', 'passive', 'active_without_plan', 'active_with_plan']),
  suicideAttemptHistory: z.enum(['none', 'past', 'recent']).optional(),
  homicidalIdeation: z.enum(['denied', 'passive', 'active']),
  selfHarm: z.enum(['denied', 'past', 'recent', 'current']),
  riskLevel: z.enum(['low', 'moderate', 'high', 'imminent']),
  riskFactors: ZText(2000).optional(),
  protectiveFactors: ZText(2000).optional(),
  safetyPlan: z.enum(['not_indicated', 'reviewed', 'created', 'updated']),
  actions: ZText(2000).optional(),
});
export type TRiskAssessment = z.infer<typeof ZRiskAssessment>;

export const ZMseDomain = z.enum([
  'appearance', 'behavior', 'speech', 'mood', 'affect', 'thought_process', 'thought_content', 'perception',
  'cognition', 'orientation', 'insight', 'judgment',
]);
/** Each domain: within normal limits (the default text from packages/content) or the finding written by exception. */
export const ZMseValue = z.partialRecord(ZMseDomain, z.strictObject({ normal: z.boolean(), finding: ZText(1000).optional() }));
export type TMseValue = z.infer<typeof ZMseValue>;

export const ZDiagnosisRef = z.strictObject({
  code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code such as F32.1'),
  title: z.string().max(300).optional(),
});
export type TDiagnosisRef = z.infer<typeof ZDiagnosisRef>;

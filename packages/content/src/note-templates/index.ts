import type { TBuiltinTemplate } from '@hearth/contracts';
import { INTAKE_ASSESSMENT, PSYCHIATRIC_EVALUATION } from './assessments.js';
import { FAMILY_SESSION, PROGRESS_BIRP, PROGRESS_DAP, PROGRESS_SOAP } from './progress.js';
import { GROUP_THERAPY, MEDICATION_MANAGEMENT } from './group-and-medication.js';
import { COLLATERAL_CONTACT, CRISIS_NOTE, DISCHARGE_SUMMARY, MISSED_APPOINTMENT, TREATMENT_PLAN_REVIEW } from './other.js';

/**
 * The release of the built-in templates as a whole. Boot loads the built-ins once per release
 * (content_releases), so it changes whenever any built-in changes; the changed template's own
 * `version` is bumped too, and boot adds that version as a new published version. The unit test
 * records a fingerprint of the definitions next to this value, so a change cannot ship without it.
 */
export const BUILTIN_TEMPLATES_RELEASE = 'hearth-templates-2026.11.1';

/** Built-in note templates, in the order a template picker shows them. */
export const BUILTIN_TEMPLATES: readonly TBuiltinTemplate[] = [
  INTAKE_ASSESSMENT,
  PSYCHIATRIC_EVALUATION,
  PROGRESS_DAP,
  PROGRESS_SOAP,
  PROGRESS_BIRP,
  FAMILY_SESSION,
  GROUP_THERAPY,
  MEDICATION_MANAGEMENT,
  CRISIS_NOTE,
  COLLATERAL_CONTACT,
  TREATMENT_PLAN_REVIEW,
  DISCHARGE_SUMMARY,
  MISSED_APPOINTMENT,
];

export function builtinTemplate(key: string): TBuiltinTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.key === key);
}

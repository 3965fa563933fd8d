import type { TNoteContent, TTemplateDefinition, TTemplateField } from '@hearth/contracts';
import { isAnswered } from '../form/field-values';

// What the autosave sends: only answers the server can accept while drafting. Half-finished
// structured answers (a goal row without its goal, a risk assessment missing a required answer)
// stay on this device until they are complete; unanswered fields are left out (missing = not answered).

const RISK_REQUIRED = ['suicidalIdeation', 'homicidalIdeation', 'selfHarm', 'riskLevel', 'safetyPlan'] as const;

function cleanValue(field: TTemplateField, value: unknown): unknown {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'goal_progress': {
      if (!Array.isArray(value)) return undefined;
      const rows = (value as Record<string, unknown>[])
        .filter((r) => typeof r.goal === 'string' && r.goal.trim() !== '')
        .map((r) => {
          const { comment, goalId, ...rest } = r;
          return {
            ...rest,
            ...(goalId !== undefined ? { goalId } : {}),
            ...(typeof comment === 'string' && comment.trim() ? { comment } : {}),
          };
        });
      return rows.length ? rows : undefined;
    }
    case 'risk_assessment': {
      if (!value || typeof value !== 'object') return undefined;
      const v = value as Record<string, unknown>;
      if (!RISK_REQUIRED.every((k) => typeof v[k] === 'string' && v[k] !== '')) return undefined;
      return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string' && x !== ''));
    }
    case 'mental_status_exam': {
      if (!value || typeof value !== 'object') return undefined;
      // A finding left empty is sent without the key: the domain reads "not normal, no finding yet".
      return Object.fromEntries(
        Object.entries(value as Record<string, { normal: boolean; finding?: string }>).map(([k, e]) => [
          k,
          e.normal ? { normal: true } : e.finding ? { normal: false, finding: e.finding } : { normal: false },
        ]),
      );
    }
    default:
      return isAnswered(value) ? value : undefined;
  }
}

/** The content to send: the template's own fields only, answered ones only, structured answers complete. */
export function contentForSave(definition: TTemplateDefinition, content: TNoteContent): TNoteContent {
  const out: TNoteContent = {};
  for (const section of definition.sections) {
    const src = content[section.key];
    if (!src) continue;
    const fields: Record<string, unknown> = {};
    for (const f of section.fields) {
      const v = cleanValue(f, src[f.key]);
      if (v !== undefined) fields[f.key] = v;
    }
    if (Object.keys(fields).length) out[section.key] = fields;
  }
  return out;
}

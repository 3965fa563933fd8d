import { describeMse } from '@hearth/content';
import type { TMseValue, TTemplateField } from '@hearth/contracts';

// A note field's value as printed words (for the PDF export): choices by their labels, interventions by
// name, the risk assessment and the mental status exam in sentences. Pure: no PDF, no database.

export interface ValueLabels {
  /** Intervention code -> label (built-in list and the practice's own). */
  interventions: ReadonlyMap<string, string>;
}

const RISK_WORDS: Record<string, Record<string, string>> = {
  suicidalIdeation: { denied: 'denied', passive: 'passive', active_without_plan: 'active, without plan', active_with_plan: 'active, with plan' },
  suicideAttemptHistory: { none: 'none', past: 'past attempt', recent: 'recent attempt' },
  homicidalIdeation: { denied: 'denied', passive: 'passive', active: 'active' },
  selfHarm: { denied: 'denied', past: 'past', recent: 'recent', current: 'current' },
  riskLevel: { low: 'low', moderate: 'moderate', high: 'high', imminent: 'imminent' },
  safetyPlan: { not_indicated: 'not indicated', reviewed: 'reviewed', created: 'created', updated: 'updated' },
};
const RISK_LINES: [string, string][] = [
  ['suicidalIdeation', 'Suicidal ideation'], ['suicideAttemptHistory', 'Suicide attempt history'], ['homicidalIdeation', 'Homicidal ideation'],
  ['selfHarm', 'Self-harm'], ['riskLevel', 'Overall risk level'], ['riskFactors', 'Risk factors'], ['protectiveFactors', 'Protective factors'],
  ['safetyPlan', 'Safety plan'], ['actions', 'Actions taken'],
];

const PROGRESS_WORDS: Record<string, string> = {
  not_addressed: 'not addressed', regressed: 'regressed', no_change: 'no change', some_progress: 'some progress',
  significant_progress: 'significant progress', met: 'met',
};

/** "cognitive_restructuring" -> "Cognitive restructuring" (for a code no list names any more). */
export const humanize = (code: string) => (code.charAt(0).toUpperCase() + code.slice(1)).replace(/_/g, ' ');

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The printed lines of one field's value; none when the field is not answered. */
export function describeFieldValue(field: TTemplateField, value: unknown, labels: ValueLabels): string[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  const option = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? str(v);
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return str(value).split(/\r?\n/);
    case 'single_choice':
      return [option(value)];
    case 'multiple_choice':
    case 'checklist':
      return Array.isArray(value) ? [value.map(option).join(', ')] : [option(value)];
    case 'number':
    case 'date':
    case 'time':
      return [str(value)];
    case 'diagnoses':
      return Array.isArray(value) ? value.filter(isRecord).map((d, i) => `${i + 1}. ${str(d.code)}${d.title ? ` ${str(d.title)}` : ''}`) : [];
    case 'goal_progress':
      return Array.isArray(value)
        ? value.filter(isRecord).map((g) => `${str(g.goal)}: ${PROGRESS_WORDS[str(g.rating)] ?? str(g.rating)}${g.comment ? `. ${str(g.comment)}` : ''}`)
        : [];
    case 'interventions':
      return Array.isArray(value) ? [value.map((c) => labels.interventions.get(str(c)) ?? humanize(str(c))).join('; ')] : [];
    case 'risk_assessment':
      return isRecord(value) ? describeRisk(value) : [];
    case 'mental_status_exam':
      // By domain in the standard order: the normal-limits text from packages/content, or the finding.
      return isRecord(value) ? describeMse(value as TMseValue).map((d) => `${d.label}: ${d.text}`) : [];
    default:
      return [str(value)];
  }
}

export function describeRisk(r: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, label] of RISK_LINES) {
    const v = r[key];
    if (v === undefined || v === null || v === '') continue;
    out.push(`${label}: ${RISK_WORDS[key]?.[str(v)] ?? str(v)}`);
  }
  return out;
}

// Windows-1252 characters beyond Latin-1 that the standard PDF fonts can draw.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard (WinAnsi) fonts can draw: NFC-normalised, tabs as spaces, any other character
 * as "?" (pdfkit would otherwise print a wrong glyph silently).
 */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    else out += '?';
  }
  return out;
}

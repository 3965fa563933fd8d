import type { TTemplateField } from '@hearth/contracts';
import { PROGRESS_LABELS, RISK_LABELS, RISK_QUESTION_LABELS } from './labels';

// Pure wording of saved values for the read-only note (the signed note, the co-signer's view).

const optionLabel = (field: TTemplateField, v: string) => field.options?.find((o) => o.value === v)?.label ?? v;

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** "Jan 5, 2027" for 'YYYY-MM-DD' (read as a calendar date, never shifted by the browser's zone). */
export function formatIsoDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? DATE.format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))) : d;
}
/** "3:05 PM" for 'HH:MM'. */
export function formatClock(t: string): string {
  const m = /^(\d{2}):(\d{2})/.exec(t);
  return m ? TIME.format(new Date(Date.UTC(2000, 0, 1, +m[1]!, +m[2]!))) : t;
}

/** Text, choice, number, date and time values as words; null when not answered. */
export function formatSimpleValue(field: TTemplateField, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'single_choice':
      return typeof value === 'string' ? optionLabel(field, value) : null;
    case 'multiple_choice':
    case 'checklist':
      return Array.isArray(value) && value.length
        ? value.map((v) => optionLabel(field, String(v))).join(', ')
        : null;
    case 'number':
      return typeof value === 'number' ? String(value) : null;
    case 'date':
      return typeof value === 'string' ? formatIsoDate(value) : null;
    case 'time':
      return typeof value === 'string' ? formatClock(value) : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

/** The risk assessment as "question: answer" lines, in the order of the form. */
export function riskLines(value: unknown): { label: string; text: string }[] {
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  const out: { label: string; text: string }[] = [];
  for (const k of Object.keys(RISK_QUESTION_LABELS) as (keyof typeof RISK_QUESTION_LABELS)[]) {
    const raw = v[k];
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const words = k in RISK_LABELS ? (RISK_LABELS as Record<string, Record<string, string>>)[k]![raw] : undefined;
    out.push({ label: RISK_QUESTION_LABELS[k], text: words ?? raw });
  }
  return out;
}

export const progressLabel = (rating: unknown) =>
  typeof rating === 'string' ? (PROGRESS_LABELS as Record<string, string>)[rating] ?? rating : '';

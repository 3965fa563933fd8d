import { LANGUAGES as CONTENT_LANGUAGES } from '@hearth/content';
import type { TPatientSummary } from '@hearth/contracts';

/** "Preferred (Legal) Last" when a different preferred name exists, otherwise "Legal Last". */
export function patientDisplayName(
  p: Pick<TPatientSummary, 'preferredName' | 'legalFirstName' | 'legalLastName'>,
) {
  const preferred = p.preferredName?.trim();
  if (preferred && preferred.toLowerCase() !== p.legalFirstName.trim().toLowerCase()) {
    return `${preferred} (${p.legalFirstName}) ${p.legalLastName}`;
  }
  return `${p.legalFirstName} ${p.legalLastName}`;
}

/** Whole years between an ISO date of birth and today (local time). */
export function ageFrom(dateOfBirth: string, today = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1;
  return age >= 0 ? age : null;
}

/** An ISO date (YYYY-MM-DD) shown as MM/DD/YYYY without time-zone shifts. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function staffDisplayName(s: { firstName: string; lastName: string; credentials?: string | null }) {
  return `${s.firstName} ${s.lastName}${s.credentials ? `, ${s.credentials}` : ''}`;
}

/** "case_manager" -> "Case manager". */
export function humanize(key: string): string {
  const s = key.replace(/[_.]/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const PATIENT_STATUS_TONE = {
  active: 'positive',
  waitlist: 'caution',
  discharged: 'neutral',
} as const;

export const SEX_LABELS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
  declined: 'Declined to answer',
};

export const CONTACT_KIND_LABELS: Record<string, string> = {
  emergency: 'Emergency contact',
  guardian: 'Guardian',
  legal_representative: 'Legal representative',
};

export const CARE_TEAM_ROLE_LABELS: Record<string, string> = {
  primary_therapist: 'Primary therapist',
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  case_manager: 'Case manager',
  other: 'Other',
};

export const RELATIONSHIP_LABELS: Record<string, string> = {
  self: 'Self',
  spouse: 'Spouse',
  child: 'Child',
  other: 'Other',
};

export const CHANNEL_LABELS: Record<string, string> = {
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
  mail: 'Mail',
  portal: 'Patient portal',
};

export const LANGUAGES: { value: string; label: string }[] = CONTENT_LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

export function languageLabel(tag: string | null | undefined): string {
  if (!tag) return '';
  return LANGUAGES.find((l) => l.value === tag)?.label ?? tag;
}

export const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'.split(
    ' ',
  );

export function formatAddress(a: Record<string, unknown> | null | undefined): string {
  if (!a) return '';
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
  const cityLine = [str('city'), [str('state'), str('postalCode')].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [str('line1'), str('line2'), cityLine].filter(Boolean).join(', ');
}

/**
 * Outreach messages the front desk or a clinician sends, with one click, to a patient who has missed
 * sessions or has nothing booked. Plain and warm, and nothing clinical: an e-mail can be read by
 * someone else, so it never names a diagnosis, a service, a clinician's specialty or the reason for
 * care; it only invites the person to get in touch.
 *
 * Placeholders: {{firstName}} (preferred name, else legal first name), {{practiceName}}, and
 * {{contactLine}} ("You can reach us at <phone>." or, without a phone on file, "Reply to this
 * message or call the office.").
 */
export const OUTREACH_TEMPLATES_VERSION = '2026-11';

export interface OutreachTemplate {
  key: string;
  /** What staff see in the picker. */
  name: string;
  /** When to use it, for staff. */
  hint: string;
  subject: string;
  body: string;
}

export const OUTREACH_TEMPLATES: readonly OutreachTemplate[] = [
  {
    key: 'missed-you',
    name: 'We missed you',
    hint: 'After a missed session.',
    subject: 'We missed you at {{practiceName}}',
    body:
      'Hello {{firstName}},\n\n' +
      'We missed you at your last appointment and wanted to check in. Things come up, and that is okay.\n\n' +
      'If you would like to find a new time, we would be glad to help. {{contactLine}}\n\n' +
      'Warm regards,\n{{practiceName}}\n',
  },
  {
    key: 'schedule-next',
    name: 'Schedule your next visit',
    hint: 'When nothing is booked yet.',
    subject: 'Your next visit at {{practiceName}}',
    body:
      'Hello {{firstName}},\n\n' +
      'We noticed you do not have an upcoming appointment with us. Whenever you are ready, we would be happy to find a time that works for you.\n\n' +
      '{{contactLine}}\n\n' +
      'Warm regards,\n{{practiceName}}\n',
  },
  {
    key: 'checking-in',
    name: 'Just checking in',
    hint: 'It has been a while since the last visit.',
    subject: 'Checking in from {{practiceName}}',
    body:
      'Hello {{firstName}},\n\n' +
      'It has been a little while since we last saw you, and we wanted to say hello. We are here whenever you would like to reconnect.\n\n' +
      '{{contactLine}}\n\n' +
      'Take care,\n{{practiceName}}\n',
  },
];

/** The keys the API accepts (content.test.ts checks they match the templates above). */
export const OUTREACH_TEMPLATE_KEYS = ['missed-you', 'schedule-next', 'checking-in'] as const;
export type OutreachTemplateKey = (typeof OUTREACH_TEMPLATE_KEYS)[number];

export function outreachTemplate(key: string): OutreachTemplate | undefined {
  return OUTREACH_TEMPLATES.find((t) => t.key === key);
}

export interface OutreachValues {
  firstName: string;
  practiceName: string;
  practicePhone: string | null;
}

/** Fills a template's placeholders. Unknown placeholders stay visible rather than vanish silently. */
export function renderOutreach(t: OutreachTemplate, v: OutreachValues): { subject: string; text: string } {
  const phone = v.practicePhone?.trim();
  const values: Record<string, string> = {
    firstName: v.firstName.trim() || 'there',
    practiceName: v.practiceName.trim(),
    contactLine: phone ? `You can reach us at ${phone}.` : 'Reply to this message or call the office.',
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
  // A subject is one line: a stray line break from a practice name would break the mail header.
  return { subject: fill(t.subject).replace(/[\r\n]+/g, ' '), text: fill(t.body) };
}

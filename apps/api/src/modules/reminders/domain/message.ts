// The words of a reminder. Deliberately non-clinical: the practice's name, the date, the local time
// with its zone, the place (or "video visit"), and the confirm/cancel links. Never the appointment
// type ("psychiatric evaluation" would disclose care), never the clinician (a psychiatrist's name does
// the same), never more of the patient than a first name. Messages land on lock screens and shared
// inboxes.

export type Place = { kind: 'in_person'; name: string; address: string | null } | { kind: 'video' };

export interface ReminderFacts {
  practiceName: string;
  practicePhone: string | null;
  /** Preferred name when the patient has one, else the legal first name. */
  firstName: string;
  startsAt: Date;
  timeZone: string;
  place: Place;
  /** The patient (or the front desk) has confirmed already: ask nothing, offer cancelling. */
  confirmed: boolean;
  lateCancelWindowHours: number;
  /** The confirm/cancel page for this reminder. */
  linkUrl: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

// ICU puts a narrow no-break space before AM/PM; plain spaces keep SMS in the 160-character GSM alphabet.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

/** Date and time for people, in the appointment's zone: "Tuesday, March 9, 2027", "3:00 PM EST", "Tue, Mar 9". */
export function formatWhen(at: Date, timeZone: string): { dateText: string; timeText: string; shortDate: string } {
  const fmt = (o: Intl.DateTimeFormatOptions) => plain(new Intl.DateTimeFormat('en-US', { timeZone, ...o }).format(at));
  return {
    dateText: fmt({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    timeText: fmt({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
    shortDate: fmt({ weekday: 'short', month: 'short', day: 'numeric' }),
  };
}

/** One line from a location's address jsonb: "12 Elm St, Suite 2, Springfield, IL 62701". */
export function formatAddress(raw: unknown): string | null {
  const a = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
  const stateZip = [str('state'), str('postalCode')].filter(Boolean).join(' ');
  const parts = [str('line1'), str('line2'), str('city'), stateZip].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

const VIDEO_NOTE = "Video visit. You'll receive the video link before the visit.";

const placeLine = (p: Place) => (p.kind === 'video' ? VIDEO_NOTE : [p.name, p.address].filter(Boolean).join(', '));

const lateNote = (hours: number) =>
  hours > 0 ? `If you can't come, please cancel at least ${hours} hours ahead; later cancellations may count as late.` : null;

const contactNote = (f: ReminderFacts) =>
  f.practicePhone ? `To reschedule, call ${f.practiceName} at ${f.practicePhone}.` : `To reschedule, contact ${f.practiceName}.`;

export function reminderEmail(f: ReminderFacts): EmailMessage {
  const when = formatWhen(f.startsAt, f.timeZone);
  const confirmUrl = `${f.linkUrl}#confirm`;
  const cancelUrl = `${f.linkUrl}#cancel`;
  const lines = [
    `Hello ${f.firstName},`,
    '',
    `This is a reminder of your appointment with ${f.practiceName}.`,
    '',
    `When:  ${when.dateText} at ${when.timeText}`,
    `Where: ${placeLine(f.place)}`,
    '',
    ...(f.confirmed
      ? ['Thank you for confirming. If you can no longer come, cancel here:', cancelUrl]
      : ['Please let us know whether you can come:', '', `Confirm: ${confirmUrl}`, '', `Cancel:  ${cancelUrl}`]),
    '',
    ...[lateNote(f.lateCancelWindowHours), contactNote(f)].filter((x): x is string => !!x),
    '',
    f.practiceName,
    '',
  ];
  const e = escapeHtml;
  const button = (href: string, label: string, primary: boolean) =>
    `<a href="${e(href)}" style="display:inline-block;padding:10px 18px;margin:4px 8px 4px 0;border-radius:6px;text-decoration:none;font-weight:600;${
      primary ? 'background:#3b5bdb;color:#ffffff' : 'background:#f1f3f5;color:#212529;border:1px solid #ced4da'
    }">${e(label)}</a>`;
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212529">',
    `<p>Hello ${e(f.firstName)},</p>`,
    `<p>This is a reminder of your appointment with ${e(f.practiceName)}.</p>`,
    `<p><strong>When:</strong> ${e(when.dateText)} at ${e(when.timeText)}<br><strong>Where:</strong> ${e(placeLine(f.place))}</p>`,
    f.confirmed
      ? `<p>Thank you for confirming. If you can no longer come:</p><p>${button(cancelUrl, 'Cancel the appointment', false)}</p>`
      : `<p>Please let us know whether you can come:</p><p>${button(confirmUrl, 'Confirm', true)}${button(cancelUrl, 'Cancel', false)}</p>`,
    ...[lateNote(f.lateCancelWindowHours), contactNote(f)].filter((x): x is string => !!x).map((x) => `<p>${e(x)}</p>`),
    `<p>${e(f.practiceName)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `Appointment reminder from ${f.practiceName}`, text: lines.join('\n'), html };
}

/** A short text message: one link to the page where the patient confirms or cancels. */
export function reminderSms(f: ReminderFacts): string {
  const when = formatWhen(f.startsAt, f.timeZone);
  const where = f.place.kind === 'video' ? 'video visit' : `at ${f.place.name}`;
  const ask = f.confirmed ? `You're confirmed. To cancel: ${f.linkUrl}` : `Confirm or cancel: ${f.linkUrl}`;
  return `${f.practiceName}: Hi ${f.firstName}, reminder of your appointment ${when.shortDate} at ${when.timeText} (${where}). ${ask}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { escapeHtml, formatAddress, formatWhen, reminderEmail, reminderSms, type ReminderFacts } from './message.js';
import { signLinkToken, verifyLinkToken } from './link-token.js';

const facts = (o: Partial<ReminderFacts> = {}): ReminderFacts => ({
  practiceName: 'Riverbend Behavioral Health',
  practicePhone: '555-010-2000',
  firstName: 'Ana',
  startsAt: new Date('2027-03-09T20:00:00Z'),
  timeZone: 'America/New_York',
  place: { kind: 'in_person', name: 'Main Office', address: '12 Elm St, Springfield, IL 62701' },
  confirmed: false,
  lateCancelWindowHours: 24,
  linkUrl: 'https://ehr.example.test/portal/r/TOKEN',
  ...o,
});

describe('reminder wording', () => {
  it('formats the local date and time with the zone abbreviation, in plain spaces', () => {
    expect(formatWhen(new Date('2027-03-09T20:00:00Z'), 'America/New_York')).toEqual({ dateText: 'Tuesday, March 9, 2027', timeText: '3:00 PM EST', shortDate: 'Tue, Mar 9' });
    expect(formatWhen(new Date('2027-07-06T19:00:00Z'), 'America/New_York').timeText).toBe('3:00 PM EDT');
    expect(formatWhen(new Date('2027-07-06T22:00:00Z'), 'America/Los_Angeles').timeText).toBe('3:00 PM PDT');
  });

  it('e-mail: practice, date, local time, place, confirm and cancel links; nothing else', () => {
    const m = reminderEmail(facts());
    expect(m.subject).toBe('Appointment reminder from Riverbend Behavioral Health');
    expect(m.text).toContain('Hello Ana,');
    expect(m.text).toContain('When:  Tuesday, March 9, 2027 at 3:00 PM EST');
    expect(m.text).toContain('Where: Main Office, 12 Elm St, Springfield, IL 62701');
    expect(m.text).toContain('Confirm: https://ehr.example.test/portal/r/TOKEN#confirm');
    expect(m.text).toContain('Cancel:  https://ehr.example.test/portal/r/TOKEN#cancel');
    expect(m.text).toContain('at least 24 hours ahead');
    expect(m.text).toContain('call Riverbend Behavioral Health at 555-010-2000');
    expect(m.html).toContain('href="https://ehr.example.test/portal/r/TOKEN#confirm"');
    expect(m.text).not.toMatch(/[\u202f\u00a0]/);
  });

  it('a video visit says so and promises the link, with no address', () => {
    const m = reminderEmail(facts({ place: { kind: 'video' } }));
    expect(m.text).toContain("Where: Video visit. You'll receive the video link before the visit.");
    expect(reminderSms(facts({ place: { kind: 'video' } }))).toContain('(video visit)');
  });

  it('a confirmed appointment gets a reminder with only the cancel link', () => {
    const m = reminderEmail(facts({ confirmed: true }));
    expect(m.text).toContain('Thank you for confirming');
    expect(m.text).not.toContain('#confirm');
    expect(m.text).toContain('#cancel');
    expect(reminderSms(facts({ confirmed: true }))).toContain("You're confirmed. To cancel: https://ehr.example.test/portal/r/TOKEN");
  });

  it('SMS: short, GSM characters only, one link', () => {
    const s = reminderSms(facts());
    expect(s).toBe('Riverbend Behavioral Health: Hi Ana, reminder of your appointment Tue, Mar 9 at 3:00 PM EST (at Main Office). Confirm or cancel: https://ehr.example.test/portal/r/TOKEN');
    expect(s.length).toBeLessThanOrEqual(320);
    expect(s).toMatch(/^[\x20-\x7e]+$/);
  });

  it('escapes HTML in every value of the HTML part', () => {
    const m = reminderEmail(facts({ practiceName: '<b>Evil & Co</b>', firstName: '"><script>x</script>' }));
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>Evil');
    expect(m.html).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('formats an address on one line and tolerates missing parts', () => {
    expect(formatAddress({ line1: '12 Elm St', line2: 'Suite 2', city: 'Springfield', state: 'IL', postalCode: '62701' })).toBe('12 Elm St, Suite 2, Springfield, IL 62701');
    expect(formatAddress({ city: 'Springfield' })).toBe('Springfield');
    expect(formatAddress({})).toBeNull();
    expect(formatAddress(null)).toBeNull();
  });
});

describe('link tokens', () => {
  const secret = 'k'.repeat(40);
  const random = randomBytes(32).toString('base64url');
  const exp = new Date('2027-03-09T20:00:00Z');

  it('round-trips and carries the expiry', () => {
    const t = signLinkToken(secret, random, exp);
    expect(t).toMatch(/^[A-Za-z0-9_-]{72}$/);
    expect(verifyLinkToken(secret, t)).toEqual({ random, expiresAt: exp });
  });

  it('refuses a token altered anywhere, signed with another key, or malformed', () => {
    const t = signLinkToken(secret, random, exp);
    const flip = (i: number) => t.slice(0, i) + (t[i] === 'a' ? 'b' : 'a') + t.slice(i + 1);
    // In the random part, the expiry and the signature.
    for (const i of [0, 20, 42, 43, 49, 50, 71]) expect(verifyLinkToken(secret, flip(i)), `position ${i}`).toBeNull();
    const later = (Math.floor(exp.getTime() / 1000) + 86400).toString(36).padStart(7, '0');
    expect(verifyLinkToken(secret, `${t.slice(0, 43)}${later}${t.slice(50)}`)).toBeNull();
    expect(verifyLinkToken('x'.repeat(40), t)).toBeNull();
    for (const bad of ['', 'abc', `${t}x`, t.slice(1), '00000000-0000-4000-8000-0000000000aa']) expect(verifyLinkToken(secret, bad)).toBeNull();
  });
});

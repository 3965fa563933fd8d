import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  channelBlock, inQuietHours, planReminders, reminderDueAt, reminderPreferences, smsNumber,
  type PlanAppointment, type PlanRule, type RecipientFacts,
} from './plan.js';

const NY = 'America/New_York';
const EMAIL48: PlanRule = { id: 'r-email-48', channel: 'email', minutesBefore: 2880 };
const SMS24: PlanRule = { id: 'r-sms-24', channel: 'sms', minutesBefore: 1440 };
const EMAIL24: PlanRule = { id: 'r-email-24', channel: 'email', minutesBefore: 1440 };
const SMS1: PlanRule = { id: 'r-sms-1', channel: 'sms', minutesBefore: 60 };

const who = (o: Partial<RecipientFacts> = {}): RecipientFacts => ({
  patientId: 'p1', email: 'ana@example.test', smsNumber: '+15551234567', active: true, ...o,
});
const appt = (startsAt: string, o: Partial<PlanAppointment> = {}): PlanAppointment => ({
  id: 'a1', startsAt: new Date(startsAt), timeZone: NY, status: 'scheduled', recipients: [who()], ...o,
});
const at = (iso: string) => new Date(iso);
const plan = (now: string, appointments: PlanAppointment[], rules: PlanRule[] = [EMAIL48, SMS24], existing: Parameters<typeof planReminders>[0]['existing'] = []) =>
  planReminders({ now: at(now), rules, appointments, existing });
const summary = (ds: ReturnType<typeof planReminders>) => ds.map((d) => `${d.patientId}:${d.ruleId}:${d.action}${d.reason ? `:${d.reason}` : ''}`).sort();

// Tuesday 2027-03-09 15:00 in New York is 20:00 UTC (EST, before the March 14 change).
const TUE_3PM = '2027-03-09T20:00:00Z';

describe('when a reminder is due', () => {
  it('is due minutesBefore ahead of the start, not a minute earlier', () => {
    expect(reminderDueAt(at(TUE_3PM), 2880, NY)).toEqual(at('2027-03-07T20:00:00Z'));
    expect(plan('2027-03-07T19:59:00Z', [appt(TUE_3PM)])).toEqual([]);
    const ds = plan('2027-03-07T20:00:00Z', [appt(TUE_3PM)]);
    expect(ds).toEqual([{
      appointmentId: 'a1', patientId: 'p1', ruleId: EMAIL48.id, channel: 'email', dueAt: at('2027-03-07T20:00:00Z'),
      forStartsAt: at(TUE_3PM), action: 'send', reason: null,
    }]);
  });

  it('sends both channels when both are due', () => {
    expect(summary(plan('2027-03-08T20:00:00Z', [appt(TUE_3PM)], [EMAIL48, SMS24], [
      { appointmentId: 'a1', patientId: 'p1', ruleId: EMAIL48.id, forStartsAt: at(TUE_3PM) },
    ]))).toEqual(['p1:r-sms-24:send']);
  });

  it('never sends once the appointment has started, nor for appointments that no longer hold their slot', () => {
    expect(plan(TUE_3PM, [appt(TUE_3PM)])).toEqual([]);
    expect(plan('2027-03-09T20:30:00Z', [appt(TUE_3PM)])).toEqual([]);
    for (const status of ['cancelled_patient', 'late_cancel', 'cancelled_practice', 'rescheduled', 'skipped', 'checked_in', 'no_show']) {
      expect(plan('2027-03-09T15:00:00Z', [appt(TUE_3PM, { status })]), status).toEqual([]);
    }
    expect(summary(plan('2027-03-09T15:00:00Z', [appt(TUE_3PM, { status: 'confirmed' })], [SMS24]))).toEqual(['p1:r-sms-24:send']);
  });

  it('sends nothing twice: a recorded reminder for this start is done', () => {
    const existing = [EMAIL48, SMS24].map((r) => ({ appointmentId: 'a1', patientId: 'p1', ruleId: r.id, forStartsAt: at(TUE_3PM) }));
    expect(plan('2027-03-09T15:00:00Z', [appt(TUE_3PM)], [EMAIL48, SMS24], existing)).toEqual([]);
  });

  it('a moved appointment gets new reminders for its new time', () => {
    const oldStart = at('2027-03-08T20:00:00Z');
    const existing = [EMAIL48, SMS24].map((r) => ({ appointmentId: 'a1', patientId: 'p1', ruleId: r.id, forStartsAt: oldStart }));
    // Moved from Monday to Tuesday 3 pm; it is now Monday noon: the 24-hour SMS for Tuesday is not due yet,
    // the e-mail (48 h) is overdue and goes now.
    const ds = plan('2027-03-08T17:00:00Z', [appt(TUE_3PM)], [EMAIL48, SMS24], existing);
    expect(summary(ds)).toEqual(['p1:r-email-48:send']);
    expect(ds[0]!.forStartsAt).toEqual(at(TUE_3PM));
    expect(summary(plan('2027-03-08T20:00:00Z', [appt(TUE_3PM)], [EMAIL48, SMS24], [
      ...existing, { appointmentId: 'a1', patientId: 'p1', ruleId: EMAIL48.id, forStartsAt: at(TUE_3PM) },
    ]))).toEqual(['p1:r-sms-24:send']);
  });

  it('only the closest of several due rules of one channel is sent (booked at short notice)', () => {
    const ds = plan('2027-03-09T14:00:00Z', [appt(TUE_3PM)], [EMAIL48, EMAIL24, SMS24, SMS1]);
    expect(summary(ds)).toEqual(['p1:r-email-24:send', 'p1:r-email-48:skip:superseded', 'p1:r-sms-24:send']);
  });
});

describe('quiet hours (21:00 to 08:00 where the appointment is)', () => {
  it('moves a reminder that falls at night to 20:00 the evening before', () => {
    // 07:30 appointment, 1 hour before = 06:30: sent at 20:00 the evening before instead.
    expect(reminderDueAt(at('2027-03-10T12:30:00Z'), 60, NY)).toEqual(at('2027-03-10T01:00:00Z'));
    // 22:00 appointment, 30 minutes before = 21:30: 20:00 the same evening.
    expect(reminderDueAt(at('2027-03-10T03:00:00Z'), 30, NY)).toEqual(at('2027-03-10T01:00:00Z'));
    // 20:59 is still daytime: unchanged.
    expect(reminderDueAt(at('2027-03-10T02:29:00Z'), 30, NY)).toEqual(at('2027-03-10T01:59:00Z'));
    // 08:00 exactly is daytime.
    expect(reminderDueAt(at('2027-03-10T14:00:00Z'), 60, NY)).toEqual(at('2027-03-10T13:00:00Z'));
  });

  it('uses the appointment’s own zone (Berlin, summer time)', () => {
    // 2027-07-01 08:30 in Berlin (CEST, UTC+2) = 06:30Z; 60 min before = 07:30 local: night -> 20:00 on June 30.
    expect(reminderDueAt(at('2027-07-01T06:30:00Z'), 60, 'Europe/Berlin')).toEqual(at('2027-06-30T18:00:00Z'));
    expect(inQuietHours(at('2027-06-30T19:00:00Z'), 'Europe/Berlin')).toBe(true); // 21:00 CEST
    expect(inQuietHours(at('2027-06-30T18:59:00Z'), 'Europe/Berlin')).toBe(false);
  });

  it('is right across the spring daylight-saving change', () => {
    // Monday 2027-03-15 07:00 EDT (11:00Z); 24 h before = Sunday 07:00 EDT (night) -> Saturday 20:00 EST (01:00Z Sunday).
    expect(reminderDueAt(at('2027-03-15T11:00:00Z'), 1440, NY)).toEqual(at('2027-03-14T01:00:00Z'));
  });

  it('holds a due reminder during the night and sends it at 08:00', () => {
    // Booked at 23:00 for 09:30 the next morning: the 24-hour SMS is overdue, but it is night.
    const a = appt('2027-03-10T14:30:00Z');
    expect(plan('2027-03-10T04:00:00Z', [a], [SMS24])).toEqual([]);
    expect(plan('2027-03-10T12:59:00Z', [a], [SMS24])).toEqual([]);
    expect(summary(plan('2027-03-10T13:00:00Z', [a], [SMS24]))).toEqual(['p1:r-sms-24:send']);
  });

  it('property: a due time is never after start - minutesBefore, never at night, and at most 12 wall-clock hours earlier', () => {
    const zones = [NY, 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }),
        fc.integer({ min: 30, max: 20160 }),
        fc.constantFrom(...zones),
        (ms, minutes, tz) => {
          const start = new Date(Math.floor(ms / 60_000) * 60_000);
          const due = reminderDueAt(start, minutes, tz);
          const nominal = start.getTime() - minutes * 60_000;
          expect(due.getTime()).toBeLessThanOrEqual(nominal);
          // Quiet hours span 12 wall-clock hours; across an autumn clock change that night is 13 real hours.
          expect(nominal - due.getTime()).toBeLessThanOrEqual(13 * 3600_000);
          expect(inQuietHours(due, tz)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('who gets which channel', () => {
  it('respects the patient’s reminder channel and opt-out', () => {
    const now = '2027-03-09T15:00:00Z';
    expect(summary(plan(now, [appt(TUE_3PM, { recipients: [who({ reminderChannel: 'none' })] })], [EMAIL24, SMS24])))
      .toEqual(['p1:r-email-24:skip:opted_out', 'p1:r-sms-24:skip:opted_out']);
    expect(summary(plan(now, [appt(TUE_3PM, { recipients: [who({ reminderChannel: 'email' })] })], [EMAIL24, SMS24])))
      .toEqual(['p1:r-email-24:send', 'p1:r-sms-24:skip:opted_out']);
    expect(summary(plan(now, [appt(TUE_3PM, { recipients: [who({ reminderChannel: 'sms' })] })], [EMAIL24, SMS24])))
      .toEqual(['p1:r-email-24:skip:opted_out', 'p1:r-sms-24:send']);
    expect(summary(plan(now, [appt(TUE_3PM, { recipients: [who({ reminderChannel: 'both' })] })], [EMAIL24, SMS24])))
      .toEqual(['p1:r-email-24:send', 'p1:r-sms-24:send']);
  });

  it('okToText / okToEmail set to false refuse that channel; unset allows it', () => {
    expect(channelBlock(who({ okToText: false }), 'sms')).toBe('not_permitted');
    expect(channelBlock(who({ okToText: false }), 'email')).toBeNull();
    expect(channelBlock(who({ okToEmail: false }), 'email')).toBe('not_permitted');
    expect(channelBlock(who({ okToText: true, okToEmail: true }), 'sms')).toBeNull();
    expect(channelBlock(who(), 'email')).toBeNull();
  });

  it('no address for a channel is a skip with reason no_address; a discharged patient gets nothing', () => {
    expect(summary(plan('2027-03-09T15:00:00Z', [appt(TUE_3PM, { recipients: [who({ email: null, smsNumber: null })] })], [EMAIL24, SMS24])))
      .toEqual(['p1:r-email-24:skip:no_address', 'p1:r-sms-24:skip:no_address']);
    expect(channelBlock(who({ active: false }), 'email')).toBe('patient_inactive');
  });

  it('skips are recorded even at night (nothing is sent), sends wait for the morning', () => {
    const a = appt('2027-03-10T14:30:00Z', { recipients: [who({ reminderChannel: 'email' })] });
    expect(summary(plan('2027-03-10T04:00:00Z', [a], [EMAIL24, SMS24]))).toEqual(['p1:r-sms-24:skip:opted_out']);
  });

  it('reminds each enrolled member of a group appointment on their own terms', () => {
    const group = appt(TUE_3PM, {
      recipients: [who({ patientId: 'm1' }), who({ patientId: 'm2', reminderChannel: 'none' }), who({ patientId: 'm3', smsNumber: null })],
    });
    expect(summary(plan('2027-03-09T15:00:00Z', [group], [EMAIL24, SMS24]))).toEqual([
      'm1:r-email-24:send', 'm1:r-sms-24:send',
      'm2:r-email-24:skip:opted_out', 'm2:r-sms-24:skip:opted_out',
      'm3:r-email-24:send', 'm3:r-sms-24:skip:no_address',
    ]);
    // m1 was reminded already: only the others are decided.
    const existing = [EMAIL24, SMS24].map((r) => ({ appointmentId: 'a1', patientId: 'm1', ruleId: r.id, forStartsAt: at(TUE_3PM) }));
    expect(summary(plan('2027-03-09T15:00:00Z', [group], [EMAIL24, SMS24], existing)).filter((s) => s.startsWith('m1'))).toEqual([]);
  });
});

describe('contact details', () => {
  it.each([
    ['(555) 234-5678', '+15552345678'],
    ['555.234.5678', '+15552345678'],
    ['1-555-234-5678', '+15552345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (555) 234-5678', '+15552345678'],
    ['123-4567', null],
    ['055 234 5678', null],
    ['+0123456789', null],
    ['', null],
    [null, null],
  ])('smsNumber(%j) = %j', (input, expected) => {
    expect(smsNumber(input)).toBe(expected);
  });

  it('reads reminder preferences from stored contact preferences, ignoring anything unexpected', () => {
    expect(reminderPreferences({ okToText: true, okToEmail: false, reminderChannel: 'sms', notes: 'x' })).toEqual({ reminderChannel: 'sms', okToText: true, okToEmail: false });
    expect(reminderPreferences({ okToText: 'yes', reminderChannel: 'pigeon' })).toEqual({ reminderChannel: undefined, okToText: undefined, okToEmail: undefined });
    expect(reminderPreferences(null)).toEqual({ reminderChannel: undefined, okToText: undefined, okToEmail: undefined });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStaff, signedIn } from './builders.js';
import { newId } from '../src/platform/ids.js';
import { dispatchDueReminders } from '../src/modules/reminders/index.js';
import { insertReminders } from '../src/modules/reminders/reminders.repo.js';
import { runJobsOnce } from '../src/platform/jobs/worker.js';
import { jobHandlers } from '../src/jobs.js';
import { createLogger } from '../src/platform/logger.js';
import { sandboxSms } from '../src/modules/reminders/sms/sandbox-sms.js';
import { anAppointment, lastTo, reminderWorld, tokenIn, typeId, type ReminderWorld } from './reminders-support.js';

// The dispatcher's decisions against a real database: quiet hours, preferences, group members, several
// dispatchers at once, delivery failures; and the reminder rules an admin keeps.

describe('reminder dispatch', () => {
  let w: ReminderWorld;
  const reminders = async (appointmentId: string) =>
    (await w.t.db.query<{ patient_id: string; channel: string; status: string; skip_reason: string | null }>(
      'SELECT patient_id, channel, status, skip_reason FROM reminders WHERE appointment_id = $1 ORDER BY patient_id, channel', [appointmentId],
    )).rows;

  beforeAll(async () => {
    w = await reminderWorld({ now: new Date('2027-03-01T15:00:00Z') });
  });
  afterAll(() => w.close());

  it('keeps the night quiet: a reminder due at night goes at 20:00 the evening before, an overdue one waits for 08:00', async () => {
    // Thursday 2027-03-04 07:30 EST. E-mail (48 h) falls Tuesday 07:30 -> Monday 20:00; SMS (24 h) Wednesday 07:30 -> Tuesday 20:00.
    const p = await w.patient();
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-03-04T12:30:00Z') });
    w.t.clock.set(new Date('2027-03-02T00:59:00Z')); // Monday 19:59
    expect((await w.runDue()).queued).toBe(0);
    w.t.clock.set(new Date('2027-03-02T01:00:00Z')); // Monday 20:00
    expect((await w.runDue()).queued).toBe(1);
    await w.drain();
    expect(w.smtp.to(p.email)).toHaveLength(1);
    // The dispatcher was down on Tuesday evening: at 23:00 the SMS is overdue but it is night; it goes at 08:00.
    w.t.clock.set(new Date('2027-03-03T04:00:00Z'));
    expect((await w.runDue()).queued).toBe(0);
    w.t.clock.set(new Date('2027-03-03T12:59:00Z'));
    expect((await w.runDue()).queued).toBe(0);
    w.t.clock.set(new Date('2027-03-03T13:00:00Z'));
    expect((await w.runDue()).queued).toBe(1);
    await w.drain();
    expect((await reminders(id)).map((r) => [r.channel, r.status])).toEqual([['email', 'sent'], ['sms', 'sent']]);
  });

  it('respects opt-out, okToText / okToEmail and missing addresses, recording why nothing was sent', async () => {
    w.t.clock.set(new Date('2027-03-08T18:00:00Z')); // Monday 13:00
    const startsAt = new Date('2027-03-09T14:00:00Z'); // Tuesday 09:00 to 12:00: both rules due for all four
    const cases = [
      { prefs: { reminderChannel: 'none' as const }, expect: [['email', 'skipped', 'opted_out'], ['sms', 'skipped', 'opted_out']] },
      { prefs: { reminderChannel: 'sms' as const, okToText: true }, expect: [['email', 'skipped', 'opted_out'], ['sms', 'pending', null]] },
      { prefs: { okToEmail: false, okToText: false }, expect: [['email', 'skipped', 'not_permitted'], ['sms', 'skipped', 'not_permitted']] },
      { prefs: { okToEmail: true, okToText: true }, phone: '123', email: '', expect: [['email', 'skipped', 'no_address'], ['sms', 'skipped', 'no_address']] },
    ];
    const ids: string[] = [];
    for (const c of cases) {
      const p = await w.patient({ contactPreferences: c.prefs, ...(c.phone ? { phone: c.phone } : {}) });
      if (c.email === '') await w.t.db.query('UPDATE patients SET email = NULL WHERE id = $1', [p.id]);
      ids.push(await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date(startsAt.getTime() + ids.length * 3600_000) }));
    }
    const r = await w.runDue();
    expect(r).toMatchObject({ queued: 1, skipped: 7 });
    for (const [i, c] of cases.entries()) {
      expect((await reminders(ids[i]!)).map((x) => [x.channel, x.status, x.skip_reason]), JSON.stringify(c.prefs)).toEqual(c.expect);
    }
    await w.drain();
    expect((await reminders(ids[1]!))[1]!.status).toBe('sent');
  });

  it('reminds each member on a group session’s roster, and a member confirms for themselves', async () => {
    w.t.clock.set(new Date('2027-03-15T14:00:00Z')); // Monday 10:00 EDT
    const startsAt = new Date('2027-03-16T22:00:00Z'); // Tuesday 18:00 EDT
    const groupId = newId();
    await w.t.db.query('INSERT INTO groups(id, name, appointment_type_id, location_id, capacity) VALUES ($1,$2,$3,$4,8)', [groupId, 'DBT skills', await typeId(w.t.db, 'group'), w.locationId]);
    const member = await w.patient({ contactPreferences: { okToEmail: true, reminderChannel: 'email' } });
    const optedOut = await w.patient({ contactPreferences: { reminderChannel: 'none' } });
    const cancelled = await w.patient();
    const discharged = await w.patient();
    const later = await w.patient();
    const enrol = (p: { id: string }, from: string, to: string | null = null) =>
      w.t.db.query('INSERT INTO group_members(id, group_id, patient_id, enrolled_on, discharged_on) VALUES ($1,$2,$3,$4,$5)', [newId(), groupId, p.id, from, to]);
    await enrol(member, '2027-01-05');
    await enrol(optedOut, '2027-01-05');
    await enrol(cancelled, '2027-01-05');
    await enrol(discharged, '2027-01-05', '2027-03-09');
    await enrol(later, '2027-03-23');
    const id = await anAppointment(w.t.db, { groupId, clinicianId: w.clinicianId, locationId: w.locationId, startsAt, minutes: 90 });
    await w.t.db.query(`INSERT INTO group_attendance(appointment_id, patient_id, status) VALUES ($1, $2, 'cancelled_patient')`, [id, cancelled.id]);

    await w.runDue();
    await w.drain();
    const rows = await reminders(id);
    expect(new Set(rows.map((r) => r.patient_id))).toEqual(new Set([member.id, optedOut.id]));
    expect(rows.filter((r) => r.status === 'sent').map((r) => [r.patient_id, r.channel])).toEqual([[member.id, 'email']]);
    const m = lastTo(w.smtp, member.email)!;
    expect(m.text).toContain('Tuesday, March 16, 2027 at 6:00 PM EDT');
    expect(m.text).not.toContain('DBT');
    for (const p of [optedOut, cancelled, discharged, later]) expect(w.smtp.to(p.email)).toHaveLength(0);

    const r = await w.t.app.inject({ method: 'POST', url: `/api/public/appointment-links/${tokenIn(m.text)}/confirm`, remoteAddress: '192.0.2.10' });
    expect(r.statusCode).toBe(200);
    expect(r.json().appointment.state).toBe('confirmed');
    const att = (await w.t.db.query<{ patient_id: string; status: string }>('SELECT patient_id, status FROM group_attendance WHERE appointment_id = $1 ORDER BY status', [id])).rows;
    expect(att).toEqual([{ patient_id: cancelled.id, status: 'cancelled_patient' }, { patient_id: member.id, status: 'confirmed' }]);
    // The session itself is unchanged: one member's answer does not touch the others.
    expect((await w.t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id])).rows[0]!.status).toBe('scheduled');
  });

  it('queues each reminder once when dispatchers run at the same time, and a decision is never recorded twice', async () => {
    w.t.clock.set(new Date('2027-04-05T14:00:00Z'));
    const p = await w.patient({ contactPreferences: { okToEmail: true, reminderChannel: 'email' } });
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-04-06T19:00:00Z') });
    const deps = { db: w.t.db, clock: w.t.clock };
    const results = await Promise.all([dispatchDueReminders(deps), dispatchDueReminders(deps), dispatchDueReminders(deps)]);
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(1);
    const jobs = (await w.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'reminder.email' AND payload->>'reminderId' IN (SELECT id::text FROM reminders WHERE appointment_id = $1)`, [id])).rows[0]!.n;
    expect(jobs).toBe(1);
    // The same decision inserted again (a process that planned from a stale read) is ignored.
    const rule = (await w.t.db.query<{ id: string }>(`SELECT id FROM reminder_rules WHERE channel = 'email' AND minutes_before = 2880`)).rows[0]!;
    const dup = { id: newId(), appointmentId: id, patientId: p.id, ruleId: rule.id, channel: 'email' as const, dueAt: new Date(), forStartsAt: new Date('2027-04-06T19:00:00Z'), action: 'send' as const, reason: null };
    expect(await w.t.db.tx((q) => insertReminders(q, [dup]))).toEqual([]);
    await w.drain();
    expect(w.smtp.to(p.email)).toHaveLength(1);
  });

  it('a reminder whose delivery keeps failing ends as failed, and its unused link is removed', async () => {
    w.t.clock.set(new Date('2027-05-03T14:00:00Z'));
    const p = await w.patient({ contactPreferences: { okToEmail: true, reminderChannel: 'email' } });
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-05-04T19:00:00Z') });
    expect((await w.runDue()).queued).toBe(1);
    await w.t.db.query(`UPDATE jobs SET max_attempts = 1 WHERE kind = 'reminder.email' AND status = 'pending'`);
    const failing = jobHandlers({
      mailer: { send: () => Promise.reject(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' })) },
      reminders: { db: w.t.db, clock: w.t.clock, config: w.t.config, sms: sandboxSms(w.t.db) },
    });
    await runJobsOnce(w.t.db, failing, createLogger('silent'));
    const job = (await w.t.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM jobs WHERE kind = 'reminder.email' ORDER BY created_at DESC LIMIT 1`)).rows[0]!;
    expect(job).toEqual({ status: 'failed', last_error: 'Error: ECONNREFUSED' });
    expect((await w.t.db.query('SELECT 1 FROM appointment_links WHERE appointment_id = $1', [id])).rows).toHaveLength(0);
    await w.runDue();
    expect(await reminders(id)).toEqual([expect.objectContaining({ channel: 'email', status: 'failed', skip_reason: 'delivery_failed' })]);
  });
});

describe('reminder rules', () => {
  let w: ReminderWorld;
  beforeAll(async () => {
    w = await reminderWorld({ now: new Date() });
  });
  afterAll(() => w.close());

  it('lists the two default rules; the front desk may read them but not change them', async () => {
    const fd = await signedIn(w.t, await aStaff(w.t.db, { roles: ['front_desk'] }));
    const r = await fd.get('/api/reminder-rules');
    expect(r.statusCode).toBe(200);
    expect(r.json().map((x: { channel: string; minutesBefore: number; active: boolean }) => [x.channel, x.minutesBefore, x.active])).toEqual([['email', 2880, true], ['sms', 1440, true]]);
    expect((await fd.post('/api/reminder-rules', { channel: 'sms', minutesBefore: 120 })).statusCode).toBe(403);
    const settings = await fd.get('/api/reminders/settings');
    expect(settings.json()).toEqual({ smsProvider: 'sandbox', quietFrom: '21:00', quietUntil: '08:00', eveningSendAt: '20:00', intervalSeconds: 60 });
    // The SMS sandbox holds patients' numbers: admins only.
    expect((await fd.get('/api/reminders/sms-sandbox')).statusCode).toBe(403);
  });

  it('adds, changes, refuses duplicates and bad timings, and deletes a rule while its reminders stay as history', async () => {
    const add = await w.admin.post('/api/reminder-rules', { channel: 'sms', minutesBefore: 120 });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ channel: 'sms', minutesBefore: 120, active: true });
    const id = add.json().id;
    const dup = await w.admin.post('/api/reminder-rules', { channel: 'sms', minutesBefore: 1440 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ field: 'minutesBefore', message: expect.any(String) }]);
    for (const [body, field] of [[{ channel: 'sms', minutesBefore: 10 }, 'minutesBefore'], [{ channel: 'fax', minutesBefore: 60 }, 'channel'], [{ channel: 'sms', minutesBefore: 90.5 }, 'minutesBefore'], [{ channel: 'sms', minutesBefore: 30000 }, 'minutesBefore']] as const) {
      const bad = await w.admin.post('/api/reminder-rules', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const off = await w.admin.patch(`/api/reminder-rules/${id}`, { active: false, minutesBefore: 180 });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id, channel: 'sms', minutesBefore: 180, active: false });
    expect((await w.admin.patch(`/api/reminder-rules/${id}`, { channel: 'email', minutesBefore: 2880 })).statusCode).toBe(409);

    // A reminder made by the rule keeps its channel after the rule is deleted.
    const p = await w.patient();
    const appt = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date(Date.now() + 86400_000 * 30) });
    await w.t.db.query(`INSERT INTO reminders(id, appointment_id, patient_id, rule_id, channel, due_at, status, for_starts_at) SELECT $1, $2, $3, $4, 'sms', now(), 'sent', starts_at FROM appointments WHERE id = $2`, [newId(), appt, p.id, id]);
    expect((await w.admin.delete(`/api/reminder-rules/${id}`)).statusCode).toBe(200);
    expect((await w.admin.delete(`/api/reminder-rules/${id}`)).statusCode).toBe(404);
    const kept = (await w.t.db.query<{ rule_id: string | null; channel: string }>('SELECT rule_id, channel FROM reminders WHERE appointment_id = $1', [appt])).rows;
    expect(kept).toEqual([{ rule_id: null, channel: 'sms' }]);
    const audit = (await w.t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY arrival`, [id])).rows.map((x) => x.action);
    expect(audit).toEqual(['reminder_rule.create', 'reminder_rule.update', 'reminder_rule.delete']);
  });
});

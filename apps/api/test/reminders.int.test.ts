import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmationSql } from '../src/modules/reminders/index.js';
import { anAppointment, lastTo, reminderWorld, tokenIn, type ReminderWorld } from './reminders-support.js';

// Reminders end to end: the dispatcher queues a reminder in the outbox, the real worker handlers send
// it with the real SMTP mailer to a real SMTP server on loopback (or to the SMS sandbox), and the link
// in the delivered message confirms or cancels through the public routes without signing in.

// Monday 2027-03-08 10:00 in New York (EST); the appointment is Tuesday 15:00, 29 hours ahead.
const MON_10AM = new Date('2027-03-08T15:00:00Z');
const TUE_3PM = new Date('2027-03-09T20:00:00Z');

describe('reminders over SMTP and the SMS sandbox, confirmed through their links', () => {
  let w: ReminderWorld;
  let ip = 0;
  const from = () => `198.51.100.${++ip}`;
  const view = (token: string) => w.t.app.inject({ method: 'GET', url: `/api/public/appointment-links/${token}`, remoteAddress: from() });
  const act = (token: string, action: 'confirm' | 'cancel') =>
    w.t.app.inject({ method: 'POST', url: `/api/public/appointment-links/${token}/${action}`, remoteAddress: from() });
  const confirmation = async (id: string) =>
    (await w.t.db.query<{ c: string }>(`SELECT ${confirmationSql('x')} AS c FROM appointments x WHERE x.id = $1`, [id])).rows[0]!.c;
  const appointmentRow = async (id: string) =>
    (await w.t.db.query<{ status: string; fee_cents: number | null; version: number }>('SELECT status, fee_cents, version FROM appointments WHERE id = $1', [id])).rows[0]!;

  beforeAll(async () => {
    w = await reminderWorld({ now: MON_10AM });
  });
  afterAll(() => w.close());

  it('e-mails the 48-hour reminder; its link confirms the appointment once; the SMS follows at 24 hours', async () => {
    const p = await w.patient({ legalFirstName: 'Ana', preferredName: 'Annie' });
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: TUE_3PM, typeCode: 'psych-eval' });
    expect(await confirmation(id)).toBe('none');

    // The 48-hour e-mail is overdue (booked 29 hours ahead); the 24-hour SMS is not due until 15:00 today.
    expect(await w.runDue()).toEqual({ appointments: 1, queued: 1, skipped: 0 });
    // Nothing is sent before the worker runs; a second pass queues nothing new.
    expect(w.smtp.to(p.email)).toHaveLength(0);
    expect((await w.runDue()).queued).toBe(0);
    await w.drain();

    const m = lastTo(w.smtp, p.email)!;
    expect(m.mailFrom).toBe('no-reply@hearth.test');
    expect(m.subject).toBe('Appointment reminder from Riverbend Behavioral Health');
    expect(m.text).toContain('Hello Annie,');
    expect(m.text).toContain('When:  Tuesday, March 9, 2027 at 3:00 PM EST');
    expect(m.text).toContain('Where: Main Office, 12 Elm St, Springfield, IL 62701');
    expect(m.text).toContain('call Riverbend Behavioral Health at 555-010-2000');
    // Nothing clinical: not the type ("Psychiatric evaluation"), not the clinician, not the last name.
    expect(m.text).not.toMatch(/psychiatric|evaluation|therap/i);
    expect(m.text).not.toContain('Test Person');
    expect(m.text).not.toContain('Tester');
    expect(m.raw.html).toContain('Confirm');
    const token = tokenIn(m.text);
    expect(m.text).toContain(`/portal/r/${token}#confirm`);
    expect(m.text).toContain(`/portal/r/${token}#cancel`);

    // Recorded: the reminder is sent, the history has it, the front desk sees "reminded", and it is audited.
    const rem = (await w.t.db.query<{ channel: string; status: string; sent_at: Date | null }>('SELECT channel, status, sent_at FROM reminders WHERE appointment_id = $1', [id])).rows;
    expect(rem).toEqual([{ channel: 'email', status: 'sent', sent_at: MON_10AM }]);
    expect(await confirmation(id)).toBe('reminded');
    const sentAudit = (await w.t.db.query<{ actor_kind: string; patient_id: string; detail: Record<string, unknown> }>(`SELECT actor_kind, patient_id, detail FROM audit_events WHERE action = 'reminder.sent' AND resource_id = $1`, [id])).rows;
    expect(sentAudit).toEqual([{ actor_kind: 'system', patient_id: p.id, detail: expect.objectContaining({ channel: 'email', provider: 'smtp' }) }]);
    // Only the token's hash is stored.
    const links = (await w.t.db.query<{ token_hash: string }>('SELECT token_hash FROM appointment_links WHERE appointment_id = $1', [id])).rows;
    expect(links).toHaveLength(1);
    expect(token).not.toContain(links[0]!.token_hash);

    // The page: practice, date, local time, place; nothing clinical, no name.
    const page = await view(token);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      practice: { name: 'Riverbend Behavioral Health', phone: '555-010-2000' },
      appointment: { start: '2027-03-09T15:00', dateText: 'Tuesday, March 9, 2027', timeText: '3:00 PM EST', durationMinutes: 53, place: { kind: 'in_person', name: 'Main Office' }, state: 'scheduled' },
      link: { state: 'open', usedFor: null }, canConfirm: true, canCancel: true, cancelIsLate: false, lateCancelWindowHours: 24,
    });
    expect(page.body).not.toMatch(/\bAnnie\b|\bAna\b|Tester|Test Person/);
    expect(page.body).not.toMatch(/psychiatric|evaluation/i);

    const ok = await act(token, 'confirm');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ appointment: { state: 'confirmed' }, link: { state: 'used', usedFor: 'confirm' }, canConfirm: false, canCancel: false });
    expect((await appointmentRow(id)).status).toBe('confirmed');
    expect(await confirmation(id)).toBe('confirmed');
    const ev = (await w.t.db.query<{ kind: string; from_status: string; to_status: string; actor_id: string | null }>(`SELECT kind, from_status, to_status, actor_id FROM appointment_events WHERE appointment_id = $1 ORDER BY at, kind`, [id])).rows;
    expect(ev).toEqual([
      { kind: 'confirmed_by_patient', from_status: 'scheduled', to_status: 'confirmed', actor_id: null },
      { kind: 'reminder', from_status: null, to_status: null, actor_id: null },
    ]);
    const audit = (await w.t.db.query<{ actor_kind: string; client_ip: string }>(`SELECT actor_kind, client_ip FROM audit_events WHERE action = 'appointment.confirmed_by_patient' AND resource_id = $1`, [id])).rows;
    expect(audit).toEqual([{ actor_kind: 'anonymous', client_ip: expect.stringMatching(/^198\.51\.100\./) }]);

    // Single use: a second confirm, or a cancel with the same link, is 410 Gone and changes nothing.
    for (const a of ['confirm', 'cancel'] as const) {
      const again = await act(token, a);
      expect(again.statusCode).toBe(410);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(again.json()).toMatchObject({ code: 'gone', reason: 'used', usedFor: 'confirm' });
    }
    expect((await appointmentRow(id)).status).toBe('confirmed');
    // The page still opens and says the link was used.
    expect((await view(token)).json()).toMatchObject({ link: { state: 'used', usedFor: 'confirm' }, appointment: { state: 'confirmed' } });

    // 15:00: the 24-hour SMS goes to the sandbox, worded for a confirmed appointment, with its own link.
    w.t.clock.set(new Date('2027-03-08T20:00:00Z'));
    expect(await w.runDue()).toMatchObject({ queued: 1 });
    await w.drain();
    const sms = (await w.t.db.query<{ to_phone: string; body: string }>('SELECT to_phone, body FROM sms_sandbox_messages ORDER BY created_at DESC LIMIT 1')).rows[0]!;
    expect(sms.to_phone).toBe('+15552345678');
    expect(sms.body).toMatch(/^Riverbend Behavioral Health: Hi Annie, reminder of your appointment Tue, Mar 9 at 3:00 PM EST \(at Main Office\)\. You're confirmed\. To cancel: https:\/\/ehr\.example\.test\/portal\/r\//);
    const smsToken = tokenIn(sms.body);
    expect(smsToken).not.toBe(token);
    expect((await view(smsToken)).json()).toMatchObject({ link: { state: 'open' }, canConfirm: false, canCancel: true });
    // The admin's SMS sandbox page lists it, saying which provider is in use.
    const box = await w.admin.get('/api/reminders/sms-sandbox');
    expect(box.statusCode).toBe(200);
    expect(box.json().provider).toBe('sandbox');
    expect(box.json().messages[0]).toMatchObject({ to: '+15552345678', body: sms.body });
  });

  it('refuses altered, unknown and expired links: 404, 404, 410', async () => {
    w.t.clock.set(new Date('2027-04-05T14:00:00Z'));
    const p = await w.patient();
    const startsAt = new Date('2027-04-06T18:00:00Z');
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt, telehealth: true });
    await w.runDue();
    await w.drain();
    const m = lastTo(w.smtp, p.email)!;
    expect(m.text).toContain("Where: Video visit. You'll receive the video link before the visit.");
    const token = tokenIn(m.text);
    expect((await view(token)).json().appointment.place).toEqual({ kind: 'video' });

    expect(token).toMatch(/^[A-Za-z0-9_-]{72}$/);
    const swap = (i: number) => token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
    const later = (parseInt(token.slice(43, 50), 36) + 3600).toString(36).padStart(7, '0');
    // Altered randomness, a later expiry, an altered signature.
    const tampered = [swap(10), `${token.slice(0, 43)}${later}${token.slice(50)}`, swap(60)];
    for (const bad of [...tampered, 'x'.repeat(43), '00000000-0000-4000-8000-0000000000aa']) {
      for (const r of [await view(bad), await act(bad, 'confirm'), await act(bad, 'cancel')]) {
        expect(r.statusCode, bad).toBe(404);
        expect(r.json().code).toBe('not_found');
      }
    }
    // A well-signed token whose row does not exist (made with the server's key) is 404 too.
    await w.t.db.query('DELETE FROM appointment_links WHERE appointment_id = $1', [id]);
    expect((await view(token)).statusCode).toBe(404);

    // Expired: the link lives until the appointment starts.
    const p2 = await w.patient();
    const id2 = await anAppointment(w.t.db, { patientId: p2.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-04-06T20:00:00Z') });
    await w.runDue();
    await w.drain();
    const token2 = tokenIn(lastTo(w.smtp, p2.email)!.text);
    expect((await view(token2)).statusCode).toBe(200);
    w.t.clock.set(new Date('2027-04-06T20:00:00Z'));
    for (const r of [await view(token2), await act(token2, 'confirm'), await act(token2, 'cancel')]) {
      expect(r.statusCode).toBe(410);
      expect(r.json()).toMatchObject({ code: 'gone', reason: 'expired' });
    }
    expect((await appointmentRow(id2)).status).toBe('scheduled');
    const refused = (await w.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'appointment_link.refused' AND detail->>'reason' = 'expired'`)).rows[0]!.n;
    expect(refused).toBe(3);
  });

  it('cancels through the link: cancelled by the patient ahead of the window, a late cancel with the practice fee inside it', async () => {
    w.t.clock.set(new Date('2027-05-03T14:00:00Z')); // Monday 10:00 EDT
    await w.t.db.query('UPDATE practice SET late_cancel_fee_cents = 4000');
    const early = await w.patient();
    const late = await w.patient();
    const earlyId = await anAppointment(w.t.db, { patientId: early.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-05-04T19:00:00Z') });
    const lateId = await anAppointment(w.t.db, { patientId: late.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-05-03T21:00:00Z') });
    await w.runDue();
    await w.drain();
    const earlyToken = tokenIn(lastTo(w.smtp, early.email)!.text);
    const lateToken = tokenIn(lastTo(w.smtp, late.email)!.text);
    expect((await view(lateToken)).json()).toMatchObject({ cancelIsLate: true, canCancel: true });

    const e = await act(earlyToken, 'cancel');
    expect(e.statusCode).toBe(200);
    expect(e.json()).toMatchObject({ appointment: { state: 'cancelled' }, link: { usedFor: 'cancel' }, canConfirm: false, canCancel: false });
    expect(await appointmentRow(earlyId)).toMatchObject({ status: 'cancelled_patient', fee_cents: null });

    const l = await act(lateToken, 'cancel');
    expect(l.statusCode).toBe(200);
    expect(await appointmentRow(lateId)).toMatchObject({ status: 'late_cancel', fee_cents: 4000 });
    const ev = (await w.t.db.query<{ kind: string; to_status: string; reason: string }>(`SELECT kind, to_status, reason FROM appointment_events WHERE appointment_id = $1 AND kind <> 'reminder' ORDER BY kind`, [lateId])).rows;
    expect(ev.map((x) => [x.kind, x.to_status])).toEqual([['cancelled_by_patient_link', 'late_cancel'], ['fee', 'late_cancel']]);
    expect(ev[0]!.reason).toMatch(/late-cancel window/);
    expect((await w.t.db.query(`SELECT 1 FROM audit_events WHERE action = 'appointment.cancelled_by_patient' AND resource_id = $1 AND actor_kind = 'anonymous'`, [lateId])).rows).toHaveLength(1);
    // A cancelled appointment gets no more reminders (the early one's 24-hour SMS would be due by now).
    const count = async () => (await w.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reminders WHERE appointment_id IN ($1, $2)', [earlyId, lateId])).rows[0]!.n;
    const before = await count();
    w.t.clock.set(new Date('2027-05-03T19:30:00Z'));
    await w.runDue();
    expect(await count()).toBe(before);
  });

  it('a moved appointment gets a new reminder for its new time; the old time’s reminder no longer counts', async () => {
    w.t.clock.set(new Date('2027-06-07T14:00:00Z')); // Monday 10:00 EDT
    const p = await w.patient({ contactPreferences: { okToEmail: true, reminderChannel: 'email' } });
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-06-08T19:00:00Z') });
    await w.runDue();
    await w.drain();
    expect(w.smtp.to(p.email)).toHaveLength(1);
    expect(await confirmation(id)).toBe('reminded');
    // Moved to Wednesday 16:00 (as the core's move does: new start, a confirmation reset).
    await w.t.db.query(`UPDATE appointments SET starts_at = '2027-06-09T20:00:00Z', ends_at = '2027-06-09T20:53:00Z', moved = true WHERE id = $1`, [id]);
    expect(await confirmation(id)).toBe('none');
    // Its 48-hour e-mail is due at 16:00 today.
    await w.runDue();
    expect(w.smtp.to(p.email)).toHaveLength(1);
    w.t.clock.set(new Date('2027-06-07T20:00:00Z'));
    await w.runDue();
    await w.drain();
    const mails = w.smtp.to(p.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('Wednesday, June 9, 2027 at 4:00 PM EDT');
    expect(await confirmation(id)).toBe('reminded');
    const rows = (await w.t.db.query<{ for_starts_at: Date; status: string }>('SELECT for_starts_at, status FROM reminders WHERE appointment_id = $1 AND channel = $2 ORDER BY for_starts_at', [id, 'email'])).rows;
    expect(rows.map((r) => [r.for_starts_at.toISOString(), r.status])).toEqual([['2027-06-08T19:00:00.000Z', 'sent'], ['2027-06-09T20:00:00.000Z', 'sent']]);
    // The first e-mail's link shows the appointment as it is now.
    expect((await view(tokenIn(mails[0]!.text))).json().appointment.timeText).toBe('4:00 PM EDT');
  });

  it('a reminder queued for an appointment cancelled before delivery is skipped, not sent', async () => {
    w.t.clock.set(new Date('2027-07-05T14:00:00Z'));
    const p = await w.patient();
    const id = await anAppointment(w.t.db, { patientId: p.id, clinicianId: w.clinicianId, locationId: w.locationId, startsAt: new Date('2027-07-06T19:00:00Z') });
    expect((await w.runDue()).queued).toBe(1);
    await w.t.db.query(`UPDATE appointments SET status = 'cancelled_practice' WHERE id = $1`, [id]);
    await w.drain();
    expect(w.smtp.to(p.email)).toHaveLength(0);
    const r = (await w.t.db.query<{ status: string; skip_reason: string }>('SELECT status, skip_reason FROM reminders WHERE appointment_id = $1', [id])).rows;
    expect(r).toEqual([{ status: 'skipped', skip_reason: 'appointment_changed' }]);
    expect((await w.t.db.query('SELECT 1 FROM appointment_links WHERE appointment_id = $1', [id])).rows).toHaveLength(0);
  });

  it('throttles the public link routes per address (429 past the limit)', async () => {
    const addr = '203.0.113.77';
    const hit = () => w.t.app.inject({ method: 'GET', url: `/api/public/appointment-links/${'x'.repeat(43)}`, remoteAddress: addr });
    for (let i = 0; i < 60; i++) expect((await hit()).statusCode).toBe(404);
    const r = await hit();
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('rate_limited');
    // Another address is not affected; the window passes.
    expect((await view('x'.repeat(43))).statusCode).toBe(404);
    w.t.clock.advance(601_000);
    expect((await hit()).statusCode).toBe(404);
  });
});

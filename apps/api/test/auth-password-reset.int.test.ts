import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, testApp, type TestApp } from './harness.js';
import { aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { startSmtpSink, type SmtpSink, type SinkMessage } from './smtp-sink.js';
import { runJobsOnce } from '../src/platform/jobs/worker.js';
import { jobHandlers } from '../src/jobs.js';
import { smtpMailer } from '../src/platform/mail/mailer.js';
import { createLogger } from '../src/platform/logger.js';

// Password reset and staff invitations end to end: the request queues an e-mail in the outbox,
// the real worker sends it with the real SMTP mailer to a real SMTP server on loopback, and the
// link in the delivered message completes the flow.
const FROM = 'Hearth <no-reply@hearth.test>';
const NEW_PASSWORD = 'a brand new passphrase 42';

describe('password reset and invitations over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let handlers: ReturnType<typeof jobHandlers>;
  const log = createLogger('silent');
  let ipN = 0;

  beforeAll(async () => {
    [t, smtp] = await Promise.all([testApp({ config: { PUBLIC_URL: 'https://ehr.example.test' } }), startSmtpSink()]);
    await aPractice(t.db);
    handlers = jobHandlers({ mailer: smtpMailer(smtp.url, FROM) });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  // Reset requests are throttled per hour: start each test in a fresh window.
  beforeEach(() => t.clock.advance(3600_000 + 1000));

  /** Runs the outbox until it is empty. */
  async function drainOutbox() {
    while ((await runJobsOnce(t.db, handlers, log)) > 0) {
      /* drain */
    }
  }

  const requestReset = (email: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email }, remoteAddress: `192.0.2.${++ipN}` });
  const complete = (token: string, newPassword = NEW_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, newPassword } });
  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: '192.0.2.250' });

  function tokenFrom(m: SinkMessage): string {
    // Resets link to /reset-password, invitations to /set-password (or the same page).
    const link = /https:\/\/ehr\.example\.test\/(?:reset|set)-password#token=([A-Za-z0-9_-]+)/.exec(m.text);
    if (!link) throw new Error(`no reset link in: ${m.text}`);
    return link[1]!;
  }

  /** Requests a reset for s and returns the token from the delivered e-mail. */
  async function resetTokenFor(s: StaffFixture): Promise<string> {
    const r = await requestReset(s.email);
    expect(r.statusCode).toBe(202);
    await drainOutbox();
    const mails = smtp.to(s.email);
    return tokenFrom(mails[mails.length - 1]!);
  }

  it('e-mails a reset link that sets a new password', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const r = await requestReset(s.email);
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ accepted: true });
    // Nothing is sent before the transaction commits and the worker runs.
    expect(smtp.to(s.email)).toHaveLength(0);
    await drainOutbox();

    const m = await smtp.waitFor((x) => x.rcptTo.includes(s.email));
    expect(m.mailFrom).toBe('no-reply@hearth.test');
    expect(m.subject).toMatch(/reset/i);
    expect(m.text).toContain('30 minutes');
    const token = tokenFrom(m);
    expect(token.length).toBeGreaterThanOrEqual(40);
    // The token travels in the fragment, never in a query string the server would log.
    expect(m.text).not.toMatch(/[?&]token=/);
    // Only its hash is stored.
    const stored = (await t.db.query<{ token_hash: string }>('SELECT token_hash FROM password_reset_tokens WHERE user_id = $1', [s.id])).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);
    const job = (await t.db.query<{ status: string; payload: unknown }>(`SELECT status, payload FROM jobs WHERE kind = 'email.send' ORDER BY created_at DESC LIMIT 1`)).rows[0];
    expect(job?.status).toBe('done');

    expect((await complete(token)).statusCode).toBe(200);
    expect((await signIn(s.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(s.email, s.password)).statusCode).toBe(401);
    const audit = (await t.db.query<{ actor_id: string; outcome: string }>(`SELECT actor_id, outcome FROM audit_events WHERE action = 'auth.password_reset' ORDER BY arrival DESC LIMIT 1`)).rows[0];
    expect(audit).toEqual({ actor_id: s.id, outcome: 'success' });
  });

  it('answers 202 for an unknown e-mail too, and sends nothing', async () => {
    const before = smtp.messages.length;
    const jobsBefore = Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0]!.n);
    const ghost = `ghost.${Date.now()}@example.test`;
    const r = await requestReset(ghost);
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ accepted: true });
    await drainOutbox();
    expect(Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0]!.n)).toBe(jobsBefore);
    expect(smtp.messages.length).toBe(before);
    expect(smtp.to(ghost)).toHaveLength(0);
    // A deactivated account gets the same answer and no e-mail.
    const gone = await aStaff(t.db, { roles: ['therapist'], active: false });
    expect((await requestReset(gone.email)).statusCode).toBe(202);
    await drainOutbox();
    expect(smtp.to(gone.email)).toHaveLength(0);
  });

  it('a token works once', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const token = await resetTokenFor(s);
    expect((await complete(token)).statusCode).toBe(200);
    const again = await complete(token, 'yet another passphrase 7');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('token');
    expect((await signIn(s.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(s.email, 'yet another passphrase 7')).statusCode).toBe(401);
  });

  it('an expired token (31 minutes) fails with 400 naming the field token', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const token = await resetTokenFor(s);
    t.clock.advance(31 * 60_000);
    const r = await complete(token);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json().errors).toEqual([{ field: 'token', message: expect.any(String) }]);
    expect((await signIn(s.email, s.password)).statusCode).toBe(200);
  });

  it.each([
    ['an unknown token', 'x'.repeat(43)],
    ['a tampered token', null],
  ])('rejects %s with 400 naming token', async (_n, fixed) => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const token = fixed ?? (await resetTokenFor(s)).slice(0, -2) + 'AA';
    const r = await complete(token);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('token');
  });

  it('a weak new password is refused (400 newPassword) and the token stays usable', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const token = await resetTokenFor(s);
    for (const weak of ['short', 'password1234', s.email.split('@')[0] + ' is my password']) {
      const r = await complete(token, weak);
      expect(r.statusCode, weak).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain('newPassword');
    }
    expect((await complete(token)).statusCode).toBe(200);
  });

  it('revokes existing sessions and clears a lockout', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const live = await signedIn(t, s);
    expect((await live.get('/api/auth/session')).statusCode).toBe(200);
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i++) await signIn(s.email, 'wrong wrong wrong');
    expect((await signIn(s.email, s.password)).statusCode).toBe(423);

    const token = await resetTokenFor(s);
    expect((await complete(token)).statusCode).toBe(200);
    expect((await live.get('/api/auth/session')).statusCode).toBe(401);
    expect((await signIn(s.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles reset e-mails per address (3 an hour), still answering 202', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    for (let i = 0; i < 5; i++) expect((await requestReset(s.email)).statusCode).toBe(202);
    await drainOutbox();
    expect(smtp.to(s.email)).toHaveLength(3);
  });

  it('the staff invitation e-mail reaches the SMTP server and its link sets the first password', async () => {
    const admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
    const ac = await signedIn(t, admin);
    const email = `new.hire.${Date.now()}@example.test`;
    const r = await ac.post('/api/staff', { email, firstName: 'Nadia', lastName: 'Newhire', roles: ['therapist'] });
    expect(r.statusCode).toBe(201);
    expect(r.json().inviteSent).toBe(true);
    const id = r.json().staff.id;
    // No password yet: signing in is impossible.
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(401);

    await drainOutbox();
    const m = await smtp.waitFor((x) => x.rcptTo.includes(email));
    expect(m.subject).toContain('Test Practice');
    expect(m.text).toContain('Nadia');
    expect(m.text).toContain('72 hours');
    const token = tokenFrom(m);
    // The invitation lasts longer than a reset link.
    t.clock.advance(24 * 3600_000);
    expect((await complete(token)).statusCode).toBe(200);
    const c = new Client(t.app);
    const si = await c.post('/api/auth/sign-in', { email, password: NEW_PASSWORD });
    expect(si.statusCode).toBe(200);
    expect(si.json().status).toBe('signed_in');
    expect((await c.get('/api/auth/session')).json().user.id).toBe(id);
    // And it is single-use like any reset token.
    expect((await complete(token, 'one more passphrase 9')).statusCode).toBe(400);
  });

  it('an invitation expires after 72 hours', async () => {
    const admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
    const ac = await signedIn(t, admin);
    const email = `late.hire.${Date.now()}@example.test`;
    expect((await ac.post('/api/staff', { email, firstName: 'Lena', lastName: 'Late', roles: ['front_desk'] })).statusCode).toBe(201);
    await drainOutbox();
    const token = tokenFrom(await smtp.waitFor((x) => x.rcptTo.includes(email)));
    t.clock.advance(72 * 3600_000 + 60_000);
    const r = await complete(token);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('token');
  });
});

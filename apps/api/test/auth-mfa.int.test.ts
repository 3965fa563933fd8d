import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp, type TestApp } from './harness.js';
import { aPractice, aStaff, signedIn, totpNow, type StaffFixture } from './builders.js';
import { checkTotp } from '../src/platform/auth/totp.js';

// Two-step verification: the pending stage, TOTP and recovery codes, attempt limits, session
// rotation, enrolment for roles (and practices) that require it, and an admin's MFA reset.
describe('MFA', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await aPractice(t.db);
  });
  afterAll(() => t.close());

  /** Password step only: returns the client (cookie + CSRF of the pending session) and the status. */
  async function passwordStep(s: StaffFixture) {
    const c = new Client(t.app);
    const r = await c.post('/api/auth/sign-in', { email: s.email, password: s.password });
    expect(r.statusCode).toBe(200);
    await c.refreshCsrf();
    return { c, status: r.json().status as string };
  }

  /** A 6-digit code that is not valid for the secret right now. */
  async function wrongCode(secret: string) {
    for (let n = 123456; ; n = (n + 111111) % 1_000_000) {
      const code = String(n).padStart(6, '0');
      if (!(await checkTotp(secret, code))) return code;
    }
  }

  const sessionToken = (c: Client) => c.cookie!.replace(/^hearth_sid=/, '');

  describe('user with MFA enabled', () => {
    it('gets status mfa_required and protected routes answer 401 mfa_required until a valid TOTP', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'], mfa: true });
      const { c, status } = await passwordStep(s);
      expect(status).toBe('mfa_required');

      const info = await c.get('/api/auth/session');
      expect(info.statusCode).toBe(200);
      expect(info.json().stage).toBe('mfa');
      expect(info.json().user.permissions).toEqual([]);

      for (const [method, url] of [['GET', '/api/patients'], ['GET', '/api/staff'], ['GET', '/api/practice'], ['POST', '/api/patients']] as const) {
        const r = await c.request(method, url, method === 'POST' ? {} : undefined);
        expect(r.statusCode, `${method} ${url}`).toBe(401);
        expect(r.json().code, `${method} ${url}`).toBe('mfa_required');
      }
      // Enrolment routes are not for this stage either.
      expect((await c.post('/api/auth/mfa/enroll/start')).json().code).toBe('mfa_required');

      const before = sessionToken(c);
      const v = await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) });
      expect(v.statusCode).toBe(200);
      expect(v.json()).toEqual({ status: 'signed_in' });
      const after = sessionToken(c);
      // A new session token after privileges rise (no session fixation), and the old one is dead.
      expect(after).not.toBe(before);
      const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `hearth_sid=${before}` } });
      expect(old.statusCode).toBe(401);

      await c.refreshCsrf();
      expect((await c.get('/api/patients')).statusCode).toBe(200);
      const full = await c.get('/api/auth/session');
      expect(full.json().stage).toBe('full');
      expect(full.json().user.permissions).toContain('patients.read');
      const audit = (await t.db.query<{ outcome: string; detail: { method: string } }>(`SELECT outcome, detail FROM audit_events WHERE action = 'auth.mfa_verify' AND actor_id = $1 ORDER BY arrival DESC LIMIT 1`, [s.id])).rows[0];
      expect(audit).toEqual({ outcome: 'success', detail: { method: 'totp' } });
    });

    it('answers a wrong code with 400 naming the field code, and the session stays pending', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'], mfa: true });
      const { c } = await passwordStep(s);
      const r = await c.post('/api/auth/mfa/verify', { code: await wrongCode(s.totpSecret!) });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().errors).toEqual([{ field: 'code', message: expect.any(String) }]);
      expect((await c.get('/api/patients')).json().code).toBe('mfa_required');
      // Malformed codes are validation errors too.
      const short = await c.post('/api/auth/mfa/verify', { code: '12' });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors.map((e: { field: string }) => e.field)).toContain('code');
      // And it can still finish with the right code.
      expect((await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) })).statusCode).toBe(200);
    });

    it('revokes the pending session after 5 wrong codes: even the right code then fails', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'], mfa: true });
      const { c } = await passwordStep(s);
      const bad = await wrongCode(s.totpSecret!);
      for (let i = 1; i <= 5; i++) {
        const r = await c.post('/api/auth/mfa/verify', { code: bad });
        expect(r.statusCode, `wrong code ${i}`).toBe(400);
      }
      const r = await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) });
      expect(r.statusCode).not.toBe(200);
      expect([401, 429]).toContain(r.statusCode);
      // The pending session is gone: it can do nothing more.
      expect((await c.get('/api/auth/session')).statusCode).toBe(401);
      expect((await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) })).statusCode).toBe(401);
      const revoked = (await t.db.query<{ revoked_reason: string }>('SELECT revoked_reason FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [s.id])).rows[0];
      expect(revoked?.revoked_reason).toBe('mfa_attempts');
      const failures = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.mfa_verify' AND actor_id = $1 AND outcome = 'failure'`, [s.id])).rows[0]!.n;
      expect(Number(failures)).toBeGreaterThanOrEqual(5);
      // Signing in again starts a fresh attempt budget.
      const again = await passwordStep(s);
      expect((await again.c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) })).statusCode).toBe(200);
    });

    it('accepts a TOTP code once: replaying it for a second sign-in fails', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'], mfa: true });
      const code = await totpNow(s.totpSecret!);
      const first = await passwordStep(s);
      expect((await first.c.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);
      const second = await passwordStep(s);
      const replay = await second.c.post('/api/auth/mfa/verify', { code });
      expect(replay.statusCode).toBe(400);
      expect(replay.json().errors).toEqual([{ field: 'code', message: 'is not correct' }]);
      expect((await second.c.get('/api/patients')).json().code).toBe('mfa_required');
    });

    it('refuses MFA verification on a session that is already fully signed in', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'], mfa: true });
      const c = await signedIn(t, s);
      const r = await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) });
      expect(r.statusCode).toBe(409);
    });
  });

  describe('enrolment', () => {
    async function enrol(s: StaffFixture) {
      const { c, status } = await passwordStep(s);
      expect(status).toBe('mfa_enrollment_required');
      const start = await c.post('/api/auth/mfa/enroll/start');
      expect(start.statusCode).toBe(200);
      const { secret, otpauthUri, qrDataUrl } = start.json();
      return { c, secret: secret as string, otpauthUri: otpauthUri as string, qrDataUrl: qrDataUrl as string };
    }

    it.each(['admin', 'prescriber'])('%s without MFA must enrol; confirm returns 10 recovery codes and a full session', async (role) => {
      const s = await aStaff(t.db, { roles: [role] });
      const { c, secret, otpauthUri, qrDataUrl } = await enrol(s);
      expect(qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{100,}$/);
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const uri = new URL(otpauthUri);
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(decodeURIComponent(uri.pathname)).toContain(s.email);
      expect(uri.searchParams.get('issuer')).toContain('Hearth');

      // Pending enrolment: everything else is closed.
      expect((await c.get('/api/patients')).json().code).toBe('mfa_required');
      expect((await c.get('/api/auth/session')).json().stage).toBe('mfa_enroll');
      // Verification is not the enrolment step.
      expect((await c.post('/api/auth/mfa/verify', { code: await totpNow(secret) })).json().code).toBe('mfa_required');

      const wrong = await c.post('/api/auth/mfa/enroll/confirm', { code: await wrongCode(secret) });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].field).toBe('code');

      const before = sessionToken(c);
      const ok = await c.post('/api/auth/mfa/enroll/confirm', { code: await totpNow(secret) });
      expect(ok.statusCode).toBe(200);
      const codes: string[] = ok.json().recoveryCodes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(sessionToken(c)).not.toBe(before);
      await c.refreshCsrf();
      const info = await c.get('/api/auth/session');
      expect(info.json().stage).toBe('full');
      expect(info.json().user.mfaEnabled).toBe(true);
      expect((await c.get('/api/staff')).statusCode).toBe(200);

      // Next sign-in asks for the code of the newly enrolled secret. The code used to enrol is spent
      // (single use), so first show the replay is refused, then act as if the next 30 s step came.
      const next = await passwordStep(s);
      expect(next.status).toBe('mfa_required');
      expect((await next.c.post('/api/auth/mfa/verify', { code: await totpNow(secret) })).statusCode).toBe(400);
      await t.db.query('UPDATE users SET mfa_last_step = mfa_last_step - 1 WHERE id = $1', [s.id]);
      expect((await next.c.post('/api/auth/mfa/verify', { code: await totpNow(secret) })).statusCode).toBe(200);
    });

    it('a therapist needs no MFA by default', async () => {
      const s = await aStaff(t.db, { roles: ['therapist'] });
      const { status } = await passwordStep(s);
      expect(status).toBe('signed_in');
    });

    it('practice require_mfa_for_all makes therapists enrol too', async () => {
      const admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
      const ac = await signedIn(t, admin);
      expect((await ac.patch('/api/practice', { requireMfaForAll: true })).statusCode).toBe(200);
      try {
        const s = await aStaff(t.db, { roles: ['therapist'] });
        const { c, secret } = await enrol(s);
        expect((await c.get('/api/auth/session')).json().user.mfaRequired).toBe(true);
        const ok = await c.post('/api/auth/mfa/enroll/confirm', { code: await totpNow(secret) });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().recoveryCodes).toHaveLength(10);
        await c.refreshCsrf();
        expect((await c.get('/api/patients')).statusCode).toBe(200);
      } finally {
        expect((await ac.patch('/api/practice', { requireMfaForAll: false })).statusCode).toBe(200);
      }
      const s2 = await aStaff(t.db, { roles: ['therapist'] });
      expect((await passwordStep(s2)).status).toBe('signed_in');
    });

    it('a recovery code works exactly once', async () => {
      const s = await aStaff(t.db, { roles: ['prescriber'] });
      const { c, secret } = await enrol(s);
      const codes: string[] = (await c.post('/api/auth/mfa/enroll/confirm', { code: await totpNow(secret) })).json().recoveryCodes;
      const code = codes[3]!;

      const first = await passwordStep(s);
      // Upper case and spaces around it are tolerated.
      const v1 = await first.c.post('/api/auth/mfa/verify', { code: ` ${code.toUpperCase()} ` });
      expect(v1.statusCode).toBe(200);
      const audit = (await t.db.query<{ detail: { method: string } }>(`SELECT detail FROM audit_events WHERE action = 'auth.mfa_verify' AND actor_id = $1 AND outcome = 'success' ORDER BY arrival DESC LIMIT 1`, [s.id])).rows[0];
      expect(audit?.detail.method).toBe('recovery');

      const second = await passwordStep(s);
      const v2 = await second.c.post('/api/auth/mfa/verify', { code });
      expect(v2.statusCode).toBe(400);
      expect(v2.json().errors[0].field).toBe('code');
      // Another unused code still works.
      expect((await second.c.post('/api/auth/mfa/verify', { code: codes[4]! })).statusCode).toBe(200);
    });

    it('refuses a second enrolment while MFA is on', async () => {
      const s = await aStaff(t.db, { roles: ['admin'], mfa: true });
      const { c } = await passwordStep(s);
      // A pending-MFA session is not an enrolment session.
      expect((await c.post('/api/auth/mfa/enroll/start')).statusCode).toBe(401);
      await c.post('/api/auth/mfa/verify', { code: await totpNow(s.totpSecret!) });
      await c.refreshCsrf();
      expect((await c.post('/api/auth/mfa/enroll/start')).statusCode).toBe(409);
    });
  });

  it('admin reset-mfa signs the person out and forces re-enrolment', async () => {
    const admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
    const ac = await signedIn(t, admin);
    const p = await aStaff(t.db, { roles: ['prescriber'], mfa: true });
    const pc = await signedIn(t, p);
    expect((await pc.get('/api/patients')).statusCode).toBe(200);

    // Only staff.manage may reset.
    expect((await pc.post(`/api/staff/${admin.id}/reset-mfa`)).statusCode).toBe(403);

    const r = await ac.post(`/api/staff/${p.id}/reset-mfa`);
    expect(r.statusCode).toBe(200);
    expect((await pc.get('/api/patients')).statusCode).toBe(401);
    expect((await ac.get(`/api/staff/${p.id}`)).json().mfaEnabled).toBe(false);
    const codes = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1', [p.id])).rows[0]!.n;
    expect(Number(codes)).toBe(0);

    const { c, status } = await passwordStep(p);
    expect(status).toBe('mfa_enrollment_required');
    // The old secret no longer completes a sign-in.
    expect((await c.post('/api/auth/mfa/verify', { code: await totpNow(p.totpSecret!) })).statusCode).toBe(401);
    const start = await c.post('/api/auth/mfa/enroll/start');
    expect(start.statusCode).toBe(200);
    expect(start.json().secret).not.toBe(p.totpSecret);
    expect((await c.post('/api/auth/mfa/enroll/confirm', { code: await totpNow(start.json().secret) })).statusCode).toBe(200);
    await c.refreshCsrf();
    expect((await c.get('/api/patients')).statusCode).toBe(200);

    const audit = (await t.db.query<{ actor_id: string; resource_id: string }>(`SELECT actor_id, resource_id FROM audit_events WHERE action = 'staff.mfa_reset' ORDER BY arrival DESC LIMIT 1`)).rows[0];
    expect(audit).toEqual({ actor_id: admin.id, resource_id: p.id });
    expect((await ac.post('/api/staff/00000000-0000-4000-8000-000000000000/reset-mfa')).statusCode).toBe(404);
  });
});

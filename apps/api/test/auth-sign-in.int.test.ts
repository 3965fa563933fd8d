import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './harness.js';
import { aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';

// Sign-in: cookie attributes, generic failures (no account enumeration), lockout and unlock,
// deactivated accounts, per-IP throttling, and an audit row for every attempt.
const SIGNIN_LIMIT = 8;
const GENERIC = 'Email or password is incorrect.';

describe('sign-in', () => {
  let t: TestApp;
  let ipN = 0;
  /** A fresh client address per test, so the per-IP limit of one test never leaks into another. */
  const nextIp = () => `198.51.100.${++ipN}`;

  beforeAll(async () => {
    t = await testApp({ config: { RATE_LIMIT_SIGNIN_PER_MINUTE: String(SIGNIN_LIMIT) } });
    await aPractice(t.db);
  });
  afterAll(() => t.close());
  // A new fixed rate-limit window for every test (sign-in limits are per minute).
  beforeEach(() => t.clock.advance(61_000));

  const signIn = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip, headers });

  const lastSignInAudit = async () =>
    (
      await t.db.query<{ seq: number; actor_id: string | null; outcome: string; detail: { reason?: string; stage?: string }; client_ip: string }>(
        `SELECT seq, actor_id, outcome, detail, client_ip FROM audit_events WHERE action = 'auth.sign_in' ORDER BY arrival DESC LIMIT 1`,
      )
    ).rows[0]!;
  const signInAuditCount = async () =>
    Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.sign_in'`)).rows[0]!.n);

  it('sets an HttpOnly, SameSite=Strict session cookie on success', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const r = await signIn(s.email, s.password, nextIp());
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'signed_in' });
    const c = r.cookies.find((x) => x.name === 'hearth_sid');
    expect(c?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(c?.httpOnly).toBe(true);
    expect(String(c?.sameSite).toLowerCase()).toBe('strict');
    expect(c?.path).toBe('/');
    const raw = String(r.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Strict/i);
    // The cookie is a working session.
    const who = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `hearth_sid=${c!.value}` } });
    expect(who.statusCode).toBe(200);
    expect(who.json().user.id).toBe(s.id);
  });

  it('gives wrong password and unknown e-mail the same generic 401 problem', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const ip = nextIp();
    const wrong = await signIn(s.email, 'not the password at all', ip);
    const unknown = await signIn(`nobody.${Date.now()}@example.test`, 'not the password at all', ip);
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().detail).toBe(GENERIC);
      expect(r.json().code).toBe('unauthenticated');
      expect(r.cookies.find((c) => c.name === 'hearth_sid')).toBeUndefined();
    }
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    // The message never names which part was wrong or echoes the e-mail.
    expect(wrong.body).not.toContain(s.email);
  });

  it('is case-insensitive on the e-mail address', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const r = await signIn(s.email.toUpperCase(), s.password, nextIp());
    expect(r.statusCode).toBe(200);
  });

  it(`locks the account after LOGIN_MAX_FAILURES wrong passwords, even against the right one, until the lockout ends`, async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const ip = nextIp();
    const max = t.config.LOGIN_MAX_FAILURES;
    expect(max).toBe(5);
    for (let i = 1; i <= max; i++) {
      const r = await signIn(s.email, `wrong password ${i}`, ip);
      expect(r.statusCode, `attempt ${i}`).toBe(401);
    }
    expect((await lastSignInAudit()).detail.reason).toBe('bad_password_locked');
    const locked = await signIn(s.email, s.password, ip);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('locked');
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.cookies.find((c) => c.name === 'hearth_sid')).toBeUndefined();

    // Just before the lockout ends: still locked. Just after: the right password works again.
    t.clock.advance(t.config.LOGIN_LOCKOUT_MINUTES * 60_000 - 61_000);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(423);
    t.clock.advance(62_000);
    const ok = await signIn(s.email, s.password, ip);
    expect(ok.statusCode).toBe(200);
    const row = (await t.db.query<{ failed_attempts: number; locked_until: Date | null }>('SELECT failed_attempts, locked_until FROM users WHERE id = $1', [s.id])).rows[0]!;
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('does not lock after fewer failures than the limit, and success resets the count', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const ip = nextIp();
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES - 1; i++) expect((await signIn(s.email, 'wrong wrong wrong', ip)).statusCode).toBe(401);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(200);
    t.clock.advance(61_000);
    // The counter restarted: another limit-1 failures still do not lock.
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES - 1; i++) expect((await signIn(s.email, 'wrong wrong wrong', ip)).statusCode).toBe(401);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(200);
  });

  it('lets an admin unlock a locked account through POST /api/staff/:id/unlock', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const ip = nextIp();
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i++) await signIn(s.email, 'wrong wrong wrong', ip);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(423);

    const admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
    const ac = await signedIn(t, admin);
    expect((await ac.get(`/api/staff/${s.id}`)).json().locked).toBe(true);
    // Someone without staff.manage may not unlock.
    const peer = await signedIn(t, await aStaff(t.db, { roles: ['therapist'] }));
    expect((await peer.post(`/api/staff/${s.id}/unlock`)).statusCode).toBe(403);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(423);

    const u = await ac.post(`/api/staff/${s.id}/unlock`);
    expect(u.statusCode).toBe(200);
    expect((await ac.get(`/api/staff/${s.id}`)).json().locked).toBe(false);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(200);
    const audit = (await t.db.query<{ actor_id: string; resource_id: string }>(`SELECT actor_id, resource_id FROM audit_events WHERE action = 'staff.unlock' ORDER BY arrival DESC LIMIT 1`)).rows[0];
    expect(audit).toEqual({ actor_id: admin.id, resource_id: s.id });
    // Unknown staff id: 404, not a silent success.
    expect((await ac.post(`/api/staff/00000000-0000-4000-8000-000000000000/unlock`)).statusCode).toBe(404);
  });

  it('refuses a deactivated account with the same generic 401, and deactivation ends live sessions', async () => {
    const inactive = await aStaff(t.db, { roles: ['therapist'], active: false });
    const ip = nextIp();
    const r = await signIn(inactive.email, inactive.password, ip);
    expect(r.statusCode).toBe(401);
    expect(r.json().detail).toBe(GENERIC);
    expect(r.cookies.find((c) => c.name === 'hearth_sid')).toBeUndefined();

    // Deactivating someone who is signed in signs them out at once.
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const sc = await signedIn(t, s);
    expect((await sc.get('/api/auth/session')).statusCode).toBe(200);
    const ac = await signedIn(t, await aStaff(t.db, { roles: ['admin'], mfa: true }));
    expect((await ac.patch(`/api/staff/${s.id}`, { active: false })).statusCode).toBe(200);
    expect((await sc.get('/api/auth/session')).statusCode).toBe(401);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(401);
  });

  it('throttles sign-in attempts per client address (429), whatever X-Forwarded-For says', async () => {
    const s = await aStaff(t.db, { roles: ['therapist'] });
    const ip = nextIp();
    for (let i = 1; i <= SIGNIN_LIMIT; i++) {
      const r = await signIn(`nobody${i}@example.test`, 'whatever whatever', ip, { 'x-forwarded-for': `10.9.8.${i}` });
      expect(r.statusCode, `attempt ${i}`).toBe(401);
    }
    const over = await signIn(s.email, s.password, ip, { 'x-forwarded-for': '10.9.8.200' });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
    expect(over.cookies.find((c) => c.name === 'hearth_sid')).toBeUndefined();
    // Another address is unaffected.
    expect((await signIn(s.email, s.password, nextIp())).statusCode).toBe(200);
    // The window passes and the address may try again.
    t.clock.advance(61_000);
    expect((await signIn(s.email, s.password, ip)).statusCode).toBe(200);
  });

  describe('writes one auth.sign_in audit row per attempt with the right outcome', () => {
    let active: StaffFixture;
    let inactive: StaffFixture;
    let locked: StaffFixture;
    beforeAll(async () => {
      active = await aStaff(t.db, { roles: ['therapist'] });
      inactive = await aStaff(t.db, { roles: ['therapist'], active: false });
      locked = await aStaff(t.db, { roles: ['therapist'] });
      await t.db.query(`UPDATE users SET locked_until = now() + interval '1 day' WHERE id = $1`, [locked.id]);
    });

    const cases: { name: string; who: () => { email: string; password: string; id: string | null }; status: number; outcome: string; reason: string; actor: boolean }[] = [
      { name: 'right password', who: () => active, status: 200, outcome: 'success', reason: '', actor: true },
      { name: 'wrong password', who: () => ({ ...active, password: 'definitely wrong pw' }), status: 401, outcome: 'failure', reason: 'bad_password', actor: true },
      { name: 'unknown e-mail', who: () => ({ email: 'ghost@example.test', password: 'whatever pw', id: null }), status: 401, outcome: 'failure', reason: 'unknown_account', actor: false },
      { name: 'deactivated account', who: () => inactive, status: 401, outcome: 'failure', reason: 'inactive', actor: true },
      { name: 'locked account', who: () => locked, status: 423, outcome: 'failure', reason: 'locked', actor: true },
    ];
    it.each(cases)('$name -> $status, outcome $outcome', async (c) => {
      const who = c.who();
      const ip = nextIp();
      const before = await signInAuditCount();
      const r = await signIn(who.email, who.password, ip);
      expect(r.statusCode).toBe(c.status);
      expect(await signInAuditCount()).toBe(before + 1);
      const row = await lastSignInAudit();
      expect(row.outcome).toBe(c.outcome);
      expect(row.client_ip).toBe(ip);
      expect(row.actor_id).toBe(c.actor ? who.id : null);
      if (c.reason) expect(row.detail.reason).toBe(c.reason);
      else expect(row.detail.stage).toBe('full');
      // The audit row never holds the password or the e-mail typed.
      expect(JSON.stringify(row)).not.toContain(who.password);
      expect(JSON.stringify(row)).not.toContain(who.email);
    });

    it('rate-limited attempt -> 429, outcome failure (rate_limited)', async () => {
      const ip = nextIp();
      for (let i = 0; i < SIGNIN_LIMIT; i++) await signIn('ghost@example.test', 'whatever pw', ip);
      const before = await signInAuditCount();
      expect((await signIn(active.email, active.password, ip)).statusCode).toBe(429);
      expect(await signInAuditCount()).toBe(before + 1);
      const row = await lastSignInAudit();
      expect(row.outcome).toBe('failure');
      expect(row.detail.reason).toBe('rate_limited');
    });
  });
});

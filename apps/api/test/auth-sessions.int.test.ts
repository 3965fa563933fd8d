import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp, type TestApp } from './harness.js';
import { aPractice, aStaff, patientBody, signedIn, type StaffFixture } from './builders.js';

// Session lifetime (idle, background requests, absolute expiry, sign-out), CSRF, admin
// session management, password change and the practice's idle-time policy.
const MIN = 60_000;

describe('sessions', () => {
  let t: TestApp;
  let admin: StaffFixture;
  beforeAll(async () => {
    t = await testApp();
    await aPractice(t.db);
    admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
  });
  afterAll(() => t.close());

  const therapist = () => aStaff(t.db, { roles: ['therapist'] });
  const withCookie = (cookie: string) => {
    const c = new Client(t.app);
    c.cookie = cookie;
    return c;
  };

  describe('idle timeout', () => {
    it('ends a session idle for longer than SESSION_IDLE_MINUTES (boundary included)', async () => {
      expect(t.config.SESSION_IDLE_MINUTES).toBe(15);
      const c = await signedIn(t, await therapist());
      t.clock.advance(15 * MIN);
      expect((await c.get('/api/patients')).statusCode).toBe(200);
      t.clock.advance(15 * MIN + 1);
      const r = await c.get('/api/patients');
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('unauthenticated');
      // It does not come back to life.
      t.clock.advance(1);
      expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    });

    it('activity extends the idle window', async () => {
      const c = await signedIn(t, await therapist());
      for (let i = 0; i < 4; i++) {
        t.clock.advance(10 * MIN);
        expect((await c.get('/api/patients')).statusCode, `after ${(i + 1) * 10} min`).toBe(200);
      }
    });

    it('background requests (x-hearth-background: 1) do not extend it', async () => {
      const c = await signedIn(t, await therapist());
      t.clock.advance(10 * MIN);
      expect((await c.get('/api/auth/session', { 'x-hearth-background': '1' })).statusCode).toBe(200);
      t.clock.advance(6 * MIN);
      // 16 minutes since the last real activity.
      expect((await c.get('/api/auth/session', { 'x-hearth-background': '1' })).statusCode).toBe(401);

      // The same timing with foreground requests keeps the session.
      const d = await signedIn(t, await therapist());
      t.clock.advance(10 * MIN);
      expect((await d.get('/api/auth/session')).statusCode).toBe(200);
      t.clock.advance(6 * MIN);
      expect((await d.get('/api/auth/session')).statusCode).toBe(200);
    });
  });

  it('ends every session at its absolute expiry, however active', async () => {
    const c = await signedIn(t, await therapist());
    const maxMs = t.config.SESSION_MAX_HOURS * 3600_000;
    let elapsed = 0;
    while (elapsed + 14 * MIN < maxMs) {
      t.clock.advance(14 * MIN);
      elapsed += 14 * MIN;
      const r = await c.get('/api/auth/session');
      if (r.statusCode !== 200) throw new Error(`session ended early after ${elapsed / MIN} min`);
    }
    t.clock.advance(maxMs - elapsed);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('sign-out revokes the session on the server: the old cookie no longer works', async () => {
    const c = await signedIn(t, await therapist());
    const cookie = c.cookie!;
    const r = await c.post('/api/auth/sign-out');
    expect(r.statusCode).toBe(200);
    const cleared = r.cookies.find((x) => x.name === 'hearth_sid');
    expect(cleared?.value ?? '').toBe('');
    const replay = withCookie(cookie);
    expect((await replay.get('/api/auth/session')).statusCode).toBe(401);
    expect((await replay.get('/api/patients')).statusCode).toBe(401);
    const row = (await t.db.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY arrival DESC LIMIT 1`)).rows[0];
    expect(row?.action).toBe('auth.sign_out');
  });

  describe('CSRF', () => {
    let ac: Client;
    beforeAll(async () => {
      ac = await signedIn(t, admin);
    });
    const changes: [string, string, unknown][] = [
      ['POST', '/api/payers', { name: 'CSRF Payer', payerCode: 'CSRF1', kind: 'commercial' }],
      ['PATCH', '/api/practice', { name: 'Test Practice' }],
      ['DELETE', '/api/admin/sessions/00000000-0000-4000-8000-000000000000', undefined],
      ['POST', '/api/patients', patientBody()],
      ['POST', '/api/auth/sign-out', {}],
    ];
    it.each(changes)('%s %s with a session cookie needs the right x-csrf-token', async (method, url, body) => {
      for (const token of [undefined, 'wrong-token', '']) {
        const headers: Record<string, string> = { cookie: ac.cookie! };
        if (token !== undefined) headers['x-csrf-token'] = token;
        const r = await t.app.inject({ method: method as 'POST', url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
        expect(r.statusCode, `token ${JSON.stringify(token)}`).toBe(403);
        expect(r.json().code).toBe('forbidden');
      }
      // Another session's token does not work either.
      const other = await signedIn(t, await therapist());
      const cross = await t.app.inject({ method: method as 'POST', url, headers: { cookie: ac.cookie!, 'x-csrf-token': other.csrf! }, ...(body !== undefined ? { payload: body as object } : {}) });
      expect(cross.statusCode).toBe(403);
      // The session survived all of that (sign-out included).
      expect((await ac.get('/api/auth/session')).statusCode).toBe(200);
    });

    it('a cookie GET needs no CSRF token; the right token lets changes through', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/practice', headers: { cookie: ac.cookie! } });
      expect(r.statusCode).toBe(200);
      const ok = await ac.patch('/api/practice', { name: 'Test Practice' });
      expect(ok.statusCode).toBe(200);
    });

    it('bearer-token requests need no CSRF token', async () => {
      const sa = await ac.post('/api/admin/service-accounts', { name: 'CSRF integration' });
      expect(sa.statusCode).toBe(201);
      const tok = await ac.post('/api/admin/api-tokens', {
        serviceAccountId: sa.json().id, name: 'writer', scopes: ['patients.read', 'patients.read_all', 'patients.write'], expiresInDays: 30,
      });
      expect(tok.statusCode).toBe(201);
      const r = await t.app.inject({ method: 'POST', url: '/api/patients', headers: { authorization: `Bearer ${tok.json().token}` }, payload: patientBody() });
      expect(r.statusCode).toBe(201);
    });
  });

  describe('admin session management', () => {
    it('lists active sessions and revoking one signs that person out', async () => {
      const ac = await signedIn(t, admin);
      const s = await therapist();
      const sc = await signedIn(t, s);
      const list = await ac.get('/api/admin/sessions');
      expect(list.statusCode).toBe(200);
      const rows: { id: string; userId: string; current: boolean; ip: string | null }[] = list.json();
      const mine = rows.filter((r) => r.current);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.userId).toBe(admin.id);
      const theirs = rows.filter((r) => r.userId === s.id);
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.current).toBe(false);
      // The list never carries tokens.
      expect(list.body).not.toContain(sc.cookie!.replace('hearth_sid=', ''));
      expect(list.body).not.toContain(sc.csrf!);

      expect((await sc.get('/api/patients')).statusCode).toBe(200);
      const del = await ac.delete(`/api/admin/sessions/${theirs[0]!.id}`);
      expect(del.statusCode).toBe(200);
      expect((await sc.get('/api/patients')).statusCode).toBe(401);
      expect(((await ac.get('/api/admin/sessions')).json() as { userId: string }[]).some((r) => r.userId === s.id)).toBe(false);
      // Revoking again: nothing to revoke.
      expect((await ac.delete(`/api/admin/sessions/${theirs[0]!.id}`)).statusCode).toBe(404);
      const audit = (await t.db.query<{ actor_id: string; resource_id: string }>(`SELECT actor_id, resource_id FROM audit_events WHERE action = 'session.revoke' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(audit).toEqual({ actor_id: admin.id, resource_id: theirs[0]!.id });
    });

    it('only sessions.manage may list or revoke sessions', async () => {
      const sc = await signedIn(t, await therapist());
      expect((await sc.get('/api/admin/sessions')).statusCode).toBe(403);
      expect((await sc.delete('/api/admin/sessions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(403);
    });
  });

  describe('password change', () => {
    it('signs out the other sessions and keeps the current one', async () => {
      const s = await therapist();
      const a = await signedIn(t, s);
      const b = await signedIn(t, s);
      const next = 'a brand new passphrase 42';
      const r = await a.post('/api/auth/change-password', { currentPassword: s.password, newPassword: next });
      expect(r.statusCode).toBe(200);
      expect((await a.get('/api/patients')).statusCode).toBe(200);
      expect((await b.get('/api/patients')).statusCode).toBe(401);
      // The old password is gone, the new one works.
      expect((await new Client(t.app).post('/api/auth/sign-in', { email: s.email, password: s.password })).statusCode).toBe(401);
      expect((await new Client(t.app).post('/api/auth/sign-in', { email: s.email, password: next })).statusCode).toBe(200);
    });

    it.each([
      ['wrong current password', { currentPassword: 'not my password', newPassword: 'another fine passphrase' }, 'currentPassword'],
      ['too short', { newPassword: 'short' }, 'newPassword'],
      ['too common', { newPassword: 'password1234' }, 'newPassword'],
      ['one repeated character', { newPassword: 'aaaaaaaaaaaaaa' }, 'newPassword'],
    ])('rejects %s with 400 naming the field', async (_n, body, field) => {
      const s = await therapist();
      const c = await signedIn(t, s);
      const r = await c.post('/api/auth/change-password', { currentPassword: s.password, ...body });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      // The password did not change.
      expect((await new Client(t.app).post('/api/auth/sign-in', { email: s.email, password: s.password })).statusCode).toBe(200);
    });
  });

  it('the practice session_idle_minutes overrides the default idle time', async () => {
    const ac = await signedIn(t, admin);
    expect((await ac.patch('/api/practice', { sessionIdleMinutes: 5 })).statusCode).toBe(200);
    try {
      const c = await signedIn(t, await therapist());
      expect((await c.get('/api/auth/session')).json().idleMinutes).toBe(5);
      t.clock.advance(4 * MIN);
      expect((await c.get('/api/patients')).statusCode).toBe(200);
      t.clock.advance(5 * MIN + 1000);
      expect((await c.get('/api/patients')).statusCode).toBe(401);
    } finally {
      const ac2 = await signedIn(t, admin);
      expect((await ac2.patch('/api/practice', { sessionIdleMinutes: null })).statusCode).toBe(200);
    }
    const d = await signedIn(t, await therapist());
    expect((await d.get('/api/auth/session')).json().idleMinutes).toBe(15);
  });
});

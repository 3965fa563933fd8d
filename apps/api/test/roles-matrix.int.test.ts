import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp, type TestApp } from './harness.js';
import { MODULE_PERMISSIONS } from './routes/index.js';
import { aPatient, aPractice, aStaff, patientBody, signedIn, type StaffFixture } from './builders.js';

// Function-level authorization for every route x every role (and API tokens), checked against
// the role_permissions data of the database, plus record-level access to patients.

/**
 * The permission each route requires: 'public', 'authenticated' (any signed-in principal) or a
 * permission key. A route missing here fails the inventory test, so a new route forces a decision.
 */
const CORE_ROUTES: Record<string, string> = {
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/mfa/verify': 'authenticated',
  'POST /api/auth/mfa/enroll/start': 'authenticated',
  'POST /api/auth/mfa/enroll/confirm': 'authenticated',
  'GET /api/auth/session': 'authenticated',
  'POST /api/auth/sign-out': 'authenticated',
  'POST /api/auth/password-reset/request': 'public',
  'POST /api/auth/password-reset/complete': 'public',
  'POST /api/auth/change-password': 'authenticated',
  'GET /api/patients': 'patients.read',
  'POST /api/patients': 'patients.write',
  'POST /api/patients/search': 'patients.read',
  'GET /api/patients/{id}': 'patients.read',
  'PATCH /api/patients/{id}': 'patients.write',
  'GET /api/public/practice': 'public',
  'GET /api/practice': 'authenticated',
  'PATCH /api/practice': 'practice.manage',
  'GET /api/locations': 'authenticated',
  'POST /api/locations': 'practice.manage',
  'PATCH /api/locations/{id}': 'practice.manage',
  'POST /api/locations/{id}/rooms': 'practice.manage',
  'PATCH /api/rooms/{id}': 'practice.manage',
  'GET /api/payers': 'authenticated',
  'POST /api/payers': 'practice.manage',
  'GET /api/staff': 'staff.read',
  'POST /api/staff': 'staff.manage',
  'GET /api/staff/{id}': 'staff.read',
  'PATCH /api/staff/{id}': 'staff.manage',
  'POST /api/staff/{id}/unlock': 'staff.manage',
  'POST /api/staff/{id}/reset-mfa': 'staff.manage',
  'GET /api/roles': 'staff.read',
  'GET /api/admin/sessions': 'sessions.manage',
  'DELETE /api/admin/sessions/{id}': 'sessions.manage',
  'GET /api/admin/service-accounts': 'api_tokens.manage',
  'POST /api/admin/service-accounts': 'api_tokens.manage',
  'GET /api/admin/api-tokens': 'api_tokens.manage',
  'POST /api/admin/api-tokens': 'api_tokens.manage',
  'DELETE /api/admin/api-tokens/{id}': 'api_tokens.manage',
  'GET /api/admin/audit': 'audit.read',
  'GET /api/admin/audit/export.csv': 'audit.read',
  'GET /api/admin/audit/verify': 'audit.read',
};
const ROUTES: Record<string, string> = { ...CORE_ROUTES, ...MODULE_PERMISSIONS };
/** Routes that only make sense for a person's session (not for an API token). */
const SESSION_ONLY = new Set([
  'POST /api/auth/mfa/verify',
  'POST /api/auth/mfa/enroll/start',
  'POST /api/auth/mfa/enroll/confirm',
  'GET /api/auth/session',
  'POST /api/auth/change-password',
]);
const ROLES = ['admin', 'prescriber', 'therapist', 'associate', 'supervisor', 'front_desk', 'biller'] as const;
const MFA_ROLES = new Set(['admin', 'prescriber']);
const UNKNOWN_ID = '00000000-0000-4000-8000-0000000000aa';
// Sign-out ends the session: run it last for each principal.
const ORDER = Object.keys(ROUTES).sort((a, b) => Number(a === 'POST /api/auth/sign-out') - Number(b === 'POST /api/auth/sign-out'));

describe('authorization', () => {
  let t: TestApp;
  let perms: Map<string, Set<string>>;
  let openapiRoutes: string[];
  const sessions = new Map<string, Client>();

  beforeAll(async () => {
    t = await testApp();
    await aPractice(t.db);
    const rows = (await t.db.query<{ role_key: string; permission_key: string }>('SELECT role_key, permission_key FROM role_permissions')).rows;
    perms = new Map(ROLES.map((r) => [r, new Set(rows.filter((x) => x.role_key === r).map((x) => x.permission_key))]));
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    openapiRoutes = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
    const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
    for (const role of ROLES) {
      const s = role === 'supervisor' ? supervisor : await aStaff(t.db, { roles: [role], mfa: MFA_ROLES.has(role), supervisorId: role === 'associate' ? supervisor.id : undefined });
      sessions.set(role, await signedIn(t, s));
    }
  });
  afterAll(() => t.close());

  const send = (c: Client, route: string) => {
    const [method, path] = route.split(' ') as [string, string];
    const url = path.replace(/\{[A-Za-z]+\}/g, UNKNOWN_ID);
    return c.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
  };

  it('the route inventory matches the OpenAPI document exactly', () => {
    expect([...openapiRoutes].sort()).toEqual(Object.keys(ROUTES).sort());
    // Every permission named here exists in the database.
    const known = new Set([...perms.values()].flatMap((s) => [...s]));
    for (const p of Object.values(ROUTES)) if (p !== 'public' && p !== 'authenticated') expect(known, p).toContain(p);
  });

  it('every role has exactly the permissions of 0002_roles.sql that the UI expects', async () => {
    // Spot-check the data itself, so a silent change to the seed shows up here.
    expect([...perms.get('admin')!]).not.toContain('clinical.read');
    expect([...perms.get('front_desk')!]).not.toContain('clinical.read');
    expect([...perms.get('biller')!]).not.toContain('clinical.read');
    expect([...perms.get('supervisor')!]).not.toContain('patients.write');
    for (const r of ['therapist', 'associate', 'prescriber', 'supervisor']) expect([...perms.get(r)!]).not.toContain('patients.read_all');
    for (const r of ['admin', 'front_desk', 'biller']) expect([...perms.get(r)!]).toContain('patients.read_all');
  });

  describe.each(ROLES)('role %s', (role) => {
    it.each(ORDER)('%s', async (route) => {
      const need = ROUTES[route]!;
      const allowed = need === 'public' || need === 'authenticated' || perms.get(role)!.has(need);
      const r = await send(sessions.get(role)!, route);
      if (allowed) {
        expect(r.statusCode, r.body).not.toBe(401);
        expect(r.statusCode, r.body).not.toBe(403);
        expect(r.statusCode, r.body).toBeLessThan(500);
      } else {
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().code).toBe('forbidden');
      }
    });
  });

  it.each(ORDER)('unauthenticated %s', async (route) => {
    const r = await send(new Client(t.app), route);
    if (ROUTES[route] === 'public') {
      expect(r.statusCode).not.toBe(401);
      expect(r.statusCode).toBeLessThan(500);
    } else {
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('unauthenticated');
    }
  });

  it('a denied route writes an access.denied audit row naming the permission', async () => {
    // (The matrix signed every role out at its end: a fresh session.)
    const c = await signedIn(t, await aStaff(t.db, { roles: ['biller'] }));
    expect((await c.get('/api/admin/audit')).statusCode).toBe(403);
    const row = (await t.db.query<{ outcome: string; detail: { needed: string; route: string } }>(`SELECT outcome, detail FROM audit_events WHERE action = 'access.denied' ORDER BY arrival DESC LIMIT 1`)).rows[0];
    expect(row).toEqual({ outcome: 'denied', detail: { method: 'GET', route: '/api/admin/audit', needed: 'audit.read' } });
  });

  describe('API tokens', () => {
    let admin: Client;
    let token: string;
    let tokenId: string;
    let serviceAccountId: string;
    let patient: { id: string; legalLastName: string };
    const bearer = (tok: string) => {
      const c = new Client(t.app);
      c.bearer = tok;
      return c;
    };
    beforeAll(async () => {
      admin = await signedIn(t, await aStaff(t.db, { roles: ['admin'], mfa: true }));
      patient = await aPatient(t.db);
      const sa = await admin.post('/api/admin/service-accounts', { name: 'Reporting integration' });
      expect(sa.statusCode).toBe(201);
      serviceAccountId = sa.json().id;
      const r = await admin.post('/api/admin/api-tokens', { serviceAccountId, name: 'read patients', scopes: ['patients.read', 'patients.read_all'], expiresInDays: 2 });
      expect(r.statusCode).toBe(201);
      token = r.json().token;
      tokenId = r.json().apiToken.id;
      expect(token).toMatch(/^hth_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{32,}$/);
      expect(r.json().apiToken.scopes.sort()).toEqual(['patients.read', 'patients.read_all']);
    });

    it('refuses to mint a token with permissions the admin does not hold', async () => {
      const before = (await admin.get('/api/admin/api-tokens')).json().length;
      const r = await admin.post('/api/admin/api-tokens', { serviceAccountId, name: 'too much', scopes: ['patients.read', 'clinical.read', 'prescribe'], expiresInDays: 2 });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['scopes', 'scopes']);
      expect(r.json().detail).toMatch(/clinical\.read, prescribe/);
      expect((await admin.get('/api/admin/api-tokens')).json().length).toBe(before);
    });

    it.each(ORDER.filter((r) => r !== 'POST /api/auth/sign-out'))('token scoped [patients.read, patients.read_all]: %s', async (route) => {
      const need = ROUTES[route]!;
      const r = await send(bearer(token), route);
      expect(r.statusCode, r.body).toBeLessThan(500);
      if (need === 'public') return;
      if (SESSION_ONLY.has(route)) {
        expect(r.statusCode, r.body).toBe(403);
      } else if (need === 'authenticated' || need === 'patients.read' || need === 'patients.read_all') {
        expect(r.statusCode, r.body).not.toBe(401);
        expect(r.statusCode, r.body).not.toBe(403);
      } else {
        expect(r.statusCode, r.body).toBe(403);
      }
    });

    it('reads patients with the bearer token but may not create one', async () => {
      const c = bearer(token);
      const list = await c.post('/api/patients/search', { q: patient.legalLastName });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([patient.id]);
      expect((await c.get(`/api/patients/${patient.id}`)).statusCode).toBe(200);
      const create = await c.post('/api/patients', patientBody());
      expect(create.statusCode).toBe(403);
    });

    it('writes an api_token.use audit row for each use', async () => {
      const count = async () => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'api_token.use' AND resource_id = $1`, [tokenId])).rows[0]!.n);
      const before = await count();
      const c = bearer(token);
      await c.get('/api/patients');
      await c.get(`/api/patients/${patient.id}`);
      await c.post('/api/patients', patientBody());
      expect(await count()).toBe(before + 3);
      const last = (await t.db.query<{ actor_id: string; actor_kind: string; detail: { method: string; route: string } }>(`SELECT actor_id, actor_kind, detail FROM audit_events WHERE action = 'api_token.use' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(last).toEqual({ actor_id: serviceAccountId, actor_kind: 'token', detail: { method: 'POST', route: '/api/patients' } });
      // The token's last use is shown to admins.
      const listed = ((await admin.get('/api/admin/api-tokens')).json() as { id: string; lastUsedAt: string | null }[]).find((x) => x.id === tokenId);
      expect(listed?.lastUsedAt).not.toBeNull();
    });

    it('never shows the token secret in the token list', async () => {
      const r = await admin.get('/api/admin/api-tokens');
      expect(r.statusCode).toBe(200);
      const secret = token.split('_').slice(2).join('_');
      expect(r.body).not.toContain(token);
      expect(r.body).not.toContain(secret);
      const item = (r.json() as { id: string; prefix: string }[]).find((x) => x.id === tokenId)!;
      expect(token.startsWith(`hth_${item.prefix}_`)).toBe(true);
      const stored = (await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [tokenId])).rows[0]!;
      expect(stored.token_hash).not.toContain(secret);
    });

    it.each([
      ['garbage', 'Bearer nonsense'],
      ['well-formed but unknown', 'Bearer hth_abcdefgh_' + 'A'.repeat(43)],
      ['not a bearer scheme', 'Basic dXNlcjpwYXNz'],
    ])('rejects a %s token with 401', async (_n, header) => {
      const r = await t.app.inject({ method: 'GET', url: '/api/patients', headers: { authorization: header } });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('unauthenticated');
    });

    it('a revoked token answers 401', async () => {
      const r = await admin.post('/api/admin/api-tokens', { serviceAccountId, name: 'to revoke', scopes: ['patients.read'], expiresInDays: 30 });
      const tok = r.json().token;
      expect((await bearer(tok).get('/api/patients')).statusCode).toBe(200);
      expect((await admin.delete(`/api/admin/api-tokens/${r.json().apiToken.id}`)).statusCode).toBe(200);
      expect((await bearer(tok).get('/api/patients')).statusCode).toBe(401);
      const rejected = (await t.db.query<{ outcome: string }>(`SELECT outcome FROM audit_events WHERE action = 'api_token.rejected' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(rejected?.outcome).toBe('failure');
    });

    it('a token of a deactivated service account answers 401', async () => {
      const sa = await admin.post('/api/admin/service-accounts', { name: 'Old integration' });
      const r = await admin.post('/api/admin/api-tokens', { serviceAccountId: sa.json().id, name: 'old', scopes: ['patients.read'], expiresInDays: 30 });
      const tok = r.json().token;
      expect((await bearer(tok).get('/api/patients')).statusCode).toBe(200);
      await t.db.query('UPDATE users SET active = false WHERE id = $1', [sa.json().id]);
      expect((await bearer(tok).get('/api/patients')).statusCode).toBe(401);
    });

    it('tokens can only be issued to service accounts', async () => {
      const person = await aStaff(t.db, { roles: ['therapist'] });
      const r = await admin.post('/api/admin/api-tokens', { serviceAccountId: person.id, name: 'nope', scopes: ['patients.read'], expiresInDays: 30 });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].field).toBe('serviceAccountId');
    });

    // Runs last in this block: it moves the clock past the token's expiry.
    it('an expired token answers 401', async () => {
      expect((await bearer(token).get('/api/patients')).statusCode).toBe(200);
      t.clock.advance(2 * 86400_000 + 1000);
      expect((await bearer(token).get('/api/patients')).statusCode).toBe(401);
    });
  });

  describe('record-level access to patients', () => {
    let fx: Record<string, StaffFixture>;
    let c: Record<string, Client>;
    let pa: { id: string }, pb: { id: string }, px: { id: string };
    const tag = `Rlx${Date.now().toString(36)}`;

    beforeAll(async () => {
      const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
      fx = {
        therapistA: await aStaff(t.db, { roles: ['therapist'] }),
        therapistB: await aStaff(t.db, { roles: ['therapist'] }),
        associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
        supervisor,
        otherSupervisor: await aStaff(t.db, { roles: ['supervisor'] }),
        prescriber: await aStaff(t.db, { roles: ['prescriber'], mfa: true }),
        front_desk: await aStaff(t.db, { roles: ['front_desk'] }),
        biller: await aStaff(t.db, { roles: ['biller'] }),
      };
      pa = await aPatient(t.db, { careTeam: [fx.therapistA!.id], data: { legalLastName: `${tag}A` } });
      pb = await aPatient(t.db, { careTeam: [fx.therapistB!.id], data: { legalLastName: `${tag}B` } });
      px = await aPatient(t.db, { careTeam: [fx.associate!.id], data: { legalLastName: `${tag}X` } });
      c = {};
      for (const [k, s] of Object.entries(fx)) c[k] = await signedIn(t, s);
    });

    // who -> which of the three patients they may open
    const VISIBLE: [string, ('A' | 'B' | 'X')[]][] = [
      ['therapistA', ['A']],
      ['therapistB', ['B']],
      ['associate', ['X']],
      ['supervisor', ['X']],
      ['otherSupervisor', []],
      ['prescriber', []],
      ['front_desk', ['A', 'B', 'X']],
      ['biller', ['A', 'B', 'X']],
    ];

    it.each(VISIBLE)('%s opens exactly the charts %j (404 for the rest) and search is filtered the same way', async (who, visible) => {
      const ids = { A: pa.id, B: pb.id, X: px.id };
      for (const [k, id] of Object.entries(ids)) {
        const r = await c[who]!.get(`/api/patients/${id}`);
        expect(r.statusCode, `${who} opens ${k}`).toBe(visible.includes(k as 'A') ? 200 : 404);
        if (r.statusCode === 404) expect(r.body).not.toContain(tag);
      }
      const s = await c[who]!.post('/api/patients/search', { q: tag });
      expect(s.statusCode).toBe(200);
      expect(s.json().items.map((p: { id: string }) => p.id).sort()).toEqual(visible.map((k) => ids[k]).sort());
      expect(s.json().total).toBe(visible.length);
    });

    it('a denied chart open writes a patient.read audit row with outcome denied', async () => {
      const r = await c.therapistA!.get(`/api/patients/${pb.id}`);
      expect(r.statusCode).toBe(404);
      const row = (await t.db.query<{ actor_id: string; patient_id: string; outcome: string }>(`SELECT actor_id, patient_id, outcome FROM audit_events WHERE action = 'patient.read' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(row).toEqual({ actor_id: fx.therapistA!.id, patient_id: pb.id, outcome: 'denied' });
      // An allowed open is audited as success.
      await c.therapistA!.get(`/api/patients/${pa.id}`);
      const ok = (await t.db.query<{ patient_id: string; outcome: string }>(`SELECT patient_id, outcome FROM audit_events WHERE action = 'patient.read' ORDER BY arrival DESC LIMIT 1`)).rows[0];
      expect(ok).toEqual({ patient_id: pa.id, outcome: 'success' });
    });

    it('an unknown patient id answers the same 404 as a forbidden one', async () => {
      const unknown = await c.therapistA!.get(`/api/patients/${UNKNOWN_ID}`);
      const forbidden = await c.therapistA!.get(`/api/patients/${pb.id}`);
      expect(unknown.statusCode).toBe(404);
      expect(forbidden.statusCode).toBe(404);
      expect({ ...unknown.json(), instance: null }).toEqual({ ...forbidden.json(), instance: null });
    });

    it('a clinician may not edit a patient outside their caseload', async () => {
      const r = await c.therapistA!.patch(`/api/patients/${pb.id}`, { version: 1, preferredName: 'Hijack' });
      expect(r.statusCode).toBe(404);
      const front = await c.front_desk!.get(`/api/patients/${pb.id}`);
      expect(front.json().preferredName).toBeNull();
    });
  });
});

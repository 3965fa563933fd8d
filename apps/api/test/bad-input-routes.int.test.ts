// Bad input against every mutating route (security-and-reliability Part B: B5, B7, B8, B33, B34, B36, B40):
// malformed JSON, wrong content type, oversize bodies, wrong types, missing and unknown fields, prototype
// pollution, bad path ids, IDOR and bad query strings. Every rejection is problem+json and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MALFORMED_JSON, PROTO_POLLUTION_FRAGMENTS, REMOVE, ROUTE_FIXTURES, buildWorld, expectNo5xx, expectProblem, expectUnchanged,
  fieldName, fieldsOf, mutatingRoutes, problemFields, send, sendRaw, snapshot, withAt, wrongTypeValues, type JsonSchema, type World,
} from './bad-input-payloads.js';

const ROUTES = Object.keys(ROUTE_FIXTURES);
const WITH_BODY = ROUTES.filter((k) => ROUTE_FIXTURES[k]!.body);
// Hundreds of requests per test; generous for a loaded machine.
const SLOW = 180_000;

describe('bad input on every mutating route', () => {
  let w: World;
  let schemas: Map<string, JsonSchema | null>;
  beforeAll(async () => {
    w = await buildWorld();
    schemas = new Map((await mutatingRoutes(w.t)).map((r) => [r.key, r.schema]));
  });
  afterAll(() => w.t.close());

  it('has a fixture for every mutating route in the OpenAPI document', () => {
    const missing = [...schemas.keys()].filter((k) => !ROUTE_FIXTURES[k]);
    expect(missing, 'add these routes to ROUTE_FIXTURES in bad-input-payloads.ts').toEqual([]);
    const stale = ROUTES.filter((k) => !schemas.has(k));
    expect(stale, 'fixtures for routes that no longer exist').toEqual([]);
    for (const k of WITH_BODY) expect(schemas.get(k), `${k} declares a JSON body schema`).toBeTruthy();
  });

  it.each(ROUTES)('%s: malformed JSON, wrong content type and oversize bodies are rejected and change nothing', async (key) => {
    const fx = ROUTE_FIXTURES[key]!;
    const [method] = key.split(' ') as [string];
    const c = await fx.client(w);
    const url = fx.url(w);
    const valid = JSON.stringify(fx.body?.(w) ?? {});
    let before = await snapshot(w);
    const check = async (what: string, res: Awaited<ReturnType<typeof sendRaw>>, status: number, code?: string) => {
      expectProblem(res, `${key} ${what}`);
      expect(res.statusCode, `${key} ${what}: ${res.body}`).toBe(status);
      if (code) expect(res.json().code, `${key} ${what}`).toBe(code);
      const after = await snapshot(w);
      expectUnchanged(before, after, 'strict', `${key} ${what}`);
      before = after;
    };
    for (const bad of MALFORMED_JSON) {
      await check(`malformed ${JSON.stringify(bad)}`, await sendRaw(w, c, method, url, bad), 400, 'malformed_json');
    }
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
      await check(`content-type ${ct}`, await sendRaw(w, c, method, url, valid, ct), 415);
    }
    const limit = w.t.config.BODY_LIMIT_BYTES;
    const huge = JSON.stringify({ ...JSON.parse(valid), padding: 'A'.repeat(limit + 1024) });
    await check('oversize body', await sendRaw(w, c, method, url, huge), 413);
  }, SLOW);

  it.each(WITH_BODY)('%s: wrong types, missing and unknown fields are named, and change nothing', async (key) => {
    const fx = ROUTE_FIXTURES[key]!;
    const [method] = key.split(' ') as [string];
    const c = await fx.client(w);
    const url = fx.url(w);
    const base = fx.body!(w);
    const fields = fieldsOf(schemas.get(key)!, base);
    expect(fields.length, `${key} has fields`).toBeGreaterThan(0);
    let before = await snapshot(w);
    const expect400 = async (what: string, body: unknown, field: string) => {
      const res = await send(w, c, method, url, body);
      expectProblem(res, `${key} ${what}`);
      expect(res.statusCode, `${key} ${what}: ${res.body}`).toBe(400);
      expect(problemFields(res), `${key} ${what}: ${res.body}`).toContain(field);
      const after = await snapshot(w);
      expectUnchanged(before, after, 'strict', `${key} ${what}`);
      before = after;
    };
    for (const f of fields) {
      for (const v of wrongTypeValues(f.type)) {
        await expect400(`${fieldName(f.path)}=${JSON.stringify(v)}`, withAt(base, f.path, v), fieldName(f.path));
      }
      if (f.required && typeof f.path[f.path.length - 1] === 'string') {
        await expect400(`without ${fieldName(f.path)}`, withAt(base, f.path, REMOVE), fieldName(f.path));
      }
      if (f.type === 'object') {
        await expect400(`unknown ${fieldName(f.path)}.unexpectedField`, withAt(base, [...f.path, 'unexpectedField'], 1), `${fieldName(f.path)}.unexpectedField`);
      }
    }
    await expect400('unknown top-level field', { ...base, unexpectedField: 'x' }, 'unexpectedField');
    await expect400('an array for the body', [base], 'body');
  }, SLOW);

  it.each(WITH_BODY)('%s: prototype pollution is rejected and does not reach Object.prototype', async (key) => {
    const fx = ROUTE_FIXTURES[key]!;
    const [method] = key.split(' ') as [string];
    const c = await fx.client(w);
    const base = JSON.stringify(fx.body!(w));
    let before = await snapshot(w);
    for (const p of PROTO_POLLUTION_FRAGMENTS) {
      const cases: [string, string][] = [['top level', `{${p.json},${base.slice(1)}`]];
      // Nested inside an object field (the address), where strict schemas must also refuse it.
      if (base.includes('"address":{')) cases.push(['nested', base.replace('"address":{', `"address":{${p.json},`)]);
      for (const [where, raw] of cases) {
        const res = await sendRaw(w, c, method, fx.url(w), raw);
        expectProblem(res, `${key} ${p.name} ${where}`);
        expect(res.statusCode, `${key} ${p.name} ${where}: ${res.body}`).toBe(400);
        const fields = problemFields(res);
        expect(fields.some((f) => f === 'body' || f.includes(p.key)), `${key} ${p.name} ${where} names the field: ${res.body}`).toBe(true);
        const after = await snapshot(w);
        expectUnchanged(before, after, 'strict', `${key} ${p.name}`);
        before = after;
      }
    }
    const probe = {} as Record<string, unknown>;
    expect(probe.isAdmin).toBeUndefined();
    expect(probe.x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('prototype');
  }, SLOW);

  describe('path ids', () => {
    const BAD_IDS = ['not-a-uuid', "1'%20OR%20'1'%3D'1", '..%2F..%2Fetc%2Fpasswd', '00000000-0000-0000-0000-00000000000g', '%00', '12345', '%7B%22%24gt%22%3A%22%22%7D'];
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    const idRoutes = () => [
      ...ROUTES.filter((k) => k.includes(':id')).map((k) => ({ key: k, fx: ROUTE_FIXTURES[k]! })),
      { key: 'GET /api/patients/:id', fx: { client: async () => w.frontDesk, url: () => `/api/patients/${w.ids.patient}` } },
      { key: 'GET /api/staff/:id', fx: { client: async () => w.admin, url: () => `/api/staff/${w.staff.target.id}` } },
    ];

    it('an invalid id is a 400 naming id, on every route that takes one, and changes nothing', async () => {
      for (const { key, fx } of idRoutes()) {
        const [method] = key.split(' ') as [string];
        const c = await fx.client(w);
        const good = fx.url(w);
        const body = 'body' in fx && fx.body ? fx.body(w) : method === 'GET' ? undefined : {};
        for (const bad of BAD_IDS) {
          const before = await snapshot(w);
          const url = good.replace(/[0-9a-f-]{36}/, bad);
          const res = await send(w, c, method, url, body);
          expectProblem(res, `${key} id=${bad}`);
          expect(res.statusCode, `${key} id=${bad}: ${res.body}`).toBe(400);
          expect(problemFields(res), `${key} id=${bad}`).toContain('id');
          expectUnchanged(before, await snapshot(w), 'strict', `${key} id=${bad}`);
        }
        const res = await send(w, c, method, good.replace(/[0-9a-f-]{36}/, 'a'.repeat(300)), body);
        expectProblem(res, `${key} long id (status ${res.statusCode})`);
        const badEncoding = await send(w, c, method, good.replace(/[0-9a-f-]{36}/, '%E0%A4%A'), body);
        expectProblem(badEncoding, `${key} bad %-encoding`);
        expect(badEncoding.statusCode).toBe(400);
        const missing = await send(w, c, method, good.replace(/[0-9a-f-]{36}/, UNKNOWN), body);
        expectProblem(missing, `${key} unknown id`);
        expect(missing.statusCode, `${key} unknown id: ${missing.body}`).toBe(404);
      }
    }, SLOW);
  });

  it('a therapist cannot read or change another therapist’s patient (IDOR), and the record is unchanged', async () => {
    const id = w.ids.patientOfA;
    expect((await send(w, w.therapistA, 'GET', `/api/patients/${id}`)).statusCode).toBe(200);
    const before = (await w.t.db.query<{ version: number; legal_last_name: string; updated_at: Date }>('SELECT version, legal_last_name, updated_at FROM patients WHERE id = $1', [id])).rows[0]!;
    const snap = await snapshot(w);
    const get = await send(w, w.therapistB, 'GET', `/api/patients/${id}`);
    expectProblem(get, 'IDOR GET');
    expect(get.statusCode).toBe(404);
    const unknown = await send(w, w.therapistB, 'GET', '/api/patients/00000000-0000-4000-8000-000000000000');
    // Same answer as for an id that does not exist: no existence oracle.
    expect({ status: get.statusCode, detail: get.json().detail }).toEqual({ status: unknown.statusCode, detail: unknown.json().detail });
    for (const body of [{ version: before.version, legalLastName: 'Hijacked' }, { version: before.version, careTeam: [{ userId: w.staff.therapistB.id, role: 'primary_therapist' }] }]) {
      const patch = await send(w, w.therapistB, 'PATCH', `/api/patients/${id}`, body);
      expectProblem(patch, 'IDOR PATCH');
      expect(patch.statusCode).toBe(404);
    }
    const after = (await w.t.db.query<{ version: number; legal_last_name: string; updated_at: Date }>('SELECT version, legal_last_name, updated_at FROM patients WHERE id = $1', [id])).rows[0]!;
    expect(after).toEqual(before);
    // Only the denied read is audited; no data changed.
    expectUnchanged(snap, await snapshot(w), 'handler', 'IDOR');
    const search = await send(w, w.therapistB, 'POST', '/api/patients/search', { q: before.legal_last_name });
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  describe('query strings', () => {
    const CASES: { url: string; field: string }[] = [
      { url: '/api/patients?pageSize=1000', field: 'pageSize' },
      { url: '/api/patients?pageSize=0', field: 'pageSize' },
      { url: '/api/patients?page=-1', field: 'page' },
      { url: '/api/patients?page=abc', field: 'page' },
      { url: '/api/patients?page=1e999', field: 'page' },
      { url: '/api/patients?unknownParam=1', field: 'unknownParam' },
      // Search terms are refused in URLs: they belong in the POST /api/patients/search body.
      { url: '/api/patients?dob=2020-13-45', field: 'dob' },
      { url: '/api/patients?q=smith', field: 'q' },
      { url: '/api/patients?mrn=100001', field: 'mrn' },
      { url: '/api/patients?status=deleted', field: 'status' },
      { url: '/api/patients?__proto__[role]=admin', field: '__proto__[role]' },
      { url: '/api/patients?_sort=birthdate;DROP%20TABLE%20patients', field: '_sort' },
      { url: '/api/staff?pageSize=1000', field: 'pageSize' },
      { url: '/api/staff?page=-1', field: 'page' },
      { url: '/api/staff?role=superuser', field: 'role' },
      { url: '/api/staff?sortby=1,(SELECT%201/0)', field: 'sortby' },
      { url: '/api/admin/audit?pageSize=1000', field: 'pageSize' },
      { url: '/api/admin/audit?from=yesterday', field: 'from' },
      { url: '/api/admin/audit?action=x%27%3B--', field: 'action' },
      { url: '/api/admin/audit?patientId=1%20OR%201%3D1', field: 'patientId' },
      { url: '/api/admin/audit?unknownParam=1', field: 'unknownParam' },
    ];
    it.each(CASES)('$url → 400 naming $field', async ({ url, field }) => {
      const c = url.startsWith('/api/patients') ? w.frontDesk : w.admin;
      const before = await snapshot(w);
      const res = await send(w, c, 'GET', url);
      expectProblem(res, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(problemFields(res), `${url}: ${res.body}`).toContain(field);
      expectUnchanged(before, await snapshot(w), 'strict', url);
    });

    it.each([
      [{ dob: '2020-13-45' }, 'dob'],
      [{ dob: '2026-02-30' }, 'dob'],
      [{ dob: '0000-00-00' }, 'dob'],
      [{ status: 'deleted' }, 'status'],
      [{ q: 'a'.repeat(101) }, 'q'],
      [{ q: 42 }, 'q'],
      [{ pageSize: 1000 }, 'pageSize'],
      [{ page: '2' }, 'page'],
      [{ sort: 'name' }, 'sort'],
    ])('search body %j → 400 naming %s', async (body, field) => {
      const before = await snapshot(w);
      const res = await send(w, w.frontDesk, 'POST', '/api/patients/search', body);
      expectProblem(res, JSON.stringify(body));
      expect(res.statusCode, res.body).toBe(400);
      expect(problemFields(res)).toContain(field);
      expectUnchanged(before, await snapshot(w), 'strict', 'search');
    });

    it('repeated parameters (HTTP parameter pollution) are rejected or handled, never a 5xx', async () => {
      for (const url of ['/api/patients?page=1&page=2', '/api/patients?q=a&q=b', '/api/patients?status=active&status=waitlist', '/api/patients?id[]=x', '/api/staff?role=admin&role=therapist']) {
        const res = await send(w, url.startsWith('/api/patients') ? w.frontDesk : w.admin, 'GET', url);
        if (res.statusCode >= 400) expectProblem(res, url);
        else expect(res.statusCode, url).toBe(200);
      }
    });
  });

  it('never answered with a 5xx', () => {
    expect(w.statuses.length).toBeGreaterThan(500);
    expectNo5xx(w);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Client, testApp, type TestApp } from './harness.js';
import { aPatient, aPayer, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { MODULE_FIXTURES, MODULE_SETUP } from './routes/index.js';

// Hostile inputs for the bad-input tests (security-and-reliability Part B). Each payload is data:
// the server must either reject it with a 4xx problem, or store it verbatim and return it as a
// JSON string. Nothing here may ever be executed, interpreted as SQL, or crash the server.

export interface HostileString {
  /** Short label for test names and failure messages. */
  name: string;
  value: string;
  /** Catalog family (B1 SQLi, B20 XSS, B27 traversal, B35 Unicode...). */
  family: string;
}

const s = (family: string, name: string, value: string): HostileString => ({ family, name, value });

export const HOSTILE_STRINGS: HostileString[] = [
  // B1/B2 SQL injection: classic, stacked, time-based, comment tricks.
  s('B1', 'sqli-or-true', "' OR 1=1 --"),
  s('B1', 'sqli-drop-patients', "'; DROP TABLE patients; --"),
  s('B1', 'sqli-quoted-or', "Smith' OR '1'='1"),
  s('B1', 'sqli-pg-sleep', "x'; SELECT pg_sleep(5)--"),
  s('B1', 'sqli-concat-sleep', "1'||(SELECT pg_sleep(5))||'"),
  s('B1', 'sqli-dollar-quote', '$$; DROP TABLE users; $$'),
  s('B1', 'sqli-backslash-quote', "\\'; DELETE FROM users; --"),
  // B20/B21 script injection.
  s('B20', 'xss-script', '<script>alert(1)</script>'),
  s('B20', 'xss-img-onerror', '<img src=x onerror=alert(1)>'),
  s('B20', 'xss-svg-onload', '"><svg onload=window.__xss=1>'),
  s('B22', 'javascript-url', 'javascript:alert(1)'),
  // B23 template injection.
  s('B23', 'template-injection', '{{7*7}} ${7*7} <%= 7*7 %> #{7*7}'),
  // B24 CSV/formula injection.
  s('B24', 'csv-formula', '=HYPERLINK("http://127.0.0.1:9/?"&A1,"x")'),
  // B27 path traversal.
  s('B27', 'path-traversal', '../../etc/passwd'),
  s('B27', 'path-traversal-encoded', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'),
  s('B27', 'path-traversal-windows', '..\\..\\windows\\win.ini'),
  // B7 prototype pollution as a string value (objects are in PROTO_POLLUTION_BODIES).
  s('B7', 'proto-key-string', '__proto__'),
  // B35 null byte and control characters.
  s('B35', 'null-byte', 'a\u0000b'),
  s('B35', 'control-chars', 'a\u0001\u0007\u001b[2Jb'),
  s('B35', 'del-char', 'a\u007fb'),
  // B25/B26 CRLF header and log injection.
  s('B25', 'crlf-header-injection', 'a\r\nSet-Cookie: x=y'),
  s('B26', 'log-forging', 'bob\n2026-01-01T00:00Z INFO admin login ok'),
  // B35 Unicode edge cases.
  s('B35', 'rtl-override', 'abc\u202Etxt.exe'),
  s('B35', 'zero-width-joiner', 'Jo\u200Dhn'),
  s('B35', 'combining-marks', 'Z\u0351\u0361a\u0352\u035Blgo\u0334\u0335'),
  s('B35', 'emoji-astral', 'Ana 😀 \u{1F469}\u200D\u{1F4BB} 𝕏'),
  s('B35', 'lone-surrogate', '\uD800'),
  s('B35', 'nfc', 'Jos\u00E9'),
  s('B35', 'nfd', 'Jose\u0301'),
  s('B35', 'homoglyph', '\u0430dmin'),
  s('B35', 'bom-and-nbsp', '\uFEFFAna\u00A0Lee'),
  // B33 size.
  s('B33', 'long-10k', 'A'.repeat(10_000)),
  // Format strings.
  s('misc', 'format-string', '%s%n%x%d%p'),
  // B5 NoSQL/LDAP operators as strings.
  s('B5', 'nosql-operator-string', '{"$gt":""}'),
  s('B5', 'ldap-filter', '*)(uid=*))(|(uid=*'),
  // B31 XML entity.
  s('B31', 'xxe-entity', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
];

/** Raw JSON bodies (sent as text) that try prototype pollution; merged into a valid body by the tests. */
export const PROTO_POLLUTION_FRAGMENTS: { name: string; key: string; json: string }[] = [
  { name: '__proto__', key: '__proto__', json: '"__proto__":{"isAdmin":true}' },
  { name: 'constructor.prototype', key: 'constructor', json: '"constructor":{"prototype":{"x":1}}' },
];

/** Operator objects and other type confusion values (B5). */
export const OPERATOR_OBJECTS: unknown[] = [{ $gt: '' }, { $ne: null }, ['a', 'b'], null];

/** Malformed JSON bodies (B40). */
export const MALFORMED_JSON = ['{"a":', '{a:1}', "{'a':1}", '[1,2', '{"a":1}}', '\u0000'];

/** True when `body` looks like it leaks internals: a stack trace, a source path or SQL. */
export function leaksInternals(body: string): boolean {
  return (
    /\n\s+at\s+\S+.*\(/.test(body) ||
    /\bat (async )?[\w.<>]+ \(/.test(body) ||
    /node_modules|\/src\/|\.ts:\d+|\.js:\d+/.test(body) ||
    /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/.test(body) ||
    /duplicate key value|violates .* constraint|syntax error at or near|invalid input syntax/.test(body)
  );
}

/** True when the hostile value (or its JSON-escaped form) appears in a response body. */
export function echoes(body: string, value: string): boolean {
  if (value.length < 6) return false; // too short to tell apart from ordinary text
  const escaped = JSON.stringify(value).slice(1, -1);
  return body.includes(value) || body.includes(escaped);
}

// ---------------------------------------------------------------------------------------------
// Shared machinery of the bad-input tests: a world of users and records, one fixture per
// mutating route (who may call it, a valid body, how to read the stored value back), the
// "nothing changed" snapshot, and the problem+json checks.
// ---------------------------------------------------------------------------------------------

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const letters = () => uniq().replace(/[^a-z]/g, '').slice(-6).padStart(6, 'q');

export interface World {
  t: TestApp;
  admin: Client;
  frontDesk: Client;
  therapistA: Client;
  therapistB: Client;
  staff: Record<'admin' | 'frontDesk' | 'therapistA' | 'therapistB' | 'supervisor' | 'target' | 'mfaUser' | 'enrollUser' | 'signInUser' | 'pwUser', StaffFixture>;
  ids: { payer: string; location: string; room: string; patient: string; patientOfA: string; serviceAccount: string; apiToken: string; session: string };
  /** Bookkeeping shared by fixtures; module fixtures keep their own keys here (created lazily). */
  state: { patientVersion: number; pwUserPassword: string; pwUserClient: Client | null } & Record<string, unknown>;
  /** Every status code seen, with where it came from, to assert that no 5xx happened. */
  statuses: { status: number; what: string }[];
}

export async function buildWorld(): Promise<World> {
  const t = await testApp();
  await aPractice(t.db);
  const payer = await aPayer(t.db);
  const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
  const staff = {
    admin: await aStaff(t.db, { roles: ['admin'], mfa: true }),
    frontDesk: await aStaff(t.db, { roles: ['front_desk'] }),
    therapistA: await aStaff(t.db, { roles: ['therapist'] }),
    therapistB: await aStaff(t.db, { roles: ['therapist'] }),
    supervisor,
    target: await aStaff(t.db, { roles: ['therapist'] }),
    mfaUser: await aStaff(t.db, { roles: ['prescriber'], mfa: true }),
    enrollUser: await aStaff(t.db, { roles: ['admin'] }),
    signInUser: await aStaff(t.db, { roles: ['biller'] }),
    pwUser: await aStaff(t.db, { roles: ['therapist'] }),
  };
  const admin = await signedIn(t, staff.admin);
  const frontDesk = await signedIn(t, staff.frontDesk);
  const therapistA = await signedIn(t, staff.therapistA);
  const therapistB = await signedIn(t, staff.therapistB);
  // A session of someone else, for the admin to revoke.
  const targetClient = await signedIn(t, staff.target);
  const sessions = (await admin.get('/api/admin/sessions')).json() as { id: string; userId: string }[];
  const session = sessions.find((x) => x.userId === staff.target.id)!.id;
  void targetClient;
  const loc = await admin.post('/api/locations', { name: 'Main', timeZone: 'America/Chicago' });
  const room = await admin.post(`/api/locations/${loc.json().id}/rooms`, { name: 'Room 1' });
  const patient = await frontDesk.post('/api/patients', { legalFirstName: 'Pat', legalLastName: 'Target', sexAtBirth: 'female', dateOfBirth: '1980-01-01' });
  const patientOfA = await aPatient(t.db, { careTeam: [staff.therapistA.id] });
  const sa = await admin.post('/api/admin/service-accounts', { name: 'Integration' });
  const tok = await admin.post('/api/admin/api-tokens', { serviceAccountId: sa.json().id, name: 'tok', scopes: ['patients.read'], expiresInDays: 30 });
  for (const r of [loc, room, patient, sa, tok]) if (r.statusCode !== 201) throw new Error(`world setup failed: ${r.statusCode} ${r.body}`);
  const w: World = {
    t, admin, frontDesk, therapistA, therapistB, staff,
    ids: { payer, location: loc.json().id, room: room.json().id, patient: patient.json().id, patientOfA: patientOfA.id, serviceAccount: sa.json().id, apiToken: tok.json().apiToken.id, session },
    state: { patientVersion: patient.json().version, pwUserPassword: staff.pwUser.password, pwUserClient: null },
    statuses: [],
  };
  // Each module prepares what its fixtures need (records to edit, ids) in w.state.
  for (const setup of MODULE_SETUP) await setup(w);
  return w;
}

/** Signs in with the password only, leaving the session at its MFA stage. */
export async function passwordOnly(t: TestApp, s: StaffFixture): Promise<Client> {
  const c = new Client(t.app);
  const r = await c.post('/api/auth/sign-in', { email: s.email, password: s.password });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.statusCode} ${r.body}`);
  await c.refreshCsrf();
  return c;
}

type Json = Record<string, unknown>;

export interface RouteFixture {
  /** The client that is allowed to call the route (a fresh one where the route consumes its session). */
  client(w: World): Promise<Client>;
  url(w: World): string;
  /** A valid body; absent for routes that take none. */
  body?(w: World): Json;
  /** After a 2xx: the stored record, read back through the API, to compare with what was sent. */
  readBack?(w: World, res: LightMyRequestResponse, sent: Json): Promise<unknown>;
  /** After a 2xx: bookkeeping (versions, passwords). */
  after2xx?(w: World, res: LightMyRequestResponse, sent: Json): void;
}

const address = () => ({ line1: '1 Main St', line2: 'Apt 2', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' });
const patientFields = (w: World): Json => ({
  legalFirstName: 'Ana',
  legalMiddleName: 'Q',
  legalLastName: `Tester${letters()}`,
  preferredName: 'Annie',
  pronouns: 'she/her',
  sexAtBirth: 'female',
  genderIdentity: 'woman',
  dateOfBirth: '1985-04-12',
  phone: '(555) 123-4567',
  email: 'ana@example.com',
  address: address(),
  contactPreferences: { preferredChannel: 'phone', okToLeaveVoicemail: true, okToText: false, okToEmail: true, notes: 'after 5pm' },
  language: 'en',
  interpreterNeeded: false,
  status: 'active',
  contacts: [{ kind: 'emergency', name: 'Bo Tester', relationship: 'brother', phone: '555-222-3333', email: 'bo@example.com' }],
  coverages: [{
    payerId: w.ids.payer, priority: 1, memberId: 'M123', groupNumber: 'G1', planName: 'Gold', relationship: 'spouse',
    subscriber: { firstName: 'Sam', lastName: 'Tester', dateOfBirth: '1980-02-02', sex: 'male' }, startDate: '2025-01-01', endDate: '2027-01-01',
  }],
  careTeam: [{ userId: w.staff.therapistA.id, role: 'primary_therapist' }],
});

const find = async (c: Client, url: string, id: string) => ((await c.get(url)).json() as { id: string }[]).find((x) => x.id === id);

const CORE_FIXTURES: Record<string, RouteFixture> = {
  'POST /api/auth/sign-in': {
    client: async (w) => new Client(w.t.app),
    url: () => '/api/auth/sign-in',
    body: (w) => ({ email: w.staff.signInUser.email, password: 'not the password' }),
  },
  'POST /api/auth/mfa/verify': {
    client: (w) => passwordOnly(w.t, w.staff.mfaUser),
    url: () => '/api/auth/mfa/verify',
    body: () => ({ code: '000000' }),
  },
  'POST /api/auth/mfa/enroll/start': {
    client: (w) => passwordOnly(w.t, w.staff.enrollUser),
    url: () => '/api/auth/mfa/enroll/start',
  },
  'POST /api/auth/mfa/enroll/confirm': {
    client: (w) => passwordOnly(w.t, w.staff.enrollUser),
    url: () => '/api/auth/mfa/enroll/confirm',
    body: () => ({ code: '000000' }),
  },
  'POST /api/auth/sign-out': {
    client: (w) => signedIn(w.t, w.staff.therapistB),
    url: () => '/api/auth/sign-out',
  },
  'POST /api/auth/password-reset/request': {
    client: async (w) => new Client(w.t.app),
    url: () => '/api/auth/password-reset/request',
    body: () => ({ email: 'nobody@example.com' }),
  },
  'POST /api/auth/password-reset/complete': {
    client: async (w) => new Client(w.t.app),
    url: () => '/api/auth/password-reset/complete',
    body: () => ({ token: 'x'.repeat(43), newPassword: 'a perfectly long passphrase 42' }),
  },
  'POST /api/auth/change-password': {
    client: async (w) => (w.state.pwUserClient ??= await signedIn(w.t, { ...w.staff.pwUser, password: w.state.pwUserPassword })),
    url: () => '/api/auth/change-password',
    body: (w) => ({ currentPassword: w.state.pwUserPassword, newPassword: `another passphrase ${uniq()}` }),
    // The stored value is a hash: the proof of "verbatim" is signing in with exactly what was sent.
    readBack: async (w, _res, sent) => {
      const c = new Client(w.t.app);
      const r = await c.post('/api/auth/sign-in', { email: w.staff.pwUser.email, password: sent.newPassword });
      return { newPassword: r.statusCode === 200 ? sent.newPassword : `sign-in failed ${r.statusCode}` };
    },
    after2xx: (w, _res, sent) => {
      w.state.pwUserPassword = sent.newPassword as string;
    },
  },
  'POST /api/patients': {
    client: async (w) => w.frontDesk,
    url: () => '/api/patients',
    body: patientFields,
    readBack: async (w, res) => (await w.frontDesk.get(`/api/patients/${res.json().id}`)).json(),
  },
  'POST /api/patients/search': {
    client: async (w) => w.frontDesk,
    url: () => '/api/patients/search',
    body: () => ({ q: 'ana tester', dob: '1985-04-12', phone: '555-123-4567', mrn: '100001', status: 'active', page: 1, pageSize: 10 }),
  },
  'PATCH /api/patients/:id': {
    client: async (w) => w.frontDesk,
    url: (w) => `/api/patients/${w.ids.patient}`,
    body: (w) => ({ ...patientFields(w), version: w.state.patientVersion }),
    readBack: async (w) => (await w.frontDesk.get(`/api/patients/${w.ids.patient}`)).json(),
    after2xx: (w, res) => {
      w.state.patientVersion = res.json().version;
    },
  },
  'PATCH /api/practice': {
    client: async (w) => w.admin,
    url: () => '/api/practice',
    body: () => ({
      name: 'Test Practice', npi: '1234567893', taxId: '12-3456789', phone: '555-010-2000', email: 'office@example.com',
      address: address(), billingAddress: address(), timeZone: 'America/New_York', requireMfaForAll: false, sessionIdleMinutes: 60,
    }),
    readBack: async (w) => (await w.admin.get('/api/practice')).json(),
  },
  'POST /api/locations': {
    client: async (w) => w.admin,
    url: () => '/api/locations',
    body: () => ({ name: `Clinic ${uniq()}`, address: address(), phone: '555-010-3000', timeZone: 'America/Chicago', placeOfService: '11', active: true }),
    readBack: async (w, res) => find(w.admin, '/api/locations', res.json().id),
  },
  'PATCH /api/locations/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/locations/${w.ids.location}`,
    body: () => ({ name: `Clinic ${uniq()}`, address: address(), phone: '555-010-3000', timeZone: 'America/Chicago', placeOfService: '11', active: true }),
    readBack: async (w) => find(w.admin, '/api/locations', w.ids.location),
  },
  'POST /api/locations/:id/rooms': {
    client: async (w) => w.admin,
    url: (w) => `/api/locations/${w.ids.location}/rooms`,
    body: () => ({ name: `Room ${uniq()}`, capacity: 2, active: true }),
    readBack: async (w, res) => ((await find(w.admin, '/api/locations', w.ids.location)) as unknown as { rooms: { id: string }[] }).rooms.find((r) => r.id === res.json().id),
  },
  'PATCH /api/rooms/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/rooms/${w.ids.room}`,
    body: () => ({ name: `Room ${uniq()}`, capacity: 3, active: true }),
    readBack: async (w) => ((await find(w.admin, '/api/locations', w.ids.location)) as unknown as { rooms: { id: string }[] }).rooms.find((r) => r.id === w.ids.room),
  },
  'POST /api/payers': {
    client: async (w) => w.admin,
    url: () => '/api/payers',
    body: () => ({ name: `Payer ${uniq()}`, payerCode: `P${uniq()}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 15), kind: 'commercial', active: true }),
    readBack: async (w, res) => find(w.admin, '/api/payers', res.json().id),
  },
  'POST /api/staff': {
    client: async (w) => w.admin,
    url: () => '/api/staff',
    body: (w) => ({
      email: `new.${uniq()}@example.com`, firstName: 'Nia', lastName: 'Newhire', credentials: 'LCSW', licenseType: 'LCSW', licenseNumber: 'IL-12345',
      licenseState: 'IL', npi: '1234567893', taxonomyCode: '101YP2500X', supervisorId: w.staff.supervisor.id, roles: ['therapist'],
    }),
    readBack: async (w, res) => (await w.admin.get(`/api/staff/${res.json().staff.id}`)).json(),
  },
  'PATCH /api/staff/:id': {
    client: async (w) => w.admin,
    url: (w) => `/api/staff/${w.staff.target.id}`,
    body: (w) => ({
      email: `target.${uniq()}@example.com`, firstName: 'Tara', lastName: 'Target', credentials: 'LPC', licenseType: 'LPC', licenseNumber: 'IL-777',
      licenseState: 'IL', npi: '1234567893', taxonomyCode: '101YP2500X', supervisorId: w.staff.supervisor.id, roles: ['therapist'], active: true,
    }),
    readBack: async (w) => (await w.admin.get(`/api/staff/${w.staff.target.id}`)).json(),
  },
  'POST /api/staff/:id/unlock': { client: async (w) => w.admin, url: (w) => `/api/staff/${w.staff.target.id}/unlock` },
  'POST /api/staff/:id/reset-mfa': { client: async (w) => w.admin, url: (w) => `/api/staff/${w.staff.target.id}/reset-mfa` },
  'DELETE /api/admin/sessions/:id': { client: async (w) => w.admin, url: (w) => `/api/admin/sessions/${w.ids.session}` },
  'POST /api/admin/service-accounts': {
    client: async (w) => w.admin,
    url: () => '/api/admin/service-accounts',
    body: () => ({ name: `Service ${uniq()}` }),
    readBack: async (w, res) => find(w.admin, '/api/admin/service-accounts', res.json().id),
  },
  'POST /api/admin/api-tokens': {
    client: async (w) => w.admin,
    url: () => '/api/admin/api-tokens',
    body: (w) => ({ serviceAccountId: w.ids.serviceAccount, name: `Token ${uniq()}`, scopes: ['patients.read'], expiresInDays: 30 }),
    readBack: async (w, res) => find(w.admin, '/api/admin/api-tokens', res.json().apiToken.id),
  },
  'DELETE /api/admin/api-tokens/:id': { client: async (w) => w.admin, url: (w) => `/api/admin/api-tokens/${w.ids.apiToken}` },
};
/** Every mutating route's fixture: the core ones above plus each module's (test/routes/). */
export const ROUTE_FIXTURES: Record<string, RouteFixture> = { ...CORE_FIXTURES, ...MODULE_FIXTURES };

/** Mutating /api routes as listed by the OpenAPI document, in "METHOD /path/:param" form. */
export async function mutatingRoutes(t: TestApp): Promise<{ key: string; schema: JsonSchema | null }[]> {
  const doc = (await t.app.inject('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  const out: { key: string; schema: JsonSchema | null }[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/')) continue;
    for (const [m, op] of Object.entries(ops)) {
      if (!['post', 'put', 'patch', 'delete'].includes(m)) continue;
      out.push({ key: `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, schema: op.requestBody?.content['application/json']?.schema ?? null });
    }
  }
  return out;
}

// ---- JSON schema walking ------------------------------------------------------------------------
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

/** A field whose schema admits only a closed form (enum, format or pattern), as opposed to free text. */
const isConstrained = (s: JsonSchema): boolean => !!(s.enum || s.format || s.pattern) || (!!s.anyOf && s.anyOf.every(isConstrained));

/** The JSON type a schema expects ('string', 'number', 'integer', 'boolean', 'object', 'array'). */
export function schemaType(s: JsonSchema): string | undefined {
  if (typeof s.type === 'string' && s.type !== 'null') return s.type;
  if (Array.isArray(s.type)) return s.type.find((x) => x !== 'null');
  for (const v of s.anyOf ?? []) {
    const t = schemaType(v);
    if (t) return t;
  }
  return undefined;
}
const objectSchema = (s: JsonSchema): JsonSchema | undefined => (s.properties ? s : s.anyOf?.map(objectSchema).find(Boolean));
const arraySchema = (s: JsonSchema): JsonSchema | undefined => (s.items ? s : s.anyOf?.map(arraySchema).find(Boolean));

export interface FieldInfo {
  path: (string | number)[];
  type: string;
  required: boolean;
  constrained: boolean;
}

/** Every field present in `body`, with the type its schema expects (nested objects and array items included). */
export function fieldsOf(schema: JsonSchema, body: unknown, path: (string | number)[] = []): FieldInfo[] {
  const out: FieldInfo[] = [];
  const obj = objectSchema(schema);
  if (obj && body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, sub] of Object.entries(obj.properties ?? {})) {
      if (!(k in (body as Json))) continue;
      const v = (body as Json)[k];
      const type = schemaType(sub) ?? 'unknown';
      out.push({ path: [...path, k], type, required: (obj.required ?? []).includes(k), constrained: isConstrained(sub) });
      out.push(...fieldsOf(sub, v, [...path, k]));
    }
  }
  const arr = arraySchema(schema);
  if (arr?.items && Array.isArray(body) && body.length) {
    const item = arr.items;
    const type = schemaType(item) ?? 'unknown';
    if (type !== 'object') out.push({ path: [...path, 0], type, required: false, constrained: isConstrained(item) });
    out.push(...fieldsOf(item, body[0], [...path, 0]));
  }
  return out;
}

export const fieldName = (path: (string | number)[]) => path.join('.');

export function getAt(o: unknown, path: (string | number)[]): unknown {
  let cur = o;
  for (const k of path) cur = cur == null ? undefined : (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** A deep copy of `body` with the value at `path` replaced (or removed when value is REMOVE). */
export const REMOVE = Symbol('remove');
export function withAt(body: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(body);
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** Values of the wrong JSON type for a field of the given type. */
export function wrongTypeValues(type: string): unknown[] {
  switch (type) {
    case 'string': return [12345, true, ['x'], { $gt: '' }];
    case 'number':
    case 'integer': return ['12', true, [1]];
    case 'boolean': return ['true', 1, [true]];
    case 'object': return [[], 'x', 7];
    case 'array': return [{}, 'x'];
    default: return [];
  }
}

// ---- the "nothing changed" snapshot -------------------------------------------------------------
const digest = (table: string, expr = 't::text', order = 't::text') =>
  `(SELECT md5(COALESCE(string_agg(${expr}, '|' ORDER BY ${order}), '')) FROM ${table} t)`;
// Row counts and digests both snapshots take: one list, so a new table is added once.
const COUNTED_TABLES = [
  'patients', 'users', 'locations', 'rooms', 'payers', 'api_tokens', 'patient_contacts', 'coverages', 'care_team', 'jobs',
  'password_reset_tokens', 'appointments', 'appointment_series', 'appointment_events', 'appointment_types', 'groups',
  'group_members', 'group_attendance', 'clinician_hours', 'clinician_exceptions', 'reminder_rules', 'outreach_attempts',
  'waitlist_entries', 'payer_attendance_fees',
  'note_templates', 'note_template_versions', 'notes', 'note_signatures', 'note_addenda', 'group_notes', 'psychotherapy_notes',
  'patient_problems', 'practice_interventions', 'icd10_codes', 'content_releases',
];
const COMMON_SQL = `${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS count_${t}`).join(',\n  ')},
  (SELECT COALESCE(max(seq), 0) FROM audit_events)::int AS audit_seq,
  (SELECT count(*) FROM sessions WHERE revoked_at IS NULL)::int AS live_sessions,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, status, version, starts_at, ends_at, room_id, clinician_id), '|' ORDER BY id), '')) FROM appointments) AS appointments_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, version, status), '|' ORDER BY id), '')) FROM appointment_series) AS series_digest,
  (SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) FROM appointment_types t) AS types_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, status, version, content_hash, updated_at), '|' ORDER BY id), '')) FROM notes) AS notes_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', template_id, version, status, updated_at), '|' ORDER BY template_id, version), '')) FROM note_template_versions) AS template_versions_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, version, status, is_primary), '|' ORDER BY id), '')) FROM patient_problems) AS problems_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, version, updated_at), '|' ORDER BY id), '')) FROM psychotherapy_notes) AS psychotherapy_digest,
  (SELECT md5(COALESCE(string_agg(concat_ws(',', id, version, status), '|' ORDER BY id), '')) FROM group_notes) AS group_notes_digest,
  (SELECT note_overdue_hours FROM practice LIMIT 1) AS note_overdue_hours,`;
const SNAPSHOT_SQL = `SELECT
  ${COMMON_SQL}
  ${digest('patients')} AS patients_digest, ${digest('practice')} AS practice_digest, ${digest('locations')} AS locations_digest,
  ${digest('rooms')} AS rooms_digest, ${digest('payers')} AS payers_digest, ${digest('api_tokens')} AS api_tokens_digest,
  ${digest('patient_contacts', 'concat_ws(\',\', t.patient_id, t.kind, t.name, t.relationship, t.phone, t.email)')} AS contacts_digest,
  ${digest('users', "concat_ws(',', t.id, t.email, t.first_name, t.last_name, t.credentials, t.license_type, t.license_number, t.license_state, t.npi, t.taxonomy_code, t.supervisor_id, t.active, t.mfa_enabled, t.mfa_secret, t.mfa_pending_secret, t.password_hash, t.updated_at)")} AS users_digest,
  ${digest('user_roles')} AS roles_digest`;

export type Snapshot = Record<string, unknown>;
export const snapshot = async (w: World): Promise<Snapshot> => (await w.t.db.query<Snapshot>(SNAPSHOT_SQL)).rows[0]!;

/** The cheap variant for long loops: row counts plus the records that routes update in place. */
const USER_COLS = "concat_ws(',', t.id, t.email, t.first_name, t.last_name, t.credentials, t.license_type, t.license_number, t.license_state, t.npi, t.taxonomy_code, t.supervisor_id, t.active, t.mfa_enabled, t.mfa_secret, t.mfa_pending_secret, t.password_hash, t.updated_at)";
const LIGHT_SQL = `SELECT
  ${COMMON_SQL}
  (SELECT t::text FROM patients t WHERE id = $1) AS patient_row, (SELECT t::text FROM practice t LIMIT 1) AS practice_row,
  (SELECT t::text FROM locations t WHERE id = $2) AS location_row, (SELECT t::text FROM rooms t WHERE id = $3) AS room_row,
  (SELECT string_agg(${USER_COLS}, '|' ORDER BY t.id) FROM users t WHERE id = ANY($4::uuid[])) AS users_digest`;
export const lightSnapshot = async (w: World): Promise<Snapshot> =>
  (await w.t.db.query<Snapshot>(LIGHT_SQL, [w.ids.patient, w.ids.location, w.ids.room, [w.staff.target.id, w.staff.pwUser.id, w.staff.signInUser.id, w.staff.mfaUser.id, w.staff.enrollUser.id]])).rows[0]!;

/**
 * Fields a rejected request may legitimately change: a refused sign-in or MFA code is audited,
 * counts towards lockout and may end an MFA-stage session. Everything else must stay as it was.
 */
const HANDLER_REJECTION_MAY_CHANGE = ['audit_seq', 'live_sessions'];
export function expectUnchanged(before: Snapshot, after: Snapshot, how: 'strict' | 'handler', what: string) {
  const strip = (s: Snapshot) => (how === 'strict' ? s : Object.fromEntries(Object.entries(s).filter(([k]) => !HANDLER_REJECTION_MAY_CHANGE.includes(k))));
  expect(strip(after), `${what}: a rejected request changed data`).toEqual(strip(before));
}

// ---- response checks ----------------------------------------------------------------------------
/** Every error is problem+json with type/title/status/detail, no internals, and no echo of `hostile`. */
export function expectProblem(res: LightMyRequestResponse, what: string, hostile?: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: server error ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(res.headers['content-type']), what).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown };
  expect(typeof p.type, `${what}: type`).toBe('string');
  expect(typeof p.title, `${what}: title`).toBe('string');
  expect(p.status, `${what}: status`).toBe(res.statusCode);
  expect(typeof p.detail, `${what}: detail`).toBe('string');
  expect(leaksInternals(res.body), `${what}: leaks internals: ${res.body.slice(0, 300)}`).toBe(false);
  if (hostile !== undefined) expect(echoes(res.body, hostile), `${what}: echoes the submitted value`).toBe(false);
}

export const problemFields = (res: LightMyRequestResponse): string[] =>
  ((JSON.parse(res.body) as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

/** Sends a raw body with a chosen content type through a client's cookie and CSRF token. */
export async function sendRaw(w: World, c: Client, method: string, url: string, payload: string | Buffer, contentType = 'application/json') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  const res = await w.t.app.inject({ method: method as 'POST', url, headers, payload });
  w.statuses.push({ status: res.statusCode, what: `${method} ${url}` });
  return res;
}

export async function send(w: World, c: Client, method: string, url: string, body?: unknown) {
  const res = await c.request(method, url, body);
  w.statuses.push({ status: res.statusCode, what: `${method} ${url}` });
  return res;
}

export function expectNo5xx(w: World) {
  const bad = w.statuses.filter((s) => s.status >= 500);
  expect(bad, `server errors: ${JSON.stringify(bad.slice(0, 10))}`).toEqual([]);
}

// ---- hostile strings in every string field ------------------------------------------------------
export interface HostileOutcome {
  field: string;
  payload: string;
  status: number;
  /** Which request settled it (several fields can share one request). */
  request: number;
}

/**
 * Sends every hostile string in every string field of a route's valid body. Each answer is a 4xx
 * problem that names the field and changed nothing, or a 2xx whose stored value (read back through
 * the API) is exactly what was sent (trimmed, as the schemas trim text) and comes back as JSON.
 *
 * To stay fast, a payload first goes into all constrained fields (enums, formats, patterns) at once and
 * into all free-text fields at once; any field the answer does not settle (not named in a rejection) is
 * then tried on its own. Either way every field meets every payload and is checked by name.
 */
export async function runHostileStrings(w: World, key: string, schema: JsonSchema, payloads = HOSTILE_STRINGS): Promise<HostileOutcome[]> {
  const fx = ROUTE_FIXTURES[key]!;
  const [method] = key.split(' ') as [string];
  const strict = !key.includes('/api/auth/');
  const outcomes: HostileOutcome[] = [];
  const fields = fieldsOf(schema, fx.body!(w)).filter((f) => f.type === 'string');
  expect(fields.length, `${key} has string fields`).toBeGreaterThan(0);
  let before = await lightSnapshot(w);
  let requests = 0;

  /** Sends `p` in every field of `group`; returns the fields the answer did not settle. */
  const attempt = async (group: FieldInfo[], p: HostileString): Promise<FieldInfo[]> => {
    let sent = fx.body!(w);
    for (const f of group) sent = withAt(sent, f.path, p.value);
    const names = group.map((f) => fieldName(f.path));
    const what = `${key} ${names.length === 1 ? names[0] : `[${names.join(', ')}]`}=${p.name}`;
    const res = await send(w, await fx.client(w), method, fx.url(w), sent);
    const request = ++requests;
    if (res.statusCode >= 200 && res.statusCode < 300) {
      expect(String(res.headers['content-type']), what).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      fx.after2xx?.(w, res, sent);
      const stored = fx.readBack ? await fx.readBack(w, res, sent) : undefined;
      for (const f of group) {
        if (fx.readBack) {
          const v = getAt(stored, f.path);
          expect([p.value, p.value.trim()], `${key} ${fieldName(f.path)}=${p.name}: stored ${JSON.stringify(v)?.slice(0, 80)}`).toContain(v);
        }
        outcomes.push({ field: fieldName(f.path), payload: p.name, status: res.statusCode, request });
      }
      before = await lightSnapshot(w);
      return [];
    }
    expectProblem(res, what, p.value);
    const after = await lightSnapshot(w);
    expectUnchanged(before, after, strict ? 'strict' : 'handler', what);
    before = after;
    const named = new Set(problemFields(res));
    const unsettled = group.length === 1 ? [] : group.filter((f) => !named.has(fieldName(f.path)));
    for (const f of group) if (!unsettled.includes(f)) outcomes.push({ field: fieldName(f.path), payload: p.name, status: res.statusCode, request });
    return unsettled;
  };

  const groups = [fields.filter((f) => f.constrained), fields.filter((f) => !f.constrained)].filter((g) => g.length);
  for (const group of groups) {
    for (const p of payloads) {
      for (const f of await attempt(group, p)) await attempt([f], p);
    }
  }
  expect(outcomes.length, `${key}: every field met every payload`).toBe(fields.length * payloads.length);
  return outcomes;
}

/** The SQL-injection payloads did not run: every table is still there. */
export async function expectTablesIntact(w: World) {
  for (const table of ['patients', 'users', 'payers', 'locations', 'rooms', 'audit_events', 'sessions']) {
    const r = await w.t.db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public.${table}`]);
    expect(r.rows[0]!.t, `table ${table} exists`).toBe(table);
  }
  const chain = await w.admin.get('/api/admin/audit/verify');
  expect(chain.json(), 'audit chain verifies').toMatchObject({ ok: true });
}

/** Registers one test per route that runs every hostile string through every string field. */
export function hostileSuite(keys: string[], extra?: (get: () => World, outcomes: Map<string, HostileOutcome[]>) => void) {
  let w: World;
  let schemas: Map<string, JsonSchema | null>;
  const outcomes = new Map<string, HostileOutcome[]>();
  beforeAll(async () => {
    w = await buildWorld();
    schemas = new Map((await mutatingRoutes(w.t)).map((r) => [r.key, r.schema]));
  });
  afterAll(() => w.t.close());
  it.each(keys)(
    '%s',
    async (key) => {
      outcomes.set(key, await runHostileStrings(w, key, schemas.get(key)!));
    },
    180_000,
  );
  extra?.(() => w, outcomes);
  it('left every table in place, the audit chain intact, and never answered 5xx', async () => {
    await expectTablesIntact(w);
    expectNo5xx(w);
  });
}

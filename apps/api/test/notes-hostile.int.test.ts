import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { HOSTILE_STRINGS, echoes, leaksInternals } from './bad-input-payloads.js';
import { RISK_LOW, TEST_CODES, aTemplate, anIntervention, completeProgressContent, icd10, progressDefinition } from './documentation-builders.js';

// Bad input on notes: unknown template sections and fields, values of the wrong shape for every
// field type, content beyond the size limit, hostile text, malformed encounters, and the lifecycle
// misuses (signing twice, editing a signed note, co-signing one's own). Each is a clear 4xx naming
// the field, never echoing the value, and the note, its signatures and the audit log are unchanged.
const NOW = new Date('2027-03-15T22:00:00Z');

describe('notes: bad input', () => {
  let t: TestApp;
  let author: StaffFixture;
  let c: Client;
  let patient: string;
  let template: { id: string; version: number };
  let noteId: string;
  let version = 1;

  const put = (body: unknown, id = noteId) => c.request('PUT', `/api/notes/${id}`, body);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  /** The note's row, its signatures and addenda, and the audit log's length: what must not move. */
  const state = async (id = noteId) =>
    (await t.db.query(
      `SELECT (SELECT n::text FROM notes n WHERE id = $1) AS note,
              (SELECT count(*)::int FROM note_signatures WHERE note_id = $1) AS signatures,
              (SELECT count(*)::int FROM note_addenda WHERE note_id = $1) AS addenda,
              (SELECT count(*)::int FROM notes) AS notes,
              (SELECT count(*)::int FROM audit_events) AS audit`,
      [id],
    )).rows[0];
  const expect4xx = async (res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, hostile?: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(leaksInternals(res.body), res.body).toBe(false);
    if (hostile) expect(echoes(res.body, hostile), `echoes: ${res.body.slice(0, 200)}`).toBe(false);
  };

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    author = await aStaff(t.db, { roles: ['therapist', 'supervisor'] });
    c = await signedIn(t, author);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt');
    template = await aTemplate(t.db, { definition: progressDefinition(), billable: true, kind: 'progress' });
    patient = (await aPatient(t.db, { careTeam: [author.id] })).id;
    const r = await c.post('/api/notes', { patientId: patient, templateId: template.id, encounter: { startTime: '15:00', endTime: '15:53', participants: [{ role: 'patient' }] } });
    expect(r.statusCode, r.body).toBe(201);
    noteId = r.json().id;
  });
  afterAll(() => t.close());

  it('names unknown sections and fields of the template, and changes nothing', async () => {
    const before = await state();
    const r = await put({ version, content: { data: { subjective: 'ok', favourite_colour: 'blue' }, billing: { cpt: '90837' } } });
    await expect4xx(r, 400);
    expect(r.json().errors).toEqual([
      { field: 'content.data.favourite_colour', message: 'is not a field of this template' },
      { field: 'content.billing', message: 'is not a section of this template' },
    ]);
    expect(await state()).toEqual(before);
  });

  const WRONG: [string, unknown, string][] = [
    ['data.subjective', 42, 'must be text'],
    ['data.subjective', 'x'.repeat(20_001), 'must be at most 20000 characters'],
    ['data.mood', 'euphoric', 'must be one of the choices'],
    ['data.mood', ['low'], 'must be one of the choices'],
    ['data.interventions', 'test_cbt', 'must be a list of interventions'],
    ['data.interventions', ['test_cbt', 'reiki'], 'item 2 is not a known intervention'],
    ['data.next_date', '2027-02-30', 'must be a date such as 2027-03-15'],
    ['data.next_date', 20270322, 'must be a date such as 2027-03-15'],
    ['assessment.phq9', '12', 'must be a number'],
    ['assessment.phq9', 28, 'must be at most 27'],
    ['assessment.goals', [{ goal: 'Sleep', rating: 'awesome' }], 'item 1: rating: '],
    ['assessment.goals', { goal: 'Sleep' }, 'must be a list of goals'],
    ['assessment.risk', { ...RISK_LOW, riskLevel: 'none' }, 'riskLevel: '],
    ['assessment.risk', 'low', 'must be a risk assessment'],
    ['assessment.mse', { mood: { normal: 'yes' } }, 'mood normal: '],
    ['assessment.mse', { vibe: { normal: true } }, 'has a field that is not recognised'],
  ];

  it.each(WRONG)('%s = %j is refused naming the field', async (path, value, message) => {
    const [section, field] = path.split('.') as [string, string];
    const before = await state();
    const r = await put({ version, content: { [section]: { [field]: value } } });
    await expect4xx(r, 400);
    expect(r.json().errors).toHaveLength(1);
    expect(r.json().errors[0].field).toBe(`content.${path}`);
    expect(r.json().errors[0].message.startsWith(message), r.json().errors[0].message).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('every bad field of one save is named at once', async () => {
    const r = await put({ version, content: { data: { subjective: 1, mood: 2 }, plan: { plan: [] as string[], extra: 'x' } }, enabledSections: ['data'] });
    await expect4xx(r, 400);
    expect(fields(r)).toEqual(['content.data.subjective', 'content.data.mood', 'content.plan.extra', 'enabledSections.0']);
  });

  it('refuses content over 200,000 bytes with 413 naming content, and nothing changes', async () => {
    const before = await state();
    const huge = { data: { subjective: 'word '.repeat(4_000) }, assessment: { response: 'x'.repeat(20_000) }, plan: { plan: 'y'.repeat(20_000) } };
    // Many fields each within their own limit, together over the note's limit.
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s${i}`, { f: 'z'.repeat(19_000) }]));
    for (const content of [{ ...huge, ...many }, { data: { subjective: '\u{1F600}'.repeat(50_001) } }]) {
      const r = await put({ version, content });
      await expect4xx(r, 413);
      expect(r.json()).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'content' }] });
      expect(await state()).toEqual(before);
    }
    const ok = await put({ version, content: huge });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    version = ok.json().version;
  });

  it('stores hostile text verbatim and returns it as JSON, or refuses it naming the field without echoing it', async () => {
    for (const h of HOSTILE_STRINGS) {
      const before = await state();
      const r = await put({ version, content: { data: { subjective: h.value }, assessment: { goals: [{ goal: h.value, rating: 'met', comment: h.value }] } } });
      if (r.statusCode === 200) {
        version = r.json().version;
        const back = (await c.get(`/api/notes/${noteId}`)).json();
        expect(back.content.data.subjective, h.name).toBe(h.value);
        expect(back.content.assessment.goals[0].comment, h.name).toBe(h.value);
      } else {
        await expect4xx(r, 400, h.value);
        expect(fields(r).every((f) => f.startsWith('content.')), `${h.name}: ${r.body.slice(0, 200)}`).toBe(true);
        expect(await state()).toEqual(before);
      }
    }
    const tables = await t.db.query<{ t: string | null }>(`SELECT to_regclass('public.notes')::text AS t`);
    expect(tables.rows[0]!.t).toBe('notes');
  });

  it('refuses malformed encounters and request shapes, naming each field', async () => {
    const cases: [unknown, string[]][] = [
      [{ version, encounter: { diagnoses: [{ code: 'F99.999' }] } }, ['encounter.diagnoses.0.code']],
      [{ version, encounter: { diagnoses: [{ code: 'F41.1' }, { code: 'F41.1' }] } }, ['encounter.diagnoses.1.code']],
      [{ version, encounter: { diagnoses: [{ code: 'anxiety' }] } }, ['encounter.diagnoses.0.code']],
      [{ version, encounter: { startTime: '16:00', endTime: '15:00' } }, ['encounter.endTime']],
      [{ version, encounter: { startTime: '25:00' } }, ['encounter.startTime']],
      [{ version, encounter: { placeOfService: 'moon' } }, ['encounter.placeOfService']],
      [{ version, encounter: { psychotherapyMinutes: -5 } }, ['encounter.psychotherapyMinutes']],
      [{ version, encounter: { participants: [{ role: 'patient', ssn: '123' }] } }, ['encounter.participants.0.ssn']],
      [{ version, encounter: { billingCode: '90837' } }, ['encounter.billingCode']],
      [{ version, content: { data: 'Slept well' } }, ['content.data']],
      [{ version, content: { 'Bad Section': { x: 1 } } }, ['content.Bad Section']],
      [{ version, content: {}, status: 'signed' }, ['status']],
      [{ content: {} }, ['version']],
    ];
    for (const [body, named] of cases) {
      const before = await state();
      const r = await put(body);
      await expect4xx(r, 400);
      for (const f of named) expect(fields(r), `${JSON.stringify(body)}: ${r.body.slice(0, 300)}`).toContain(f);
      expect(await state()).toEqual(before);
    }
  });

  it('refuses to sign without the attestation, then signs; signing twice, editing and co-signing one\u2019s own are 4xx that change nothing', async () => {
    expect((await put({ version, content: completeProgressContent(), encounter: { diagnoses: [{ code: 'F41.1' }] } })).statusCode).toBe(200);
    version += 1;
    const noAttest = await c.post(`/api/notes/${noteId}/sign`, { version, attestation: false });
    await expect4xx(noAttest, 400);
    expect(fields(noAttest)).toEqual(['attestation']);
    const signed = await c.post(`/api/notes/${noteId}/sign`, { version, attestation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    version = signed.json().version;
    const before = await state();
    await expect4xx(await c.post(`/api/notes/${noteId}/sign`, { version, attestation: true }), 409);
    const edit = await put({ version, content: { data: { subjective: 'Rewritten after signing' } } });
    await expect4xx(edit, 409, 'Rewritten after signing');
    // The author also holds clinical.cosign: still never on their own note.
    const own = await c.post(`/api/notes/${noteId}/cosign`, { version });
    await expect4xx(own, 403);
    expect(own.json().detail).toBe('You cannot co-sign your own note.');
    await expect4xx(await c.post(`/api/notes/${noteId}/return`, { version, comment: 'x' }), 403);
    expect(await state()).toEqual(before);
  });

  it('bad ids are 400 naming id; unknown ones 404', async () => {
    for (const [method, suffix, body] of [['GET', '', undefined], ['PUT', '', { version: 1 }], ['POST', '/sign', { version: 1, attestation: true }], ['POST', '/addenda', { reason: 'correction', body: 'x' }]] as const) {
      const bad = await c.request(method, `/api/notes/not-a-uuid${suffix}`, body);
      await expect4xx(bad, 400);
      expect(fields(bad)).toContain('id');
      await expect4xx(await c.request(method, `/api/notes/00000000-0000-4000-8000-000000000000${suffix}`, body), 404);
    }
    await expect4xx(await c.get('/api/patients/not-a-uuid/notes'), 400);
    await expect4xx(await c.get(`/api/patients/${patient}/notes?pageSize=1000`), 400);
    await expect4xx(await c.get('/api/appointments/00000000-0000-4000-8000-000000000000/note'), 404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPatientProblem } from '@hearth/contracts';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { testApp, type Client, type TestApp } from './harness.js';
import { addProblemInTx } from '../src/modules/documentation/add-problem.js';
import type { Actor } from '../src/platform/auth/actor.js';

// The patient's problem list: current ICD-10-CM codes only, one primary, each diagnosis listed once
// while live, resolving dated, optimistic concurrency, caseload-only access, every read and change audited.
const NOW = new Date('2027-03-16T03:30:00Z'); // still March 15 in Chicago

describe('problem list', () => {
  let t: TestApp;
  let s: Record<'a' | 'b' | 'front' | 'supervisor', StaffFixture>;
  let c: Record<'a' | 'b' | 'front' | 'supervisor', Client>;
  let patient: string;
  let other: string;

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
    s = {
      a: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      b: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      supervisor,
    };
    await t.db.query(`UPDATE users SET first_name = 'Dana', last_name = 'Reyes', credentials = 'LMSW' WHERE id = $1`, [s.a.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    patient = (await aPatient(t.db, { careTeam: [s.a.id] })).id;
    other = (await aPatient(t.db, { careTeam: [s.a.id] })).id;
  });
  afterAll(() => t.close());

  const url = (p = patient) => `/api/patients/${p}/problems`;
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const rows = async (p = patient) => (await t.db.query('SELECT * FROM patient_problems WHERE patient_id = $1 ORDER BY id', [p])).rows;
  const auditCount = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n);
  const add = async (body: Record<string, unknown>, p = patient) => {
    const r = await c.a.post(url(p), body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as TPatientProblem;
  };
  let mdd: TPatientProblem;

  it('adds a diagnosis with the title copied from ICD-10-CM, audited without the code', async () => {
    const r = await c.a.post(url(), { code: 'F32.1', onsetDate: '2026-11-01', comment: 'Worse since the layoff' });
    expect(r.statusCode, r.body).toBe(201);
    mdd = r.json();
    const title = (await t.db.query<{ title: string }>(`SELECT title FROM icd10_codes WHERE code = 'F32.1'`)).rows[0]!.title;
    expect(mdd).toEqual({
      id: expect.any(String), patientId: patient, code: 'F32.1', title, onsetDate: '2026-11-01', status: 'active', isPrimary: false,
      comment: 'Worse since the layoff', addedBy: 'Dana Reyes, LMSW', addedAt: NOW.toISOString(), resolvedOn: null, version: 1,
    });
    const audit = (await t.db.query<{ actor_id: string; resource_type: string; resource_id: string; detail: Record<string, unknown> }>(
      `SELECT actor_id, resource_type, resource_id, detail FROM audit_events WHERE action = 'problem.add' AND patient_id = $1`, [patient],
    )).rows;
    expect(audit).toEqual([{ actor_id: s.a.id, resource_type: 'PatientProblem', resource_id: mdd.id, detail: { status: 'active', isPrimary: false, primaryCleared: 0 } }]);
    expect(JSON.stringify(audit)).not.toContain('F32');
  });

  it('refuses the same live diagnosis twice, unknown or retired codes and future onsets, changing nothing', async () => {
    const before = await rows();
    const audit = await auditCount();
    const dup = await c.a.post(url(), { code: 'F32.1' });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(fields(dup)).toEqual(['code']);
    await t.db.query(`INSERT INTO icd10_codes(code, title, billable, effective_from, effective_to, release) VALUES ('F99.X9', 'Retired test code', true, '2020-01-01', '2026-09-30', 'test')`);
    for (const [body, field] of [
      [{ code: 'F99.99' }, 'code'],
      [{ code: 'F99.X9' }, 'code'],
      [{ code: 'f32.1' }, 'code'],
      [{ code: 'F32.1 ' }, 'code'],
      [{ code: 'F41.1', onsetDate: '2027-03-16' }, 'onsetDate'],
      [{ code: 'F41.1', onsetDate: '2027-02-30' }, 'onsetDate'],
      [{ code: 'F41.1', status: 'cured' }, 'status'],
      [{ code: 'F41.1', status: 'resolved', isPrimary: true }, 'isPrimary'],
      [{ code: 'F41.1', severity: 'mild' }, 'severity'],
      [{ code: 'F41.1', comment: 'x'.repeat(1001) }, 'comment'],
    ] as [Record<string, unknown>, string][]) {
      const r = await c.a.post(url(), body);
      expect(r.statusCode, `${JSON.stringify(body)}: ${r.body}`).toBe(400);
      expect(fields(r), r.body).toContain(field);
    }
    expect(await rows()).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });

  it('accepts a current category header, and a ruled-out diagnosis beside a live one', async () => {
    const header = (await t.db.query<{ code: string }>(`SELECT code FROM icd10_codes WHERE NOT billable AND code LIKE 'F4%' AND effective_to IS NULL ORDER BY code LIMIT 1`)).rows[0]!.code;
    expect((await add({ code: header, status: 'ruled_out' })).status).toBe('ruled_out');
    expect((await add({ code: 'F32.1', status: 'ruled_out' })).code).toBe('F32.1');
  });

  it('keeps one primary: making another primary takes the flag off the first', async () => {
    const gad = await add({ code: 'F41.1', isPrimary: true });
    expect(gad.isPrimary).toBe(true);
    const ptsd = await add({ code: 'F43.10', isPrimary: true, status: 'in_remission' });
    expect(ptsd.isPrimary).toBe(true);
    const list = (await c.a.get(url())).json() as TPatientProblem[];
    expect(list.filter((p) => p.isPrimary).map((p) => p.id)).toEqual([ptsd.id]);
    expect(list.find((p) => p.id === gad.id)).toMatchObject({ isPrimary: false, version: 2 });
    // Primary first, then active, in remission, resolved, ruled out.
    expect(list.map((p) => p.status)).toEqual(['in_remission', 'active', 'active', 'ruled_out', 'ruled_out']);
    const made = await c.a.patch(`${url()}/${gad.id}`, { version: 2, isPrimary: true });
    expect(made.statusCode, made.body).toBe(200);
    const again = (await c.a.get(url())).json() as TPatientProblem[];
    expect(again.filter((p) => p.isPrimary).map((p) => p.id)).toEqual([gad.id]);
    expect(again[0]!.id).toBe(gad.id);
  });

  it('audits reading the list with a count only', async () => {
    const r = await c.a.get(url());
    expect(r.statusCode).toBe(200);
    const row = (await t.db.query<{ actor_id: string; detail: Record<string, unknown> }>(`SELECT actor_id, detail FROM audit_events WHERE action = 'problem.list' AND patient_id = $1 ORDER BY arrival DESC LIMIT 1`, [patient])).rows[0];
    expect(row).toEqual({ actor_id: s.a.id, detail: { count: (r.json() as unknown[]).length } });
  });

  describe('changes', () => {
    it('resolves a problem dated today in the practice zone, dropping its primary flag; reopening clears the date', async () => {
      await c.a.patch(`${url()}/${mdd.id}`, { version: 1, isPrimary: true });
      const cur = ((await c.a.get(url())).json() as TPatientProblem[]).find((p) => p.id === mdd.id)!;
      expect(cur.isPrimary).toBe(true);
      const r = await c.a.patch(`${url()}/${mdd.id}`, { version: cur.version, status: 'resolved', comment: 'Remitted after 12 sessions' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'resolved', resolvedOn: '2027-03-15', isPrimary: false, comment: 'Remitted after 12 sessions', version: cur.version + 1 });
      const re = await c.a.patch(`${url()}/${mdd.id}`, { version: cur.version + 1, status: 'active', comment: null, onsetDate: null });
      expect(re.statusCode, re.body).toBe(200);
      expect(re.json()).toMatchObject({ status: 'active', resolvedOn: null, comment: null, onsetDate: null, version: cur.version + 2 });
      mdd = re.json();
      const audit = (await t.db.query<{ detail: { fields: string[]; status: string } }>(`SELECT detail FROM audit_events WHERE action = 'problem.update' AND resource_id = $1 ORDER BY arrival`, [mdd.id])).rows;
      expect(audit.map((a) => [a.detail.fields, a.detail.status])).toEqual([[['isPrimary'], 'active'], [['comment', 'status'], 'resolved'], [['comment', 'onsetDate', 'status'], 'active']]);
    });

    it('refuses a stale version, bad values, and reopening a diagnosis listed again, changing nothing', async () => {
      const before = await rows();
      const audit = await auditCount();
      const stale = await c.a.patch(`${url()}/${mdd.id}`, { version: mdd.version - 1, comment: 'Lost update' });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().code).toBe('conflict');
      for (const [body, field] of [
        [{ comment: 'no version' }, 'version'],
        [{ version: mdd.version, status: 'gone' }, 'status'],
        [{ version: mdd.version, onsetDate: '2030-01-01' }, 'onsetDate'],
        [{ version: mdd.version, code: 'F41.1' }, 'code'],
        [{ version: mdd.version, status: 'ruled_out', isPrimary: true }, 'isPrimary'],
      ] as [Record<string, unknown>, string][]) {
        const r = await c.a.patch(`${url()}/${mdd.id}`, body);
        expect(r.statusCode, `${JSON.stringify(body)}: ${r.body}`).toBe(400);
        expect(fields(r), r.body).toContain(field);
      }
      // A ruled-out F32.1 cannot come back while the active F32.1 is listed.
      const ruledOut = ((await c.a.get(url())).json() as TPatientProblem[]).find((p) => p.code === 'F32.1' && p.status === 'ruled_out')!;
      const auditAfterRead = await auditCount();
      const reopen = await c.a.patch(`${url()}/${ruledOut.id}`, { version: ruledOut.version, status: 'active' });
      expect(reopen.statusCode, reopen.body).toBe(409);
      expect(fields(reopen)).toEqual(['status']);
      expect((await c.a.patch(`${url()}/00000000-0000-4000-8000-000000000000`, { version: 1 })).statusCode).toBe(404);
      expect((await c.a.patch(`${url(other)}/${mdd.id}`, { version: mdd.version })).statusCode).toBe(404);
      expect(await rows()).toEqual(before);
      expect(auditAfterRead).toBe(audit + 1);
      expect(await auditCount()).toBe(auditAfterRead);
    });
  });

  describe('access', () => {
    it('answers 404 alike for a patient off the caseload and an unknown one, writing nothing', async () => {
      const before = await rows();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const get = await c.b.get(url());
      const getUnknown = await c.b.get(url(unknown));
      expect(get.statusCode).toBe(404);
      expect({ status: getUnknown.statusCode, detail: getUnknown.json().detail }).toEqual({ status: 404, detail: get.json().detail });
      expect((await c.b.post(url(), { code: 'F41.1' })).statusCode).toBe(404);
      expect((await c.b.patch(`${url()}/${mdd.id}`, { version: mdd.version, comment: 'x' })).statusCode).toBe(404);
      expect(await rows()).toEqual(before);
    });

    it('lets a supervisor read a supervisee’s patient, but not write; front desk has neither', async () => {
      expect((await c.supervisor.get(url())).statusCode).toBe(200);
      expect((await c.supervisor.post(url(), { code: 'F41.1' })).statusCode).toBe(403);
      expect((await c.front.get(url())).statusCode).toBe(403);
      expect((await c.front.post(url(), { code: 'F41.1' })).statusCode).toBe(403);
    });
  });

  describe('adding from a note (addProblemInTx)', () => {
    const actor = (): Actor => ({ kind: 'user', userId: s.a.id, roles: ['associate'], permissions: new Set(['clinical.read', 'clinical.write']) });

    it('adds a missing diagnosis in the caller’s transaction, and returns the listed one otherwise', async () => {
      const first = await t.db.tx((q) => addProblemInTx(q, actor(), other, 'F43.10', '127.0.0.1', { now: NOW, on: '2027-03-10' }));
      expect(first.added).toBe(true);
      expect(first.problem).toMatchObject({ patientId: other, code: 'F43.10', status: 'active', addedBy: 'Dana Reyes, LMSW' });
      const again = await t.db.tx((q) => addProblemInTx(q, actor(), other, 'F43.10', '127.0.0.1', { now: NOW }));
      expect(again).toEqual({ added: false, problem: first.problem });
      expect(await rows(other)).toHaveLength(1);
      const audit = (await t.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'problem.add' AND patient_id = $1`, [other])).rows;
      expect(audit).toEqual([{ detail: { status: 'active', isPrimary: false, fromNote: true } }]);
    });

    it('rolls back with the caller when the code is not valid on the date of service', async () => {
      await expect(t.db.tx((q) => addProblemInTx(q, actor(), other, 'F99.X9', '127.0.0.1', { now: NOW, on: '2026-10-01' }))).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'code' }] });
      // Valid on an earlier date of service (before it was retired).
      const r = await t.db.tx((q) => addProblemInTx(q, actor(), other, 'F99.X9', '127.0.0.1', { now: NOW, on: '2026-09-30' }));
      expect(r.added).toBe(true);
    });
  });
});

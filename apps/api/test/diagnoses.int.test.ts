import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICD10CM_CODES, ICD10CM_RELEASE } from '@hearth/content';
import type { TIcd10Code } from '@hearth/contracts';
import { aPractice, aStaff, signedIn } from './builders.js';
import { testApp, type Client, type TestApp } from './harness.js';
import { syncBuiltinContent } from '../src/modules/documentation/sync-builtin-content.js';
import { detectIcd10Format, importIcd10Release } from '../src/modules/documentation/import-icd10.js';

// ICD-10-CM: the shipped release loaded once, search by code prefix, words, clinical names and
// typos on a date of service, and loading a newer CMS release file (order or codes format).
const NOW = new Date('2027-03-15T17:00:00Z');

/** One line of the CMS order file's fixed-width layout. */
const orderLine = (n: number, c: { code: string; title: string; billable: boolean }) =>
  `${String(n).padStart(5, '0')} ${c.code.replace('.', '').padEnd(7)} ${c.billable ? 1 : 0} ${c.title.slice(0, 60).padEnd(60)} ${c.title}`;
const orderFile = (codes: readonly { code: string; title: string; billable: boolean }[]) => `${codes.map((c, i) => orderLine(i + 1, c)).join('\r\n')}\r\n`;
const codesFile = (codes: readonly { code: string; title: string; billable: boolean }[]) => `${codes.filter((c) => c.billable).map((c) => `${c.code.replace('.', '').padEnd(8)}${c.title}`).join('\n')}\n`;

describe('ICD-10-CM', () => {
  let t: TestApp;
  let therapist: Client;
  let frontDesk: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    therapist = await signedIn(t, await aStaff(t.db, { roles: ['therapist'] }));
    frontDesk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    admin = await signedIn(t, await aStaff(t.db, { roles: ['admin'], mfa: true }));
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') => {
    const r = await therapist.get(`/api/icd10/codes?q=${encodeURIComponent(q)}${extra}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as TIcd10Code[];
  };
  const codes = async (q: string, extra = '') => (await search(q, extra)).map((c) => c.code);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const snapshot = async () => (await t.db.query(`SELECT md5(string_agg(c::text, '|' ORDER BY code)) AS icd, (SELECT string_agg(content || '=' || release, ',' ORDER BY content) FROM content_releases) AS releases FROM icd10_codes c`)).rows[0];

  describe('the shipped release', () => {
    it('is loaded with its effective date, release name and synonyms', async () => {
      const n = Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM icd10_codes')).rows[0]!.n);
      expect(n).toBe(ICD10CM_CODES.length);
      const row = (await t.db.query(`SELECT code, title, billable, synonyms, effective_from, effective_to, release FROM icd10_codes WHERE code = 'F43.10'`)).rows[0];
      const shipped = ICD10CM_CODES.find((c) => c.code === 'F43.10')!;
      expect(row).toEqual({ code: 'F43.10', title: shipped.title, billable: true, synonyms: shipped.synonyms ?? '', effective_from: ICD10CM_RELEASE.effectiveFrom, effective_to: null, release: ICD10CM_RELEASE.name });
    });

    it('is not loaded twice', async () => {
      const before = await snapshot();
      expect((await syncBuiltinContent(t.db)).icd10).toBeNull();
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('search', () => {
    it('matches a code or its start, with or without the dot, in any case', async () => {
      const f43 = await codes('f43');
      expect(f43[0]).toBe('F43');
      expect(f43.every((c) => c.startsWith('F43'))).toBe(true);
      expect(f43).toEqual(expect.arrayContaining(['F43.0', 'F43.10', 'F43.21']));
      for (const q of ['F43.1', 'f43.1', 'f431']) expect(await codes(q), q).toEqual(['F43.1', 'F43.10', 'F43.11', 'F43.12']);
      expect(await codes('F43.10')).toEqual(['F43.10']);
    });

    it('finds codes by the words of their titles and by common clinical names', async () => {
      expect((await codes('generalized anxiety'))[0]).toBe('F41.1');
      expect((await codes('PTSD')).slice(0, 4).sort()).toEqual(['F43.1', 'F43.10', 'F43.11', 'F43.12']);
      expect((await codes('prolonged grief'))[0]).toBe('F43.81');
      expect(await codes('GAD')).toContain('F41.1');
      const mdd = await codes('depression');
      expect(mdd).toEqual(expect.arrayContaining(['F32.0', 'F32.1']));
    });

    it('forgives a typo', async () => {
      expect(await codes('depresion')).toEqual(expect.arrayContaining(['F32.A']));
      expect(await codes('generalised anxeity')).toContain('F41.1');
    });

    it('filters to billable codes and caps the list', async () => {
      const all = await codes('F43');
      const billable = await codes('F43', '&billableOnly=true');
      expect(all).toContain('F43.1');
      expect(billable).not.toContain('F43.1');
      expect(billable).not.toContain('F43');
      expect(billable.length).toBeGreaterThan(5);
      expect(await codes('F', '&limit=3')).toHaveLength(3);
    });

    it('finds only codes valid on the date of service', async () => {
      expect(await codes('F41.1', '&on=2025-09-30')).toEqual([]);
      expect(await codes('F41.1', `&on=${ICD10CM_RELEASE.effectiveFrom}`)).toEqual(['F41.1']);
      expect(await codes('anxiety', '&on=2025-09-30')).toEqual([]);
    });

    it('answers a code, current or not, by itself; unknown codes are 404', async () => {
      const r = await therapist.get('/api/icd10/codes/F41.1');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ code: 'F41.1', title: 'Generalized anxiety disorder', billable: true, effectiveFrom: ICD10CM_RELEASE.effectiveFrom, effectiveTo: null, release: ICD10CM_RELEASE.name });
      expect((await therapist.get('/api/icd10/codes/f41.1')).json().code).toBe('F41.1');
      expect((await therapist.get('/api/icd10/codes/F99.99')).statusCode).toBe(404);
      expect((await therapist.get(`/api/icd10/codes/${'F'.repeat(11)}`)).statusCode).toBe(400);
    });

    it('rejects bad queries by name and keeps codes from those without clinical access', async () => {
      for (const [q, field] of [['', 'q'], ['q=', 'q'], [`q=${'a'.repeat(101)}`, 'q'], ['q=F43&on=2027-02-30', 'on'], ['q=F43&limit=51', 'limit'], ['q=F43&limit=0', 'limit'], ['q=F43&billableOnly=yes', 'billableOnly'], ['q=F43&sort=title', 'sort']]) {
        const r = await therapist.get(`/api/icd10/codes?${q}`);
        expect(r.statusCode, `${q}: ${r.body}`).toBe(400);
        expect(fields(r), q).toContain(field);
      }
      // Hostile text is only ever a search term.
      for (const q of ["' OR 1=1 --", '%', '_', '\\', 'a & b | !c', '"unterminated', '<script>']) {
        const r = await therapist.get(`/api/icd10/codes?q=${encodeURIComponent(q)}`);
        expect(r.statusCode, `${q}: ${r.body}`).toBe(200);
      }
      expect((await frontDesk.get('/api/icd10/codes?q=F43')).statusCode).toBe(403);
      expect((await admin.get('/api/icd10/codes?q=F43')).statusCode).toBe(403);
      expect((await frontDesk.get('/api/icd10/codes/F43.10')).statusCode).toBe(403);
    });
  });

  describe('loading a CMS release file', () => {
    const shipped = () => ICD10CM_CODES.map((c) => ({ code: c.code, title: c.title, billable: c.billable }));

    it('detects the file format', () => {
      expect(detectIcd10Format(orderFile(shipped().slice(0, 3)))).toBe('order');
      expect(detectIcd10Format(codesFile(shipped().slice(0, 30)))).toBe('codes');
    });

    it('adds new codes, updates titles and retires dropped codes the day before the release, keeping synonyms', async () => {
      const next = shipped()
        .filter((c) => c.code !== 'F32.A')
        .map((c) => (c.code === 'F41.1' ? { ...c, title: 'Generalized anxiety disorder (revised title)' } : c));
      next.push({ code: 'F43.83', title: 'Test-only new stress disorder', billable: true });
      const r = await importIcd10Release(t.db, orderFile(next), { effectiveFrom: '2026-10-01', release: 'ICD-10-CM FY2027' });
      expect(r).toEqual({ format: 'order', added: 1, updated: 1, retired: 1 });

      const get = async (code: string) => (await therapist.get(`/api/icd10/codes/${code}`)).json();
      expect(await get('F32.A')).toMatchObject({ effectiveFrom: ICD10CM_RELEASE.effectiveFrom, effectiveTo: '2026-09-30', release: ICD10CM_RELEASE.name });
      expect(await get('F41.1')).toMatchObject({ title: 'Generalized anxiety disorder (revised title)', effectiveFrom: ICD10CM_RELEASE.effectiveFrom, effectiveTo: null, release: 'ICD-10-CM FY2027' });
      expect(await get('F43.83')).toMatchObject({ effectiveFrom: '2026-10-01', effectiveTo: null, billable: true });
      // Dates of service decide: the dropped code before the release, the new one after it.
      expect(await codes('F32.A', '&on=2026-09-30')).toEqual(['F32.A']);
      expect(await codes('F32.A')).toEqual([]);
      expect(await codes('F43.83', '&on=2026-09-30')).toEqual([]);
      expect(await codes('F43.83')).toEqual(['F43.83']);
      // The clinical names came from the shipped content, not the CMS file: still there.
      expect((await codes('PTSD'))[0]).toMatch(/^F43\.1/);
      const releases = (await t.db.query<{ content: string; release: string }>(`SELECT content, release FROM content_releases WHERE content LIKE 'icd10cm%' ORDER BY content`)).rows;
      expect(releases).toEqual([
        { content: 'icd10cm', release: 'ICD-10-CM FY2027' }, { content: 'icd10cm.effective_from', release: '2026-10-01' }, { content: 'icd10cm.source', release: 'imported' },
      ]);
      const audit = (await t.db.query<{ actor_kind: string; detail: Record<string, unknown> }>(`SELECT actor_kind, detail FROM audit_events WHERE action = 'icd10.import'`)).rows;
      expect(audit).toEqual([{ actor_kind: 'system', detail: { release: 'ICD-10-CM FY2027', effectiveFrom: '2026-10-01', format: 'order', codes: next.length, added: 1, updated: 1, retired: 1 } }]);
    });

    it('is not rolled back by the older shipped release at the next boot, nor by importing an older file', async () => {
      const before = await snapshot();
      expect((await syncBuiltinContent(t.db)).icd10).toBeNull();
      await expect(importIcd10Release(t.db, orderFile(shipped()), { effectiveFrom: '2025-10-01', release: 'ICD-10-CM FY2026' })).rejects.toMatchObject({ code: 'conflict' });
      expect(await snapshot()).toEqual(before);
    });

    it('re-importing the same release changes nothing', async () => {
      const next = (await t.db.query<{ code: string; title: string; billable: boolean }>('SELECT code, title, billable FROM icd10_codes WHERE effective_to IS NULL ORDER BY code')).rows;
      const before = (await snapshot())!.icd;
      expect(await importIcd10Release(t.db, orderFile(next), { effectiveFrom: '2026-10-01', release: 'ICD-10-CM FY2027' })).toEqual({ format: 'order', added: 0, updated: 0, retired: 0 });
      expect((await snapshot())!.icd).toBe(before);
    });

    it('a codes file (billable codes only) retires dropped billable codes but no category headers', async () => {
      const current = (await t.db.query<{ code: string; title: string; billable: boolean }>('SELECT code, title, billable FROM icd10_codes WHERE effective_to IS NULL ORDER BY code')).rows;
      const headers = current.filter((c) => !c.billable).length;
      const next = current.filter((c) => c.code !== 'F43.83');
      const r = await importIcd10Release(t.db, codesFile(next), { effectiveFrom: '2027-10-01', release: 'ICD-10-CM FY2028' });
      expect(r).toEqual({ format: 'codes', added: 0, updated: 0, retired: 1 });
      expect(Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM icd10_codes WHERE NOT billable AND effective_to IS NULL')).rows[0]!.n)).toBe(headers);
      expect((await therapist.get('/api/icd10/codes/F43.83')).json().effectiveTo).toBe('2027-09-30');
    });

    it('refuses a malformed or empty file, or a bad date, naming the problem and loading nothing', async () => {
      const before = await snapshot();
      const good = shipped().slice(0, 5);
      const broken = `${orderFile(good)}00006 F4$     1 Broken line${' '.repeat(50)} Broken line\n`;
      await expect(importIcd10Release(t.db, broken, { effectiveFrom: '2028-10-01', release: 'Broken' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/line 6/) });
      await expect(importIcd10Release(t.db, '\n\n', { effectiveFrom: '2028-10-01', release: 'Empty' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'file' }] });
      await expect(importIcd10Release(t.db, orderFile(good), { effectiveFrom: '2028-02-30', release: 'Bad date' })).rejects.toMatchObject({ issues: [{ field: 'effectiveFrom' }] });
      await expect(importIcd10Release(t.db, orderFile(good), { effectiveFrom: '2028-10-01', release: ' ' })).rejects.toMatchObject({ issues: [{ field: 'release' }] });
      expect(await snapshot()).toEqual(before);
    });
  });

  it('a full release of the shipped year, imported, is not shrunk back to the shipped subset at the next boot', async () => {
    const own = await testApp({ now: NOW });
    try {
      const full = [...ICD10CM_CODES.map((c) => ({ code: c.code, title: c.title, billable: c.billable })), { code: 'A00.0', title: 'Cholera due to Vibrio cholerae 01, biovar cholerae', billable: true }];
      expect(await importIcd10Release(own.db, orderFile(full), { effectiveFrom: ICD10CM_RELEASE.effectiveFrom, release: 'ICD-10-CM FY2026 (full CMS file)' })).toMatchObject({ added: 1, retired: 0 });
      expect((await syncBuiltinContent(own.db)).icd10).toBeNull();
      const a00 = (await own.db.query<{ effective_to: string | null }>(`SELECT effective_to FROM icd10_codes WHERE code = 'A00.0'`)).rows[0];
      expect(a00).toEqual({ effective_to: null });
    } finally {
      await own.close();
    }
  });

  describe('the icd10:import command', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-icd10-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', NODE_ENV: 'test' };
      delete env.DATABASE_URL;
      return spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/icd10-import.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    };

    it('loads an order file into the embedded database, taking the year from the file name', () => {
      const file = path.join(dir, 'icd10cm_order_2027.txt');
      writeFileSync(file, orderFile(ICD10CM_CODES.slice(0, 40)));
      const r = run([file]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('Loaded ICD-10-CM FY2027 (order file, effective 2026-10-01): 40 added, 0 updated, 0 retired.\n');
    }, 180_000);

    it('explains its usage and refuses bad input with a non-zero exit', () => {
      expect(run([]).status).toBe(2);
      expect(run([]).stderr).toMatch(/^Usage: npm run icd10:import/);
      expect(run(['a.txt', 'b.txt']).status).toBe(2);
      const missing = run([path.join(dir, 'icd10cm_order_2030.txt')]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/Cannot read .*icd10cm_order_2030\.txt: ENOENT/);
      const noYear = path.join(dir, 'codes.txt');
      writeFileSync(noYear, codesFile(ICD10CM_CODES.slice(0, 40)));
      const r = run([noYear]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--effective/);
      // The database the first test loaded holds FY2027: an older release is refused, named, exit 1.
      const older = run([noYear, '--effective', '2025-10-01', '--release', 'FY2026']);
      expect(older.stderr).toMatch(/A newer release \(effective 2026-10-01\) is already loaded/);
      expect(older.status).toBe(1);
    }, 180_000);
  });
});

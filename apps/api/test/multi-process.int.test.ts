// Two API processes on one PostgreSQL database, as behind a load balancer (ARCHITECTURE: "many stateless
// API processes then share it"): sessions, sign-out, lockout counters and the job queue are shared, and
// migrations at a simultaneous boot do not collide. PostgreSQL only: PGlite is one process by design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isPostgres } from './harness.js';
import { DEMO, HttpClient, emptyPgDatabase, mailboxFiles, removeDir, spawnServer, tempDir, type ServerProcess } from './spawn-server.js';

describe.skipIf(!isPostgres())('several API processes on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let dbUrl: string;
  let db: pg.Client;
  const dirs: string[] = [];

  beforeAll(async () => {
    dbUrl = await emptyPgDatabase();
    dirs.push(tempDir('proc-a'), tempDir('proc-b'));
    // Both boot at the same moment on an empty database: migrations and the demo seed race.
    const env = { JOBS_POLL_MS: '50', RATE_LIMIT_SIGNIN_PER_MINUTE: '200' };
    [a, b] = await Promise.all([
      spawnServer({ dataDir: dirs[0]!, databaseUrl: dbUrl, env }),
      spawnServer({ dataDir: dirs[1]!, databaseUrl: dbUrl, env }),
    ]);
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    for (const d of dirs) removeDir(d);
  });

  it('boots both processes at once: each migration applied once, the demo seeded once', async () => {
    const versions = (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(versions.length);
    expect((await db.query('SELECT 1 FROM practice')).rowCount).toBe(1);
    const dupes = await db.query('SELECT email_lower FROM users GROUP BY email_lower HAVING count(*) > 1');
    expect(dupes.rowCount).toBe(0);
    for (const s of [a, b]) expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('a session made on one process works on the other, and signing out on either ends it on both', async () => {
    const onA = new HttpClient(a.url);
    const r = await onA.signIn(DEMO.therapist);
    expect(r.status, r.body).toBe(200);
    const onB = onA.on(b.url);
    const session = await onB.get('/api/auth/session');
    expect(session.status, session.body).toBe(200);
    expect(session.json().user.email).toBe(DEMO.therapist);
    const created = await onB.post('/api/patients', { legalFirstName: 'Multi', legalLastName: 'Process', sexAtBirth: 'female', dateOfBirth: '1990-05-05' });
    expect(created.status, created.body).toBe(201);
    expect((await onA.get(`/api/patients/${created.json().id}`)).status).toBe(200);

    expect((await onB.post('/api/auth/sign-out')).status).toBe(200);
    const stale = onA; // still holds the cookie and CSRF token
    expect((await stale.get('/api/auth/session')).status).toBe(401);
    expect((await stale.get(`/api/patients/${created.json().id}`)).status).toBe(401);
  });

  it('failed sign-ins count across processes: five failures alternating A and B lock the account on both', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await new HttpClient(i % 2 ? b.url : a.url).post('/api/auth/sign-in', { email: DEMO.biller, password: 'wrong password' });
      expect(r.status, r.body).toBe(401);
    }
    for (const s of [a, b]) {
      const r = await new HttpClient(s.url).post('/api/auth/sign-in', { email: DEMO.biller, password: DEMO.password });
      expect(r.status, `locked on ${s.url}: ${r.body}`).toBe(423);
    }
  });

  it('parallel wrong passwords on both processes still lock the account (no lost updates of the counter)', async () => {
    const email = 'marcus@riverbend.example';
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) => new HttpClient(i % 2 ? b.url : a.url).post('/api/auth/sign-in', { email, password: `wrong ${i}` })),
    );
    expect(tries.every((r) => r.status === 401 || r.status === 423), tries.map((r) => r.status).join(',')).toBe(true);
    for (const s of [a, b]) {
      const r = await new HttpClient(s.url).post('/api/auth/sign-in', { email, password: DEMO.password });
      expect(r.status, `locked on ${s.url}: ${r.body}`).toBe(423);
    }
  });

  it('a queued e-mail is sent exactly once although both workers poll the queue', async () => {
    const before = mailboxFiles(a.dataDir).length + mailboxFiles(b.dataDir).length;
    const emails = ['james@riverbend.example', 'aisha@riverbend.example', 'sam@riverbend.example', 'priya@riverbend.example'];
    // Alternate the process that takes the request; the job row is what both workers race for.
    for (const [i, email] of emails.entries()) {
      const r = await new HttpClient(i % 2 ? b.url : a.url).post('/api/auth/password-reset/request', { email });
      expect(r.status, r.body).toBe(202);
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      const pending = await db.query(`SELECT 1 FROM jobs WHERE kind = 'email.send' AND status <> 'done'`);
      if (!pending.rowCount || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Give a duplicate delivery every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const jobs = (await db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM jobs WHERE kind = 'email.send'`)).rows;
    expect(jobs.length).toBeGreaterThanOrEqual(emails.length);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1), JSON.stringify(jobs)).toBe(true);
    const perProcess = [mailboxFiles(a.dataDir).length, mailboxFiles(b.dataDir).length];
    expect(perProcess[0]! + perProcess[1]! - before, `mailboxes A/B: ${perProcess.join('/')}`).toBe(emails.length);
  });
});

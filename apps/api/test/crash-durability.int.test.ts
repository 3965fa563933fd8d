// Committed means durable (security-and-reliability Part C-2): kill -9 the API process while it is creating
// patients, restart it on the same data, and every creation the client saw acknowledged (201 with an id)
// is there, and the audit chain still verifies. Runs on PGlite (the server's own data directory) and on
// PostgreSQL (a fresh database).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPglite } from '../src/platform/db/pglite.js';
import { isPostgres } from './harness.js';
import { snapshotPath } from './snapshot-path.js';
import { DEMO, HttpClient, emptyPgDatabase, removeDir, spawnServer, tempDir, type ServerProcess } from './spawn-server.js';

const TOTAL = 200;
const LOOPS = 8;
const KILL_AFTER = 100; // acknowledged creations before the kill

describe(`kill -9 during patient creation (${isPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  const dataDir = tempDir('crash');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('keeps every acknowledged write and an intact audit chain after a restart', async () => {
    const databaseUrl = isPostgres() ? await emptyPgDatabase() : undefined;
    if (!databaseUrl && existsSync(snapshotPath())) {
      // Start from the suite's migrated PGlite snapshot rather than a WASM initdb: same files, seconds faster.
      const seeded = await createPglite({ dataDir: path.join(dataDir, 'pg'), loadDataDir: new Blob([readFileSync(snapshotPath())]) });
      await seeded.close();
    }
    const opts = { dataDir, databaseUrl, env: { RUN_JOBS: 'false', RATE_LIMIT_API_PER_MINUTE: '100000' } };
    server = await spawnServer(opts);
    const desk = new HttpClient(server.url);
    expect((await desk.signIn(DEMO.frontDesk)).status).toBe(200);

    const acknowledged: { id: string; lastName: string }[] = [];
    let next = 0;
    let killed = false; // the kill was sent: failures from here on are expected
    let killing: Promise<void> | null = null;
    const errors = { before: 0, after: 0 };
    const loop = async () => {
      while (next < TOTAL && !killed) {
        const n = next++;
        const lastName = `Crash${String(n).padStart(4, '0')}`;
        try {
          const r = await desk.post('/api/patients', { legalFirstName: 'Durable', legalLastName: lastName, sexAtBirth: 'unknown', dateOfBirth: '1970-01-01' });
          if (r.status === 201) acknowledged.push({ id: r.json().id, lastName });
          else if (!killed) errors.before++;
        } catch {
          if (!killed) errors.before++;
          else errors.after++;
        }
        if (acknowledged.length >= KILL_AFTER && !killing) {
          // Kill while the other loops still have requests in flight.
          killed = true;
          killing = server!.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: LOOPS }, loop));
    await killing;
    expect(killed, 'the server was killed mid-stream').toBe(true);
    expect(server.proc.exitCode === null && server.proc.signalCode === 'SIGKILL', 'died of SIGKILL').toBe(true);
    expect(errors.before, 'no failures before the kill').toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Same data directory / database: the restart must recover on its own.
    server = await spawnServer(opts);
    const desk2 = new HttpClient(server.url);
    expect((await desk2.signIn(DEMO.frontDesk)).status).toBe(200);
    const missing: string[] = [];
    for (const a of acknowledged) {
      const r = await desk2.get(`/api/patients/${a.id}`);
      if (r.status !== 200 || r.json().legalLastName !== a.lastName) missing.push(`${a.lastName} (${r.status})`);
    }
    expect(missing, `acknowledged but lost after kill -9 (${missing.length} of ${acknowledged.length})`).toEqual([]);

    // The server still takes writes after recovery.
    const more = await desk2.post('/api/patients', { legalFirstName: 'After', legalLastName: 'Restart', sexAtBirth: 'unknown', dateOfBirth: '1970-01-01' });
    expect(more.status, more.body).toBe(201);

    const admin = new HttpClient(server.url);
    const signedIn = await admin.signIn(DEMO.admin);
    expect(signedIn.status, signedIn.body).toBe(200);
    const verify = await admin.get('/api/admin/audit/verify');
    expect(verify.status, verify.body).toBe(200);
    expect(verify.json(), 'audit chain after kill -9').toMatchObject({ ok: true });
    expect(verify.json().checked).toBeGreaterThan(acknowledged.length);
  }, 300_000); // two cold starts of a real server: slow on a loaded 2-core machine
});

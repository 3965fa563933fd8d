// `npm run bench [-- --quick] [-- --backend=postgres|pglite]`
//
// For each backend: build a large practice (200 staff, 100,000 patients; 20,000 with --quick),
// start the real API server as a child process, sign in as the front desk, then measure patient
// search and chart open over HTTP at 10 and 50 concurrent clients, plus the server's idle memory.
// Writes bench/results/latest.json and prints a table with pass/fail per target.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { createPglite, wrapPglite } from '../../apps/api/src/platform/db/pglite.js';
import { openPostgres } from '../../apps/api/src/platform/db/postgres.js';
import { migrate } from '../../apps/api/src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../apps/api/src/seed/seed-demo.js';
import { systemClock } from '../../apps/api/src/platform/clock.js';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data.js';
import { generatePractice, patientId, rng, searchQueries } from './data.js';
import { ROOT, childPids, cpuMs, rss, signIn, startServer, type Server } from './server.js';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { measure, type Req } from './load.js';
import { auditProbe } from './audit-probe.js';
import { judge, machine, table, type Backend, type Metric } from './report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const backendArg = args.find((a) => a.startsWith('--backend='))?.split('=')[1];
const backends: Backend[] =
  backendArg === 'postgres' || backendArg === 'pglite' ? [backendArg] : ['postgres', 'pglite'];
const MODE = quick
  ? { name: 'quick', patients: 20_000, staff: 200, warmSeconds: 2, seconds: 5, probeMs: 2000 }
  : { name: 'full', patients: 100_000, staff: 200, warmSeconds: 5, seconds: 20, probeMs: 5000 };
const FRONT_DESK = 'tom@riverbend.example'; // patients.read_all, no MFA
const IDLE_MS = 5_000;

type PgTemp = { url: string; dir: string; stop(): void };
const pgTempUrl = pathToFileURL(path.join(ROOT, 'scripts/pg-temp.mjs')).href;

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanup() {
  while (cleanups.length) await Promise.resolve(cleanups.pop()!()).catch((e) => console.error(e));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}

const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 2 ** 20;

async function prepare(db: Db): Promise<number> {
  await migrate(db);
  await seedDemoIfEmpty(db, systemClock, { demoMfa: 'preenrolled' });
  const g = await generatePractice(db, { patients: MODE.patients, staff: MODE.staff });
  return g.seconds;
}

/** Samples pg_stat_activity while a load runs: how many server sessions wait on the audit chain's advisory lock. */
function lockSampler(db: Db) {
  let samples = 0;
  let waiting = 0;
  let busy = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const r = await db.query<{ waiting: number; busy: number }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS waiting,
                count(*) FILTER (WHERE state <> 'idle')::int AS busy
           FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      samples++;
      waiting += r.rows[0]!.waiting;
      busy += r.rows[0]!.busy;
      await sleep(50);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { waiting: waiting / (samples || 1), busy: busy / (samples || 1) };
  };
}

async function benchBackend(backend: Backend, metrics: Metric[]) {
  const add = (metric: string, value: number, unit: string) => metrics.push({ metric, backend, value, unit });
  const dataDir = mkdtempSync('/tmp/hearth-bench-');
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { HEARTH_DATA_DIR: dataDir };
  let monitor: Db | null = null;
  let postmaster = 0;

  log(`${backend}: generating ${MODE.staff} staff and ${MODE.patients.toLocaleString('en-US')} patients`);
  if (backend === 'postgres') {
    const { startTempPostgres } = (await import(pgTempUrl)) as { startTempPostgres(): Promise<PgTemp> };
    const pg = await startTempPostgres();
    cleanups.push(() => pg.stop());
    env.DATABASE_URL = pg.url;
    postmaster = Number(readFileSync(path.join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const db = await openPostgres(pg.url, 10);
    add('load_seconds', await prepare(db), 's');
    const probe = await auditProbe(db, MODE.probeMs);
    add('audit_append_max.chained', Math.round(probe.chained), 'tx/s');
    add('audit_append_max.unchained', Math.round(probe.unchained), 'tx/s');
    log(
      `${backend}: audit appends, 10 writers: ${Math.round(probe.chained)}/s through appendAudit, ${Math.round(probe.unchained)}/s for a plain insert into a copy of the table`,
    );
    await db.close();
    monitor = await openPostgres(pg.url, 1);
    cleanups.push(() => monitor!.close());
  } else {
    const pgl = await createPglite({ dataDir: path.join(dataDir, 'pg') });
    const db = wrapPglite(pgl);
    add('load_seconds', await prepare(db), 's');
    await db.close();
  }
  log(
    `${backend}: data loaded in ${metrics.find((m) => m.backend === backend && m.metric === 'load_seconds')!.value.toFixed(1)} s; starting the API server`,
  );

  const server: Server = await startServer(env);
  cleanups.push(() => server.stop());
  add('startup_rss', Math.round((rss(server.pid).rss / MB) * 10) / 10, 'MB');
  const auth = await signIn(server.url, FRONT_DESK, DEMO_PASSWORD);

  const queries = searchQueries(5000);
  let qi = 0;
  // Search terms go in a POST body (never the URL), as the app sends them.
  const searchRequest = (): Req => ({ method: 'POST', path: '/api/patients/search', body: JSON.stringify({ q: queries[qi++ % queries.length]! }) });
  const r = rng(99);
  const chartRequest = (): Req => ({ method: 'GET', path: `/api/patients/${patientId(1 + Math.floor(r() * MODE.patients))}` });

  // Sanity check before measuring: both requests answer as expected.
  const sr = searchRequest();
  const check = await fetch(`${server.url}${sr.path}`, { method: 'POST', body: sr.body, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' } });
  const checkBody = (await check.json()) as { total?: number };
  const chart = await fetch(`${server.url}${chartRequest().path}`, { headers: { cookie: auth.cookie } });
  if (check.status !== 200 || chart.status !== 200) {
    throw new Error(
      `sanity check failed: search ${check.status}, chart ${chart.status}\n${server.output().slice(-3000)}`,
    );
  }
  log(`${backend}: server up (pid ${server.pid}); first search found ${checkBody.total} patients`);

  // Idle memory: after startup, data load and a short warm-up, then 5 s without requests.
  await measure({
    url: server.url,
    auth,
    connections: 10,
    seconds: MODE.warmSeconds,
    next: searchRequest,
  });
  await measure({ url: server.url, auth, connections: 10, seconds: MODE.warmSeconds, next: chartRequest });
  await sleep(IDLE_MS);
  add('idle_rss', Math.round((rss(server.pid).rss / MB) * 10) / 10, 'MB');
  log(`${backend}: idle RSS ${metrics.at(-1)!.value} MB`);

  for (const [name, next] of [
    ['search', searchRequest],
    ['chart', chartRequest],
  ] as const) {
    for (const connections of [10, 50]) {
      await measure({
        url: server.url,
        auth,
        connections,
        seconds: Math.min(2, MODE.warmSeconds),
        next,
      });
      const stopSampler = monitor ? lockSampler(monitor) : null;
      // CPU used per request by the API process, PostgreSQL (all backends) and the load generator:
      // unlike req/s, this barely changes when other work shares the machine.
      const pgPids = postmaster ? [postmaster, ...childPids(postmaster)] : [];
      const before = {
        api: cpuMs([server.pid]),
        pg: cpuMs(pgPids),
        gen: process.cpuUsage(),
        load: os.loadavg()[0]!,
      };
      const res = await measure({ url: server.url, auth, connections, seconds: MODE.seconds, next });
      const gen = process.cpuUsage(before.gen);
      const k = `${name}.c${connections}`;
      const per = (ms: number) => round2(ms / Math.max(1, res.ok));
      add(`${k}.cpu_ms_per_req.api`, per(cpuMs([server.pid]) - before.api), 'ms');
      if (postmaster) add(`${k}.cpu_ms_per_req.db`, per(cpuMs(pgPids) - before.pg), 'ms');
      add(`${k}.cpu_ms_per_req.loadgen`, per((gen.user + gen.system) / 1000), 'ms');
      add(`${k}.load_avg_1m`, round2(os.loadavg()[0]!), 'load');
      add(`${k}.rps`, Math.round(res.rps), 'req/s');
      add(`${k}.p50`, round2(res.p50), 'ms');
      add(`${k}.p95`, round2(res.p95), 'ms');
      add(`${k}.p99`, round2(res.p99), 'ms');
      add(`${k}.errors`, res.failed, 'count');
      let lockNote = '';
      if (stopSampler) {
        const s = await stopSampler();
        add(`${k}.audit_lock_waiting`, round2(s.waiting), 'sessions');
        add(`${k}.db_busy`, round2(s.busy), 'sessions');
        lockNote = `; DB sessions busy ${s.busy.toFixed(1)}, waiting on audit lock ${s.waiting.toFixed(1)}`;
      }
      const cpu = metrics
        .filter((m) => m.backend === backend && m.metric.startsWith(`${k}.cpu_ms_per_req.`))
        .map((m) => `${m.metric.split('.').pop()} ${m.value}`)
        .join(', ');
      log(
        `${backend}: ${name} x${connections}: ${Math.round(res.rps)} req/s, p50 ${res.p50.toFixed(1)} p95 ${res.p95.toFixed(1)} p99 ${res.p99.toFixed(1)} ms, errors ${res.failed}${lockNote}; CPU ms/req ${cpu}; load avg ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
  add('peak_rss', Math.round((rss(server.pid).peak / MB) * 10) / 10, 'MB');
  await cleanup();
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const started = Date.now();
  const metrics: Metric[] = [];
  log(`Hearth bench (${MODE.name}): ${backends.join(', ')}`);
  for (const b of backends) await benchBackend(b, metrics);
  const targets = judge(metrics);
  const out = {
    date: new Date().toISOString(),
    mode: MODE.name,
    config: {
      patients: MODE.patients,
      staff: MODE.staff,
      secondsPerMeasurement: MODE.seconds,
      warmupSeconds: MODE.warmSeconds,
      searchAs: FRONT_DESK,
    },
    machine: machine(),
    node: process.version,
    loadGenerator: 'autocannon 9.0.0, in the bench process on the same machine',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    results: metrics,
    targets: targets.map((t) => ({
      id: t.id,
      backend: t.backend,
      description: t.description,
      value: t.value,
      unit: t.unit,
      pass: t.pass,
    })),
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  if (!quick && !backendArg) copyFileSync(file, path.join(dir, 'latest-full.json'));
  process.stdout.write(
    `\n${table(metrics, targets)}\n\nwrote ${path.relative(process.cwd(), file)} (${out.durationSeconds} s)\n`,
  );
}

main().catch(async (e) => {
  console.error(e);
  await cleanup();
  process.exit(1);
});

// `npm run bench [-- --quick] [-- --backend=postgres|pglite] [-- --only=patients|scheduling|notes]`
//
// For each backend: build a large practice (200 staff, 100,000 patients; 20,000 with --quick),
// start the real API server as a child process, sign in as the front desk, then measure patient
// search and chart open over HTTP at 10 and 50 concurrent clients, plus the server's idle memory.
// On PostgreSQL it also loads an appointment book (100 clinicians x 5 years of weekly series, about
// 2.5 million appointments; 10 clinicians x 1 year with --quick) and measures a clinician's week, a
// location's day and booking a 52-week series (schedule-data.ts, schedule-load.ts), and writes clinical
// notes (250,000; 50,000 with --quick) to measure opening a chart with 500 signed notes and searching a
// clinician's notes (notes-data.ts, notes-load.ts).
// Writes bench/results/latest.json and prints a table with pass/fail per target.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { createPglite, wrapPglite } from '../../apps/api/src/platform/db/pglite.js';
import { openPostgres } from '../../apps/api/src/platform/db/postgres.js';
import { migrate } from '../../apps/api/src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../apps/api/src/seed/seed-demo.js';
import { syncBuiltinContent } from '../../apps/api/src/modules/documentation/sync-builtin-content.js';
import { systemClock } from '../../apps/api/src/platform/clock.js';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data.js';
import { generatePractice, patientId, rng, searchQueries } from './data.js';
import { generateSchedule, scheduleShape, type ScheduleShape } from './schedule-data.js';
import {
  appointmentTypeId,
  bookingPatients,
  checkCalendar,
  measureBookings,
  measureCalendar,
} from './schedule-load.js';
import { generateNotes, type NotesShape } from './notes-data.js';
import { checkNotes, measureNotes } from './notes-load.js';
import { ROOT, childPids, cpuMs, rss, signIn, startServer, type Server } from './server.js';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { measure, type LoadResult, type Req } from './load.js';
import { auditProbe } from './audit-probe.js';
import { judge, machine, table, type Backend, type Metric } from './report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const backendArg = args.find((a) => a.startsWith('--backend='))?.split('=')[1];
const backends: Backend[] =
  backendArg === 'postgres' || backendArg === 'pglite' ? [backendArg] : ['postgres', 'pglite'];
const onlyArg = args.find((a) => a.startsWith('--only='))?.split('=')[1];
const SCENARIOS = ['patients', 'scheduling', 'notes'] as const;
if (onlyArg && !SCENARIOS.includes(onlyArg as (typeof SCENARIOS)[number]))
  throw new Error('--only takes patients, scheduling or notes');
const scenarios = {
  patients: !onlyArg || onlyArg === 'patients',
  scheduling: !onlyArg || onlyArg === 'scheduling',
  notes: !onlyArg || onlyArg === 'notes',
};
const MODE = quick
  ? {
      name: 'quick',
      patients: 20_000,
      staff: 200,
      warmSeconds: 2,
      seconds: 5,
      probeMs: 2000,
      schedule: { clinicians: 10, years: 1, bookings: 15 },
      notes: 50_000,
    }
  : {
      name: 'full',
      patients: 100_000,
      staff: 200,
      warmSeconds: 5,
      seconds: 20,
      probeMs: 5000,
      schedule: { clinicians: 100, years: 5, bookings: 40 },
      notes: 250_000,
    };
const BOOKING_WARMUP = 3;
const FRONT_DESK = 'tom@riverbend.example'; // patients.read_all, no MFA
const NOTE_WRITER = 'elena@riverbend.example'; // a therapist (clinical.read), no MFA; the bench notes are hers
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
  await syncBuiltinContent(db);
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
  // The appointment book is loaded and measured on PostgreSQL only: its targets are PostgreSQL's.
  const withSchedule = scenarios.scheduling && backend === 'postgres';
  // So are the notes: their targets are PostgreSQL's too.
  const withNotes = scenarios.notes && backend === 'postgres';
  if (!scenarios.patients && !withSchedule && !withNotes) {
    log(`${backend}: skipped (the scheduling and notes scenarios run on PostgreSQL only)`);
    return;
  }
  let shape: ScheduleShape | null = null;
  let notesShape: NotesShape | null = null;
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
    if (scenarios.patients) {
      const probe = await auditProbe(db, MODE.probeMs);
      add('audit_append_max.chained', Math.round(probe.chained), 'tx/s');
      add('audit_append_max.unchained', Math.round(probe.unchained), 'tx/s');
      log(
        `${backend}: audit appends, 10 writers: ${Math.round(probe.chained)}/s through appendAudit, ${Math.round(probe.unchained)}/s for a plain insert into a copy of the table`,
      );
    }
    if (withSchedule) {
      const { clinicians, years } = MODE.schedule;
      log(`${backend}: loading ${clinicians} clinicians x ${years} years of weekly series`);
      const s = await generateSchedule(db, { clinicians, years, log: (m) => log(`${backend}: ${m}`) });
      shape = s;
      add('sched.load_seconds', Math.round(s.seconds * 10) / 10, 's');
      add('sched.appointments', s.appointments, 'rows');
      add('sched.series', s.series, 'rows');
      log(
        `${backend}: ${s.appointments.toLocaleString('en-US')} appointments in ${s.series.toLocaleString('en-US')} series loaded in ${s.seconds.toFixed(1)} s`,
      );
    }
    if (withNotes) {
      log(`${backend}: writing ${MODE.notes.toLocaleString('en-US')} notes`);
      const n = await generateNotes(db, {
        total: MODE.notes,
        patients: MODE.patients,
        reader: NOTE_WRITER,
        log: (m) => log(`${backend}: ${m}`),
      });
      notesShape = n;
      add('notes.load_seconds', Math.round(n.seconds * 10) / 10, 's');
      add('notes.count', n.notes, 'rows');
      add('notes.reader_notes', n.readerNotes, 'rows');
      add('notes.reader_patients', n.readerPatients, 'rows');
      log(
        `${backend}: ${n.notes.toLocaleString('en-US')} notes loaded in ${n.seconds.toFixed(1)} s; the reader wrote ${n.readerNotes.toLocaleString('en-US')} of them for ${n.readerPatients} patients`,
      );
    }
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

  if (scenarios.patients) await benchPatients(backend, server, auth, metrics, monitor, postmaster);
  if (withSchedule && shape) await benchScheduling(backend, server, auth, shape, metrics, postmaster);
  if (withNotes && notesShape) {
    const writer = await signIn(server.url, NOTE_WRITER, DEMO_PASSWORD);
    await benchNotes(backend, server, writer, notesShape, metrics, postmaster);
  }
  add('peak_rss', Math.round((rss(server.pid).peak / MB) * 10) / 10, 'MB');
  await cleanup();
}

/** CPU per request (API process, PostgreSQL, load generator) and latency for one measured load. */
async function measured(
  backend: Backend,
  metrics: Metric[],
  k: string,
  server: Server,
  postmaster: number,
  run: () => Promise<LoadResult>,
) {
  const add = (metric: string, value: number, unit: string) => metrics.push({ metric, backend, value, unit });
  // CPU used per request by the API process, PostgreSQL (all backends) and the load generator:
  // unlike req/s, this barely changes when other work shares the machine.
  const pgPids = postmaster ? [postmaster, ...childPids(postmaster)] : [];
  const before = { api: cpuMs([server.pid]), pg: cpuMs(pgPids), gen: process.cpuUsage() };
  const res = await run();
  const gen = process.cpuUsage(before.gen);
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
  return res;
}

async function benchScheduling(
  backend: Backend,
  server: Server,
  auth: Awaited<ReturnType<typeof signIn>>,
  shape: ScheduleShape,
  metrics: Metric[],
  postmaster: number,
) {
  const add = (metric: string, value: number, unit: string) => metrics.push({ metric, backend, value, unit });
  const sizes = await checkCalendar(server.url, auth, shape);
  log(
    `${backend}: calendar check: a clinician's week has ${sizes.week} appointments, a location's day ${sizes.day}`,
  );
  for (const which of ['week', 'day'] as const) {
    const k = `sched.${which}.c10`;
    const res = await measured(backend, metrics, k, server, postmaster, () =>
      measureCalendar(server.url, auth, shape, which, MODE.seconds, Math.min(2, MODE.warmSeconds)),
    );
    log(
      `${backend}: ${which === 'week' ? "clinician's week" : "location's day"} x10: ${Math.round(res.rps)} req/s, p50 ${res.p50.toFixed(1)} p95 ${res.p95.toFixed(1)} p99 ${res.p99.toFixed(1)} ms, errors ${res.failed}`,
    );
  }
  const typeId = await appointmentTypeId(server.url, auth, 'individual-45');
  const patients = bookingPatients(MODE.schedule.bookings + BOOKING_WARMUP);
  const b = await measureBookings(server.url, auth, shape, {
    count: MODE.schedule.bookings,
    warmup: BOOKING_WARMUP,
    patients,
    typeId,
  });
  add('sched.book52.count', b.count, 'count');
  add('sched.book52.p50', round2(b.p50), 'ms');
  add('sched.book52.p95', round2(b.p95), 'ms');
  add('sched.book52.mean', round2(b.mean), 'ms');
  add('sched.book52.max', round2(b.max), 'ms');
  log(
    `${backend}: booking a 52-week series, ${b.count} one after another: median ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms, max ${b.max.toFixed(1)} ms`,
  );
}

async function benchNotes(
  backend: Backend,
  server: Server,
  auth: Awaited<ReturnType<typeof signIn>>,
  shape: NotesShape,
  metrics: Metric[],
  postmaster: number,
) {
  const c = await checkNotes(server.url, auth, shape);
  log(
    `${backend}: notes check: the chart lists ${c.listed} of ${c.total ?? '?'} notes, the newest opens signed, search finds ${c.searchTotal ?? c.searchHits}`,
  );
  const labels = { list: "chart's notes", read: 'newest note', search: 'note search' } as const;
  for (const which of ['list', 'read', 'search'] as const) {
    const res = await measured(backend, metrics, `notes.${which}.c10`, server, postmaster, () =>
      measureNotes(server.url, auth, shape, which, MODE.seconds, Math.min(2, MODE.warmSeconds)),
    );
    log(
      `${backend}: ${labels[which]} x10: ${Math.round(res.rps)} req/s, p50 ${res.p50.toFixed(1)} p95 ${res.p95.toFixed(1)} p99 ${res.p99.toFixed(1)} ms, errors ${res.failed}`,
    );
  }
}

async function benchPatients(
  backend: Backend,
  server: Server,
  auth: Awaited<ReturnType<typeof signIn>>,
  metrics: Metric[],
  monitor: Db | null,
  postmaster: number,
) {
  const add = (metric: string, value: number, unit: string) => metrics.push({ metric, backend, value, unit });
  const queries = searchQueries(5000);
  let qi = 0;
  // Search terms go in a POST body (never the URL), as the app sends them.
  const searchRequest = (): Req => ({
    method: 'POST',
    path: '/api/patients/search',
    body: JSON.stringify({ q: queries[qi++ % queries.length]! }),
  });
  const r = rng(99);
  const chartRequest = (): Req => ({
    method: 'GET',
    path: `/api/patients/${patientId(1 + Math.floor(r() * MODE.patients))}`,
  });

  // Sanity check before measuring: both requests answer as expected.
  const sr = searchRequest();
  const check = await fetch(`${server.url}${sr.path}`, {
    method: 'POST',
    body: sr.body,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' },
  });
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
      const k = `${name}.c${connections}`;
      const res = await measured(backend, metrics, k, server, postmaster, () =>
        measure({ url: server.url, auth, connections, seconds: MODE.seconds, next }),
      );
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
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function scheduleShapeSummary() {
  const s = scheduleShape(MODE.schedule.clinicians, MODE.schedule.years);
  return {
    weeks: s.weeks,
    weeksBack: s.weeksBack,
    locations: s.locations,
    slotsPerClinicianWeek: 96,
    sessionMinutes: 30,
  };
}

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
      scenarios: Object.keys(scenarios).filter((k) => scenarios[k as keyof typeof scenarios]),
      schedule: scenarios.scheduling
        ? { ...MODE.schedule, bookingWarmup: BOOKING_WARMUP, ...scheduleShapeSummary() }
        : undefined,
      secondsPerMeasurement: MODE.seconds,
      warmupSeconds: MODE.warmSeconds,
      searchAs: FRONT_DESK,
      notes: scenarios.notes ? { total: MODE.notes, readAs: NOTE_WRITER } : undefined,
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
  if (!quick && !backendArg && !onlyArg) copyFileSync(file, path.join(dir, 'latest-full.json'));
  process.stdout.write(
    `\n${table(metrics, targets)}\n\nwrote ${path.relative(process.cwd(), file)} (${out.durationSeconds} s)\n`,
  );
}

main().catch(async (e) => {
  console.error(e);
  await cleanup();
  process.exit(1);
});

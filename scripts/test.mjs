// `npm test`: everything CI checks, in order, stopping at the first failing stage.
//   deps -> system packages -> typecheck -> lint -> unit -> int-pglite -> int-pg -> e2e
// `npm test -- --only=unit,int-pglite` runs selected stages (deps and the system-package check always run,
// the latter only for what the selected stages need). Ends with a timing table and one line:
//   N passed, N failed, N skipped
// Node built-ins only: this runs on a fresh clone before dependencies are installed.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureWebBuilt } from './lib/web-build.mjs';
import { bin, run, say } from './lib/proc.mjs';

// ---- stages --------------------------------------------------------------------------------------
// Each test stage gets a hermetic env: UTC clock, and never a developer's DATABASE_URL.
const testEnv = (extra) => {
  const env = { ...process.env, TZ: 'UTC', ...extra };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'HEARTH_TEST_BACKEND'])
    if (!(k in extra)) delete env[k];
  return env;
};

let pg = null; // the temp PostgreSQL server while int-pg runs; stopped on every exit path
const stopPg = () => {
  const p = pg;
  pg = null;
  p?.stop();
};

const STAGES = [
  { id: 'typecheck', run: () => exec(bin('tsc'), ['-p', 'tsconfig.json']) },
  { id: 'lint', run: () => exec(bin('eslint'), ['.', '--max-warnings=0']) },
  { id: 'unit', run: (s) => vitest(s, 'unit', {}) },
  { id: 'int-pglite', run: (s) => vitest(s, 'int', { HEARTH_TEST_BACKEND: 'pglite' }) },
  {
    id: 'int-pg',
    needs: ['postgresql'],
    run: async (s) => {
      // pg-temp is imported lazily so the other stages never depend on PostgreSQL being installed.
      const { startTempPostgres } = await import('./pg-temp.mjs');
      say('Starting a temporary PostgreSQL server');
      pg = await startTempPostgres();
      console.log(`TEST_DATABASE_URL=${pg.url}`);
      try {
        // The integration harness treats TEST_DATABASE_URL as an admin URL and creates a database per file.
        return await vitest(s, 'int', { TEST_DATABASE_URL: pg.url, HEARTH_TEST_BACKEND: 'postgres' });
      } finally {
        say('Stopping the temporary PostgreSQL server');
        stopPg();
      }
    },
  },
  {
    id: 'e2e',
    needs: ['chromium'],
    run: async (s) => {
      const built = await ensureWebBuilt(); // browser tests drive the built bundles served by the API
      return built !== 0 ? built : vitest(s, 'e2e', {});
    },
  },
];

// ---- helpers -------------------------------------------------------------------------------------
let current = null; // running child, so a signal can stop it
const exec = (cmd, args, env = process.env) => {
  say([path.basename(cmd), ...args].join(' '));
  return run(cmd, args, { env, onSpawn: (c) => (current = c) });
};

let reportDir = null; // temp dir for vitest JSON reports, created on first use, removed on exit

/** One vitest project; its JSON report gives the counts for the summary. */
async function vitest(stage, project, extraEnv) {
  reportDir ??= mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  const out = path.join(reportDir, `${stage.id}.json`);
  const args = [
    'run',
    '--project',
    project,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const code = await exec(bin('vitest'), args, testEnv(extraEnv));
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    // A file that fails to load (syntax error, throwing import) has no tests; count it as one failure.
    const brokenFiles = (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && !f.assertionResults?.length,
    ).length;
    stage.counts = {
      passed: r.numPassedTests ?? 0,
      failed: (r.numFailedTests ?? 0) + brokenFiles,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    };
  }
  return code;
}

/** apt packages the selected stages need that are not installed. */
function missingSystemPackages(needs) {
  const pgDirs = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const hasPg =
    pgDirs.some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`)) && existsSync('/usr/bin/psql');
  const missing = [];
  if (needs.has('postgresql') && !hasPg) missing.push('postgresql');
  if (needs.has('chromium') && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  return missing;
}

async function ensureSystemPackages(needs) {
  const missing = missingSystemPackages(needs);
  if (!missing.length) return 0;
  if (process.getuid?.() !== 0) {
    console.error(
      `\nMissing system packages: ${missing.join(', ')}. Install them with:\n  sudo apt-get install ${missing.join(' ')}\n`,
    );
    return 1;
  }
  let code = await exec('apt-get', ['update']);
  if (code === 0)
    code = await exec('apt-get', ['install', '-y', ...missing], {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
  return code;
}

// ---- arguments -----------------------------------------------------------------------------------
const ids = STAGES.map((s) => s.id);
let only = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--help' || a === '-h') {
    console.log(`usage: npm test [-- --only=${ids.join(',')}]`);
    process.exit(0);
  } else if (a.startsWith('--only=') || a === '--only') {
    only = (a === '--only' ? (argv[++i] ?? '') : a.slice('--only='.length))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = only.filter((s) => !ids.includes(s));
    if (bad.length || !only.length) {
      console.error(`unknown stage(s) "${bad.join(',')}"; choose from: ${ids.join(', ')}`);
      process.exit(2);
    }
  } else {
    console.error(`unknown argument ${a}; usage: npm test [-- --only=${ids.join(',')}]`);
    process.exit(2);
  }
}
const selected = STAGES.filter((s) => !only || only.includes(s.id));

// ---- run -----------------------------------------------------------------------------------------
// Always stop PostgreSQL and remove reports, however we exit (the 'exit' handler must be synchronous,
// which stop() is).
process.on('exit', () => {
  stopPg();
  if (reportDir) rmSync(reportDir, { recursive: true, force: true });
});
// On Ctrl-C / SIGTERM: stop the running stage and let the loop below wind down (summary, PostgreSQL
// stopped). If the stage does not exit within 10 s, exit anyway; the 'exit' handler still stops PostgreSQL.
let interrupted = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = sig;
    console.error(`\n${sig}: stopping`);
    if (current && current.exitCode === null && current.signalCode === null) current.kill(sig);
    setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 10_000).unref();
  });
}

const needs = new Set(selected.flatMap((s) => s.needs ?? []));
const all = [
  { id: 'deps', run: () => ensureDeps() },
  { id: 'system packages', run: () => ensureSystemPackages(needs) },
  ...selected,
];
let failedStage = null;
for (const stage of all) {
  if (failedStage || interrupted) {
    stage.result = 'not run';
    continue;
  }
  const t0 = Date.now();
  let code;
  try {
    code = await stage.run(stage);
  } catch (e) {
    console.error(e?.stack ?? e);
    code = 1;
  }
  stage.seconds = (Date.now() - t0) / 1000;
  stage.result = code === 0 ? 'ok' : `FAILED (${code})`;
  if (code !== 0) failedStage = stage;
}

// ---- summary -------------------------------------------------------------------------------------
const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nstage             result        time  tests');
for (const s of all) {
  const c = s.counts;
  if (c) for (const k of Object.keys(total)) total[k] += c[k];
  const time = s.seconds === undefined ? '' : `${s.seconds.toFixed(1)}s`;
  const tests = c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : '';
  console.log(`${s.id.padEnd(17)} ${s.result.padEnd(12)} ${time.padStart(6)}  ${tests}`.trimEnd());
}
// A failing stage that reported no failing test (type errors, lint, a crashed run) still counts as one
// failure, so a red run never summarises as "0 failed".
if (failedStage && !(failedStage.counts?.failed > 0)) total.failed += 1;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(interrupted ? (interrupted === 'SIGINT' ? 130 : 143) : failedStage ? 1 : 0);

// A throwaway PostgreSQL cluster for tests: fresh temp dir, free port, trust auth, loopback only.
//   const pg = await startTempPostgres();  // { url, port, dir, stop() }
//   const url = createDatabase(pg.url, 'other_db');
//   pg.stop();
// Run directly (`node scripts/pg-temp.mjs`) for a self-test. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isMain } from './lib/proc.mjs';

const PSQL = '/usr/bin/psql';
const isRoot = process.getuid?.() === 0;

/** Directory holding initdb/pg_ctl: PostgreSQL 15 (what production runs) or else the newest installed. */
export function pgBinDir() {
  const base = '/usr/lib/postgresql';
  if (existsSync(`${base}/15/bin/postgres`)) return `${base}/15/bin`;
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(`${base}/${v}/bin/postgres`))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL server not found under /usr/lib/postgresql (apt-get install postgresql)');
  return `${base}/${versions[0]}/bin`;
}

const shQuote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

/** Run a server command. initdb and postgres refuse to run as root, so as root we switch to `postgres`. */
function runPg(argv) {
  const r = isRoot
    ? spawnSync('su', ['-s', '/bin/sh', 'postgres', '-c', argv.map(shQuote).join(' ')], { encoding: 'utf8' })
    : spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      `${path.basename(argv[0])} failed (exit ${r.status}): ${(r.stderr || r.stdout || r.error?.message || '').trim()}`,
    );
  }
  return r.stdout;
}

/** Ask the OS for a free port by binding port 0, then release it for the server to take. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Start a fresh cluster with database hearth_test. Returns { url, port, dir, stop }. */
export async function startTempPostgres() {
  const binDir = pgBinDir();
  // /tmp is world-traversable; the cluster dir itself is private to the server's user.
  const dir = mkdtempSync('/tmp/hearth-pg-');
  chmodSync(dir, 0o700);
  if (isRoot) {
    const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout?.trim();
    const [uid, gid] = [id('-u'), id('-g')];
    if (!uid || !gid) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('user "postgres" not found (apt-get install postgresql)');
    }
    chownSync(dir, Number(uid), Number(gid));
  }
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        runPg([`${binDir}/pg_ctl`, '-D', data, '-m', 'fast', '-w', 'stop']);
      } catch (e) {
        console.error(`pg-temp: ${e.message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runPg([
      `${binDir}/initdb`,
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    // Another process may grab the port between freePort() and the server binding it: retry.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      // -k: unix socket in our own dir (not /var/run/postgresql, which may not exist or be shared).
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
      try {
        runPg([`${binDir}/pg_ctl`, '-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
      } catch (e) {
        if (attempt < 3) continue;
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
        throw new Error(`${e.message}\n${tail}`);
      }
      started = true;
      const url = createDatabase(port, 'hearth_test');
      return { url, port, dir, stop };
    }
  } catch (e) {
    stop();
    throw e;
  }
}

/**
 * CREATE DATABASE `name` on the server given by a postgres:// URL or a port on 127.0.0.1.
 * Returns the new database's URL. Tests use it for extra fresh databases.
 */
export function createDatabase(baseUrlOrPort, name) {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name))
    throw new Error(`createDatabase: invalid database name ${JSON.stringify(name)}`);
  const u = new URL(
    typeof baseUrlOrPort === 'number' || /^\d+$/.test(String(baseUrlOrPort))
      ? `postgres://postgres@127.0.0.1:${baseUrlOrPort}/postgres`
      : String(baseUrlOrPort),
  );
  const admin = new URL(u);
  admin.pathname = '/postgres'; // connect to the maintenance database, not the one we create
  const r = spawnSync(PSQL, [admin.href, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE "${name}"`], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`CREATE DATABASE ${name} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  u.pathname = `/${name}`;
  return u.href;
}

// Self-test: start, query, create an extra database, stop.
if (isMain(import.meta.url)) {
  const pg = await startTempPostgres();
  try {
    console.log(`started ${pg.url} in ${pg.dir}`);
    const r = spawnSync(PSQL, [pg.url, '-Atc', 'select version()'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    console.log(r.stdout.trim());
    console.log(`created ${createDatabase(pg.url, 'hearth_extra')}`);
  } finally {
    pg.stop();
    console.log(`stopped; ${pg.dir} ${existsSync(pg.dir) ? 'STILL EXISTS' : 'removed'}`);
  }
}

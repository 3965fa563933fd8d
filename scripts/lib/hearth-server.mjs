// Starts the real Hearth server as a child process on a free port and waits until it answers
// GET /healthz. Shared by the browser tests, the benchmark and the multi-process integration tests,
// so all of them start the server the same way `npm start` does.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { ROOT } from './proc.mjs';

/** Asks the OS for a free port (bind port 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// The same V8 flags as scripts/start.mjs (see docs/performance.md).
export const NODE_FLAGS = ['--max-semi-space-size=4', '--expose-gc'];

let bundled;
/** Bundles the API once per process (as `npm start` does). */
function ensureBundle() {
  bundled ??= import('../build-api.mjs').then((m) => m.buildApi());
  return bundled;
}

/**
 * @param {{ env?: Record<string, string>, unset?: string[], from?: 'bundle' | 'source', timeoutMs?: number, port?: number }} o
 * `from: 'source'` runs the TypeScript through tsx (no build step, for parallel test workers).
 */
export async function launchHearth(o = {}) {
  const port = o.port ?? (await freePort());
  const from = o.from ?? 'bundle';
  if (from === 'bundle') await ensureBundle();
  const args = from === 'bundle' ? [...NODE_FLAGS, 'apps/api/dist/main.mjs'] : ['--import', 'tsx', 'apps/api/src/main.ts'];
  const url = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  for (const k of o.unset ?? []) delete inherited[k];
  const env = { ...inherited, HOST: '127.0.0.1', PORT: String(port), DEMO_MAILBOX_PORT: '0', LOG_LEVEL: 'warn', ...o.env };
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  let dead = false;
  const exited = new Promise((resolve) =>
    proc.once('exit', (code) => {
      dead = true;
      resolve(code);
    }),
  );
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  for (;;) {
    if (dead) throw new Error(`server exited during start-up:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not become healthy in time:\n${out}`);
    }
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    pid: proc.pid,
    proc,
    exited,
    output: () => out,
    /** SIGKILL (no shutdown hooks) and wait for the exit. */
    async kill9() {
      if (!dead) proc.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM, SIGKILL after 15 s, and wait for the exit. */
    async stop() {
      if (!dead) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

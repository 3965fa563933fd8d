import { pathToFileURL } from 'node:url';
// Runs the real API server as a child process (the way `npm start` does) and talks to it over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
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

export interface Server {
  url: string;
  pid: number;
  /** Everything the server printed (warnings and errors only, at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/** Runs the server the way `npm start` does: the bundled API with the same V8 flags. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const { buildApi } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-api.mjs')).href)) as { buildApi(): Promise<void> };
  await buildApi();
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=4', '--expose-gc', 'apps/api/dist/main.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'true',
      DEMO_MAILBOX_PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 120 s:\n${out}`)), 120_000);
    const check = () => {
      if (out.includes('Hearth is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) during startup:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Resident set size of a process in bytes (VmRSS), and its peak (VmHWM). */
export function rss(pid: number): { rss: number; peak: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Signs in and returns the Cookie header value for the session. */
export async function signIn(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await r.json()) as { status?: string };
  if (r.status !== 200 || body.status !== 'signed_in')
    throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(body)}`);
  const sid = r.headers
    .getSetCookie()
    .map((c) => /^hearth_sid=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  if (!sid) throw new Error('sign-in returned no session cookie');
  const cookie = `hearth_sid=${sid}`;
  const s = await fetch(`${url}/api/auth/session`, { headers: { cookie } });
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** CPU time (user + system) in ms used so far by the given processes; exited ones count as 0. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      ticks += Number(rest[11]) + Number(rest[12]); // fields 14 and 15: utime, stime
    } catch {
      /* gone */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Child processes of a parent (e.g. a postmaster's backends), by scanning /proc. */
export function childPids(ppid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(f.slice(f.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

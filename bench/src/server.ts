// Runs the real API server as a child process (the way `npm start` does) and talks to it over HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchHearth } from '../../scripts/lib/hearth-server.mjs';

export { freePort } from '../../scripts/lib/hearth-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Server {
  url: string;
  pid: number;
  /** Everything the server printed (warnings and errors only, at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/** Runs the server the way `npm start` does: the bundled API with the same V8 flags. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const server = await launchHearth({
    env: {
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
      ...env,
    },
  });
  return { url: server.url, pid: server.pid, output: server.output, stop: server.stop };
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

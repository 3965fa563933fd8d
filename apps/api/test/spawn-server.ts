// Runs the real server (`node --import tsx apps/api/src/main.ts`) as a child process for tests that need
// whole processes: several API processes on one database, and kill -9 in the middle of writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generate } from 'otplib';
import { DEMO_PASSWORD } from '../src/seed/demo-data.js';
import { demoTotpSecret } from '../src/seed/seed-demo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Asks the OS for a free port (bind port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `hearth-${prefix}-`));

/** A new, empty PostgreSQL database on the test server (no migrations: the server applies them). */
export async function emptyPgDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `p_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL (no shutdown hooks, no flush) and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts the server and resolves once GET /healthz answers 200. */
export async function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startOnce(o, port);
    } catch (e) {
      // Another process may have taken the port between freePort() and listen(): try another.
      if (attempt < 3 && /EADDRINUSE/.test(String(e))) continue;
      throw e;
    }
  }
}

async function startOnce(o: SpawnOptions, port: number): Promise<ServerProcess> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'HEARTH_TEST_BACKEND', 'SMTP_URL', 'PUBLIC_URL', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[k];
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    HEARTH_DATA_DIR: o.dataDir,
    SEED_DEMO: 'true',
    DEMO_MAILBOX_PORT: '0',
    RUN_JOBS: 'true',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.join(o.dataDir, 'no-web'),
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    ...o.env,
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 90_000);
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
  const server: ServerProcess = {
    url,
    port,
    dataDir: o.dataDir,
    proc,
    output: () => out,
    exited,
    async kill9() {
      if (!dead) proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!dead) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return server;
}

/** .eml files the demo mailbox of a data directory holds. */
export function mailboxFiles(dataDir: string): string[] {
  try {
    return readdirSync(path.join(dataDir, 'mailbox')).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export interface HttpResult {
  status: number;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** A fetch-based client that keeps the session cookie and sends the CSRF token, like a browser tab. */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(public baseUrl: string) {}

  /** The same session, talking to another process. */
  on(baseUrl: string): HttpClient {
    const c = new HttpClient(baseUrl);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  async request(method: string, url: string, body?: unknown, timeoutMs = 30_000): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const r = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const c of r.headers.getSetCookie()) {
      const m = /^hearth_sid=([^;]*)/.exec(c);
      if (m) this.cookie = m[1] ? `hearth_sid=${m[1]}` : null;
    }
    const text = await r.text();
    return { status: r.status, body: text, headers: r.headers, json: () => JSON.parse(text) };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);

  /** Signs in with the demo password, completing MFA with the demo TOTP secret when asked. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<HttpResult> {
    const r = await this.post('/api/auth/sign-in', { email, password });
    if (r.status !== 200) return r;
    if (r.json().status === 'mfa_required') {
      await this.refreshCsrf();
      const v = await this.post('/api/auth/mfa/verify', { code: await generate({ secret: demoTotpSecret(email) }) });
      if (v.status !== 200) return v;
    }
    await this.refreshCsrf();
    return r;
  }

  async refreshCsrf() {
    const r = await this.get('/api/auth/session');
    if (r.status === 200) this.csrf = r.json().csrfToken;
    return r;
  }
}

export const DEMO = {
  therapist: 'elena@riverbend.example',
  frontDesk: 'tom@riverbend.example',
  admin: 'admin@riverbend.example',
  biller: 'grace@riverbend.example',
  password: DEMO_PASSWORD,
};

// Runs the real server (`node --import tsx apps/api/src/main.ts`) as a child process for tests that need
// whole processes: several API processes on one database, and kill -9 in the middle of writes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generate } from 'otplib';
import { DEMO_PASSWORD } from '../src/seed/demo-data.js';
import { freePort, launchHearth, type HearthProcess } from '../../../scripts/lib/hearth-server.mjs';
import { demoTotpSecret } from '../src/seed/seed-demo.js';


export { freePort };

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

export interface ServerProcess extends HearthProcess {
  dataDir: string;
}

export interface SpawnOptions {
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts the server from the TypeScript sources and resolves once GET /healthz answers 200. */
export async function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  // The test process's own settings must not leak into the server it starts.
  const unset = ['DATABASE_URL', 'TEST_DATABASE_URL', 'HEARTH_TEST_BACKEND', 'SMTP_URL', 'PUBLIC_URL', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];
  const env: Record<string, string> = {};
  Object.assign(env, {
    NODE_ENV: 'development',
    HEARTH_DATA_DIR: o.dataDir,
    SEED_DEMO: 'true',
    RUN_JOBS: 'true',
    WEB_DIST_DIR: path.join(o.dataDir, 'no-web'),
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    ...o.env,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      // From source: parallel test workers must not rebuild the shared bundle under each other.
      const server = await launchHearth({ env, unset, from: 'source', timeoutMs: o.timeoutMs ?? 90_000 });
      return Object.assign(server, { dataDir: o.dataDir });
    } catch (e) {
      // Another process may have taken the port between choosing and listening: try another.
      if (attempt < 3 && /EADDRINUSE/.test(String(e))) continue;
      throw e;
    }
  }
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

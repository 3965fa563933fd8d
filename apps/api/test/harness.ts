import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/platform/logger.js';
import type { Db } from '../src/platform/db/db.js';
import { openPglite } from '../src/platform/db/pglite.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { migrate } from '../src/platform/db/migrate.js';
import { syncBuiltinContent } from '../src/modules/documentation/sync-builtin-content.js';
import { fixedClock } from '../src/platform/clock.js';
import { snapshotPath } from './snapshot-path.js';

export const isPostgres = () => process.env.HEARTH_TEST_BACKEND === 'postgres' && !!process.env.TEST_DATABASE_URL;

/** A fresh, migrated database for one test file: a PGlite snapshot, or a new PostgreSQL database. */
export async function freshDb(): Promise<Db & { url?: string }> {
  if (isPostgres()) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), 5);
    await migrate(db);
    await syncBuiltinContent(db);
    return Object.assign(db, { url: u.toString() });
  }
  let blob: Blob | undefined;
  try {
    blob = new Blob([readFileSync(snapshotPath())]);
  } catch {
    blob = undefined; // no snapshot (run outside the int project): migrate from scratch
  }
  const db = await openPglite(undefined, blob);
  await migrate(db);
  // Built-in templates and ICD-10-CM codes, as the server loads them at boot (already in the snapshot).
  await syncBuiltinContent(db);
  return db;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    HEARTH_DATA_DIR: '/tmp/hearth-test-unused',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_API_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh database, with a controllable clock. */
export async function testApp(opts: { config?: Record<string, string>; now?: Date; db?: Db } = {}): Promise<TestApp> {
  const db = opts.db ?? (await freshDb());
  const config = testConfig(opts.config);
  const clock = fixedClock(opts.now ?? new Date());
  const app = await buildApp({ db, clock, config, log: createLogger('silent') });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** An HTTP client over app.inject that keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(private app: FastifyInstance) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method: method as 'GET', url, headers: h, ...(body !== undefined ? { payload: body as object } : {}) });
    const set = res.cookies.find((c) => c.name === 'hearth_sid');
    if (set) this.cookie = set.value ? `hearth_sid=${set.value}` : null;
    return res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** Loads the CSRF token of the current session. */
  async refreshCsrf() {
    const r = await this.get('/api/auth/session');
    if (r.statusCode === 200) this.csrf = r.json().csrfToken;
    return r;
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiDir } from '../paths.js';
import { sha256 } from '../ids.js';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = path.join(apiDir(), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(path.join(dir, f), 'utf8');
      return { version: Number(f.slice(0, 4)), name: f, sql, checksum: sha256(sql) };
    });
}

export class MigrationChecksumError extends Error {}

/**
 * Applies pending migrations in order, each in its own transaction, recording a checksum.
 * A migration that was applied and has since changed stops the server: history is forward-only.
 * An advisory lock makes concurrent boots of several API processes safe.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.tx(async (q) => {
    // Lock first, then create the bookkeeping table: two processes booting together must not
    // both try to create it (PostgreSQL's catalog would reject the second with a duplicate key).
    await q.query('SELECT pg_advisory_xact_lock(7373001)');
    await q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await q.query<{ version: number; checksum: string; name: string }>('SELECT version, checksum, name FROM schema_migrations')).rows.map(
        (r) => [r.version, r],
      ),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const prior = applied.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new MigrationChecksumError(
            `Migration ${m.name} was changed after it was applied (checksum mismatch). Migrations are forward-only: add a new one instead.`,
          );
        }
        continue;
      }
      await q.exec(m.sql);
      await q.query('INSERT INTO schema_migrations(version, name, checksum) VALUES ($1,$2,$3)', [m.version, m.name, m.checksum]);
      done.push(m.name);
    }
    return done;
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './harness.js';
import type { Db } from '../src/platform/db/db.js';
import { migrate, MigrationChecksumError, readMigrations } from '../src/platform/db/migrate.js';

// Migrations are numbered SQL files applied once each, recorded with a checksum; the server
// refuses to start when an applied file has changed, and concurrent boots apply nothing twice.
describe('migrations', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(() => db.close());

  it('records every migration with its checksum and applies nothing twice', async () => {
    const files = readMigrations();
    const rows = (await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version')).rows;
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(await migrate(db)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 1 ? { ...f, sql: `${f.sql}\n-- edited`, checksum: 'edited' } : f));
    await expect(migrate(db, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(migrate(db, edited)).rejects.toThrow(/0002_roles\.sql was changed after it was applied/);
  });

  it('applies a new migration once, even when two boots race', async () => {
    const extra = { version: 9999, name: '9999_test_extra.sql', sql: 'CREATE TABLE test_extra (id integer PRIMARY KEY);', checksum: 'x9999' };
    const all = [...readMigrations(), extra];
    const [a, b] = await Promise.all([migrate(db, all), migrate(db, all)]);
    expect([...a, ...b]).toEqual(['9999_test_extra.sql']);
    expect((await db.query('SELECT count(*)::int AS n FROM schema_migrations WHERE version = 9999')).rows[0]).toEqual({ n: 1 });
  });
});

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable, QueryResult } from './db.js';

// Dates of service are local calendar dates: keep them as 'YYYY-MM-DD' strings, never JS Dates.
const parsers = {
  1082: (v: string) => v, // date
  20: (v: string) => Number(v), // int8 (counts)
  1700: (v: string) => v, // numeric stays exact
  1114: (v: string) => v.replace(' ', 'T'), // local wall-clock time (timestamp without time zone)
};

export async function createPglite(opts: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  return PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm, btree_gist, btree_gin }, parsers });
}

export function wrapPglite(pg: PGlite): Db {
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    close: () => pg.close(),
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  return wrapPglite(await createPglite({ dataDir, loadDataDir }));
}

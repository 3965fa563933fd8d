import path from 'node:path';
import type { Db } from './db.js';
import { openPostgres } from './postgres.js';

export async function openDb(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  // Loaded only when used: importing PGlite alone adds about 40 MB to the process's memory.
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.dataDir ? path.join(opts.dataDir, 'pg') : undefined);
}

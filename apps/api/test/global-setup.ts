import { existsSync, writeFileSync } from 'node:fs';
import { snapshotPath } from './snapshot-path.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createPglite, wrapPglite } from '../src/platform/db/pglite.js';
import { syncBuiltinContent } from '../src/modules/documentation/sync-builtin-content.js';

/**
 * PGlite's initdb takes seconds. Run it and the migrations once, save the data directory,
 * and let every test file start from that snapshot.
 */
export default async function setup() {
  if (process.env.HEARTH_TEST_BACKEND === 'postgres') return;
  const file = snapshotPath();
  if (existsSync(file)) return;
  const pg = await createPglite();
  const db = wrapPglite(pg);
  await migrate(db);
  await syncBuiltinContent(db);
  const blob = await pg.dumpDataDir('gzip');
  writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
  const { renameSync } = await import('node:fs');
  renameSync(`${file}.tmp`, file);
  await pg.close();
}

import { loadConfig } from '../config.js';
import { openDb } from '../platform/db/open-db.js';
import { migrate } from '../platform/db/migrate.js';

/** Opens the database the server would use (DATABASE_URL or the embedded data directory). */
export async function openFromEnv() {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: 2 });
  await migrate(db);
  return { db, config };
}

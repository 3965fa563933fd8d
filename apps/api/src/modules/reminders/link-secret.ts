import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/db.js';
import { newSecret } from '../../platform/ids.js';

const NAME = 'appointment_link_key';
const cache = new WeakMap<Db, Promise<string>>();

/**
 * The key that signs confirm/cancel links: HEARTH_LINK_SECRET when set, otherwise one generated on
 * first use and kept in the database, so every API process of a deployment signs and checks links
 * with the same key (a file in one process's data directory would not be shared). Read once per
 * process. Call it before opening a transaction: the embedded database has a single connection.
 */
export function linkSecret(deps: { db: Db; config: Pick<Config, 'HEARTH_LINK_SECRET'> }): Promise<string> {
  if (deps.config.HEARTH_LINK_SECRET) return Promise.resolve(deps.config.HEARTH_LINK_SECRET);
  let p = cache.get(deps.db);
  if (!p) {
    p = load(deps.db);
    cache.set(deps.db, p);
    p.catch(() => cache.delete(deps.db));
  }
  return p;
}

async function load(db: Db): Promise<string> {
  await db.query('INSERT INTO app_secrets(name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [NAME, newSecret(32)]);
  const r = await db.query<{ value: string }>('SELECT value FROM app_secrets WHERE name = $1', [NAME]);
  return r.rows[0]!.value;
}

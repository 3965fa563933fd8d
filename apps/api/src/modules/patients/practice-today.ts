import type { Queryable } from '../../platform/db/db.js';
import { localDate } from './domain/patient-rules.js';

// The practice time zone is read on every chart open; it changes rarely, so each database
// handle keeps it for half a minute.
const TTL_MS = 30_000;
const cache = new WeakMap<Queryable, { tz: string; at: number }>();

export async function practiceTimeZone(q: Queryable): Promise<string> {
  const hit = cache.get(q);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.tz;
  const r = await q.query<{ time_zone: string }>('SELECT time_zone FROM practice LIMIT 1');
  const tz = r.rows[0]?.time_zone ?? 'America/New_York';
  cache.set(q, { tz, at: Date.now() });
  return tz;
}

/** Today's date in the practice's time zone (ages and "since" dates are local dates). */
export async function practiceToday(q: Queryable, now: Date): Promise<string> {
  return localDate(now, await practiceTimeZone(q));
}

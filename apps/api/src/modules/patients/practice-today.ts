import type { Queryable } from '../../platform/db/db.js';
import { localDate } from './domain/patient-rules.js';

/** Today's date in the practice's time zone (ages and "since" dates are local dates). */
export async function practiceToday(q: Queryable, now: Date): Promise<string> {
  const r = await q.query<{ time_zone: string }>('SELECT time_zone FROM practice LIMIT 1');
  return localDate(now, r.rows[0]?.time_zone ?? 'America/New_York');
}

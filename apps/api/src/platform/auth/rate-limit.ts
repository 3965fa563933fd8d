import type { Queryable } from '../db/db.js';

/**
 * Fixed-window counter stored in the database, so limits hold across every API process.
 * Returns true when the call is within the limit.
 */
export async function hitRateLimit(q: Queryable, key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
  const r = await q.query<{ count: number }>(
    `INSERT INTO rate_limits(key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE rate_limits.count + 1 END,
       window_start = CASE WHEN rate_limits.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE rate_limits.window_start END
     RETURNING count`,
    [key, now.toISOString(), windowSeconds],
  );
  return (r.rows[0]?.count ?? 0) <= limit;
}

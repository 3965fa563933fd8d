import type { Queryable } from '../db/db.js';
import { newId } from '../ids.js';

/** Queues a job in the caller's transaction: it exists only if the change commits. */
export async function enqueue(q: Queryable, kind: string, payload: unknown, runAt?: Date): Promise<string> {
  const id = newId();
  await q.query('INSERT INTO jobs(id, kind, payload, run_at) VALUES ($1,$2,$3,COALESCE($4::timestamptz, now()))', [
    id,
    kind,
    JSON.stringify(payload),
    runAt?.toISOString() ?? null,
  ]);
  return id;
}

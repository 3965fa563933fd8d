import type { Db } from '../db/db.js';
import type { Logger } from '../logger.js';

export type JobHandler = (payload: unknown) => Promise<void>;

interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so several API processes can share one queue
 * without running a job twice. A crashed worker's claim expires after the lease.
 */
export async function claimJobs(db: Db, limit: number, leaseSeconds = 120): Promise<JobRow[]> {
  const r = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => $2)
      WHERE id IN (
        SELECT id FROM jobs
         WHERE run_at <= now() AND (status = 'pending' OR (status = 'running' AND locked_until < now()))
         ORDER BY run_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`,
    [limit, leaseSeconds],
  );
  return r.rows;
}

export async function runJobsOnce(db: Db, handlers: Record<string, JobHandler>, log: Logger, limit = 10): Promise<number> {
  const jobs = await claimJobs(db, limit);
  for (const j of jobs) {
    const handler = handlers[j.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${j.kind}`);
      await handler(j.payload);
      await db.query(`UPDATE jobs SET status = 'done', done_at = now(), locked_until = NULL WHERE id = $1`, [j.id]);
    } catch (e) {
      const failed = j.attempts >= j.max_attempts;
      // Exponential back-off: 30 s, 1 min, 2 min ... Error text is the error's class only (no PHI).
      const delay = Math.min(3600, 30 * 2 ** (j.attempts - 1));
      await db.query(
        `UPDATE jobs SET status = $2, run_at = now() + make_interval(secs => $3), locked_until = NULL, last_error = $4 WHERE id = $1`,
        [j.id, failed ? 'failed' : 'pending', delay, e instanceof Error ? `${e.name}: ${(e as { code?: string }).code ?? ''}` : 'error'],
      );
      log.warn({ job: { id: j.id, kind: j.kind, attempts: j.attempts } }, 'job failed');
    }
  }
  return jobs.length;
}

export function startWorker(db: Db, handlers: Record<string, JobHandler>, log: Logger, pollMs: number) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await runJobsOnce(db, handlers, log)) > 0) {
          /* drain */
        }
      } catch (e) {
        log.error({ err: { type: (e as Error).name } }, 'job worker error');
      }
      if (!stopped) timer = setTimeout(tick, pollMs);
    })();
  };
  timer = setTimeout(tick, Math.min(pollMs, 200));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    /** Runs due jobs now (tests and the admin "send now"). */
    async drain() {
      await running;
      while ((await runJobsOnce(db, handlers, log)) > 0) {
        /* drain */
      }
    },
  };
}
export type Worker = ReturnType<typeof startWorker>;

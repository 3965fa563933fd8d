import type { Db } from '../db/db.js';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './audit.js';

/**
 * Links unsealed audit events into the hash chain, in arrival order: each gets the next
 * gap-free seq, the previous event's hash, and its own hash. One sealer at a time across all
 * processes (a try-lock: a busy sealer elsewhere means nothing to do here). Returns how many
 * events were sealed.
 */
export async function sealAudit(db: Db, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.tx(async (q) => {
      const got = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(7373002) AS ok');
      if (!got.rows[0]?.ok) return 0;
      const rows = (await q.query<AuditRow>('SELECT * FROM audit_events WHERE seq IS NULL ORDER BY arrival LIMIT $1', [batch])).rows;
      if (!rows.length) return 0;
      const last = (await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1')).rows[0];
      let seq = Number(last?.seq ?? 0);
      let prev = last?.hash ?? GENESIS_HASH;
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        seq++;
        const hash = hashAuditRow(prev, { ...r, seq });
        ids.push(r.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await q.query(
        `UPDATE audit_events a SET seq = v.seq, prev_hash = v.prev, hash = v.hash
           FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS seq, unnest($3::text[]) AS prev, unnest($4::text[]) AS hash) v
          WHERE a.id = v.id`,
        [ids, seqs, prevs, hashes],
      );
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/** Seals every second in the background; stop() waits for a running pass. */
export function startAuditSealer(db: Db, onError: (e: unknown) => void, everyMs = 1000) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? 0 : sealAudit(db).catch(onError)));
  }, everyMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await sealAudit(db).catch(onError);
    },
  };
}

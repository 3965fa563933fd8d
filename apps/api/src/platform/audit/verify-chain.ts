import type { Queryable } from '../db/db.js';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './audit.js';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Events recorded but not yet linked into the chain (normally sealed within a second). */
  pending?: number;
  brokenAtSeq?: number;
  reason?: string;
}

/** Recomputes the whole chain in seq order, in pages, and stops at the first break. */
export async function verifyAuditChain(q: Queryable, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = (
      await q.query<AuditRow>('SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2', [expectedSeq, pageSize])
    ).rows;
    if (rows.length === 0) {
      const pending = (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL')).rows[0]?.n ?? 0;
      return { ok: true, checked, pending };
    }
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAtSeq: expectedSeq, reason: 'missing event' };
      if (r.prev_hash !== prev) return { ok: false, checked, brokenAtSeq: seq, reason: 'previous hash does not match' };
      const h = hashAuditRow(prev, { ...r, seq });
      if (h !== r.hash) return { ok: false, checked, brokenAtSeq: seq, reason: 'event content was altered' };
      prev = r.hash;
      expectedSeq++;
      checked++;
    }
  }
}

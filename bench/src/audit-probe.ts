// How fast can the audit trail take appends, with no HTTP in the way? Every audited request
// (search, chart open) appends one event; appendAudit inserts it without any lock (the sealer
// chains it afterwards). Compared with a plain insert into a copy of the table, this shows what
// the audit write itself costs and that nothing serializes it.
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { appendAudit } from '../../apps/api/src/platform/audit/audit.js';

async function rate(workers: number, ms: number, fn: () => Promise<void>): Promise<number> {
  let n = 0;
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        await fn();
        n++;
      }
    }),
  );
  return n / (ms / 1000);
}

export async function auditProbe(db: Db, ms: number, workers = 10) {
  await db.exec('CREATE TABLE bench_probe (LIKE audit_events INCLUDING DEFAULTS)');
  const event = () => ({
    at: new Date(),
    actorId: null,
    actorKind: 'system' as const,
    actorRole: 'bench',
    action: 'bench.audit_probe',
    resourceType: 'Patient',
    resourceId: 'probe',
    clientIp: '127.0.0.1',
    outcome: 'success' as const,
    detail: { probe: true },
  });
  const chained = await rate(workers, ms, () => db.tx((q) => appendAudit(q, event())));
  let seq = 0;
  const unchained = await rate(workers, ms, () =>
    db.tx(async (q) => {
      await q.query(
        `INSERT INTO bench_probe(seq, id, at, actor_kind, actor_role, action, resource_type, resource_id, client_ip, outcome, detail, prev_hash, hash)
         VALUES ($1, gen_random_uuid(), now(), 'system', 'bench', 'bench.audit_probe', 'Patient', 'probe', '127.0.0.1', 'success', '{"probe":true}', $2, $2)`,
        [++seq, '0'.repeat(64)],
      );
    }),
  );
  await db.exec('DROP TABLE bench_probe');
  return { chained, unchained };
}

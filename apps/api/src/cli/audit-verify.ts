import { openFromEnv } from './open-from-env.js';
import { verifyAuditChain } from '../platform/audit/verify-chain.js';
import { sealAudit } from '../platform/audit/seal.js';

// `npm run audit:verify`: recomputes the audit hash chain; exits 1 at the first break.
const { db } = await openFromEnv();
try {
  await sealAudit(db);
  const r = await verifyAuditChain(db);
  if (r.ok) {
    process.stdout.write(`Audit trail intact: ${r.checked} events verified.\n`);
  } else {
    process.stderr.write(`Audit trail BROKEN at event ${r.brokenAtSeq}: ${r.reason}. ${r.checked} events before it verified.\n`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}

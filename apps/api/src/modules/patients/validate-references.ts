import type { Queryable } from '../../platform/db/db.js';
import type { FieldIssue } from '../../platform/errors.js';
import { clinicalStaffIds, existingPayerIds } from './patients.repo.js';

/** Payers and care-team members must exist; each bad reference is named by its index. */
export async function checkReferences(
  q: Queryable,
  p: { coverages?: { payerId: string }[]; careTeam?: { userId: string }[] },
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (p.coverages?.length) {
    const ok = await existingPayerIds(q, p.coverages.map((c) => c.payerId));
    p.coverages.forEach((c, i) => {
      if (!ok.has(c.payerId)) issues.push({ field: `coverages.${i}.payerId`, message: 'is not a known payer' });
    });
  }
  if (p.careTeam?.length) {
    const ok = await clinicalStaffIds(q, p.careTeam.map((c) => c.userId));
    p.careTeam.forEach((c, i) => {
      if (!ok.has(c.userId)) issues.push({ field: `careTeam.${i}.userId`, message: 'is not an active clinician' });
    });
  }
  return issues;
}

import type { TPatientProblem, TUpdateProblemRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { practiceToday } from '../patients/index.js';
import { canBePrimary } from './add-problem.js';
import { auditEvent } from './content-audit.js';
import { requireClinicalAccess } from './problem-access.js';
import { clearPrimary, liveProblemWithCode, loadProblem, toProblem, updateProblem as writeProblem } from './problems.repo.js';

/**
 * Changes a problem's status, onset, primary flag or comment (optimistic concurrency on `version`).
 * Resolving dates it today; reopening clears that date. A problem that stops being active or in
 * remission stops being primary; making one primary takes the flag off the others.
 */
export async function updateProblem(deps: Deps, actor: Actor, patientId: string, problemId: string, input: TUpdateProblemRequest, ip: string): Promise<TPatientProblem> {
  const { db, clock } = deps;
  const now = clock.now();
  await requireClinicalAccess(db, actor, patientId);
  const today = await practiceToday(db, now);
  return db.tx(async (q) => {
    const cur = await loadProblem(q, patientId, problemId);
    if (!cur) throw new DomainError('not_found', 'That problem was not found.');
    if (cur.version !== input.version) throw new DomainError('conflict', 'Someone else changed this problem since you opened it. Reload to see their changes.');
    const status = input.status ?? cur.status;
    const onsetDate = input.onsetDate === undefined ? cur.onset_date : input.onsetDate;
    const issues: FieldIssue[] = [];
    if (input.onsetDate && input.onsetDate > today) issues.push({ field: 'onsetDate', message: 'cannot be in the future' });
    if (input.isPrimary && !canBePrimary(status)) issues.push({ field: 'isPrimary', message: 'only an active problem or one in remission can be primary' });
    if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    // Reopening a resolved or ruled-out problem must not list its code twice.
    if (canBePrimary(status) && !canBePrimary(cur.status) && (await liveProblemWithCode(q, patientId, cur.code, problemId))) {
      throw new DomainError('conflict', 'This diagnosis is already on the problem list.', [{ field: 'status', message: 'the diagnosis is already listed as active or in remission' }]);
    }
    const isPrimary = canBePrimary(status) ? (input.isPrimary ?? cur.is_primary) : false;
    const resolvedOn = status === 'resolved' ? (cur.status === 'resolved' ? cur.resolved_on : today) : null;
    const comment = input.comment === undefined ? cur.comment : input.comment || null;
    // The other primary goes first: the one-primary index would refuse two at once.
    const cleared = isPrimary && !cur.is_primary ? await clearPrimary(q, patientId, problemId) : 0;
    const ok = await writeProblem(q, patientId, problemId, input.version, { onsetDate, status, isPrimary, comment, resolvedOn });
    if (!ok) throw new DomainError('conflict', 'Someone else changed this problem since you opened it. Reload to see their changes.');
    await auditEvent(q, actor, ip, now, {
      action: 'problem.update', resourceType: 'PatientProblem', resourceId: problemId, patientId,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version').sort(), status, isPrimary, primaryCleared: cleared },
    });
    return toProblem((await loadProblem(q, patientId, problemId))!);
  });
}

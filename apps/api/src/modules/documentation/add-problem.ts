import type { TAddProblemRequest, TPatientProblem } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { practiceToday } from '../patients/index.js';
import { auditEvent } from './content-audit.js';
import { effectiveCode } from './icd10.repo.js';
import { requireClinicalAccess } from './problem-access.js';
import { clearPrimary, insertProblem, liveProblemWithCode, loadProblem, toProblem } from './problems.repo.js';

const DUPLICATE = 'This diagnosis is already on the problem list.';

/** Adds a diagnosis to the patient's problem list (the title is copied from the ICD-10-CM release). */
export async function addProblem(deps: Deps, actor: Actor, patientId: string, input: TAddProblemRequest, ip: string): Promise<TPatientProblem> {
  const { db, clock } = deps;
  const now = clock.now();
  await requireClinicalAccess(db, actor, patientId);
  const today = await practiceToday(db, now);
  if (input.onsetDate && input.onsetDate > today) throw new DomainError('validation', 'onsetDate: cannot be in the future', [{ field: 'onsetDate', message: 'cannot be in the future' }]);
  const status = input.status ?? 'active';
  if (input.isPrimary && !canBePrimary(status)) throw new DomainError('validation', 'isPrimary: only an active problem or one in remission can be primary', [{ field: 'isPrimary', message: 'only an active problem or one in remission can be primary' }]);
  return db.tx(async (q) => {
    const icd = await effectiveCode(q, input.code, today);
    if (!icd) throw new DomainError('validation', 'code: is not a current ICD-10-CM code', [{ field: 'code', message: 'is not a current ICD-10-CM code' }]);
    if (canBePrimary(status) && (await liveProblemWithCode(q, patientId, icd.code))) throw new DomainError('conflict', DUPLICATE, [{ field: 'code', message: 'is already on the problem list' }]);
    const id = newId();
    const isPrimary = input.isPrimary ?? false;
    const cleared = isPrimary ? await clearPrimary(q, patientId, null) : 0;
    await insertProblem(q, {
      id, patientId, code: icd.code, title: icd.title, addedBy: actor.userId, addedAt: now,
      onsetDate: input.onsetDate ?? null, status, isPrimary, comment: input.comment ? input.comment : null, resolvedOn: status === 'resolved' ? today : null,
    });
    // The code itself is PHI (a diagnosis of this patient): the audit row names the problem, not the code.
    await auditEvent(q, actor, ip, now, { action: 'problem.add', resourceType: 'PatientProblem', resourceId: id, patientId, detail: { status, isPrimary, primaryCleared: cleared } });
    return toProblem((await loadProblem(q, patientId, id))!);
  });
}

export const canBePrimary = (status: string) => status === 'active' || status === 'in_remission';

/**
 * Puts a diagnosis on the problem list from inside another use case's transaction (a note that adds
 * a diagnosis to the list). Idempotent: when the code is already listed as active or in remission,
 * that problem is returned and nothing is written. The caller has already checked access to the
 * patient. The code must be valid on `on` (the note's date of service; default today).
 */
export async function addProblemInTx(
  q: Queryable,
  actor: Actor,
  patientId: string,
  code: string,
  ip: string,
  opts: { now?: Date; on?: string; onsetDate?: string | null; isPrimary?: boolean } = {},
): Promise<{ problem: TPatientProblem; added: boolean }> {
  const now = opts.now ?? new Date();
  const today = await practiceToday(q, now);
  const icd = await effectiveCode(q, code, opts.on ?? today);
  if (!icd) throw new DomainError('validation', 'code: is not a current ICD-10-CM code', [{ field: 'code', message: 'is not a current ICD-10-CM code' }]);
  const existing = await liveProblemWithCode(q, patientId, icd.code);
  if (existing) return { problem: toProblem(existing), added: false };
  const id = newId();
  const isPrimary = opts.isPrimary ?? false;
  if (isPrimary) await clearPrimary(q, patientId, null);
  await insertProblem(q, {
    id, patientId, code: icd.code, title: icd.title, addedBy: actor.userId, addedAt: now,
    onsetDate: opts.onsetDate ?? null, status: 'active', isPrimary, comment: null, resolvedOn: null,
  });
  await auditEvent(q, actor, ip, now, { action: 'problem.add', resourceType: 'PatientProblem', resourceId: id, patientId, detail: { status: 'active', isPrimary, fromNote: true } });
  return { problem: toProblem((await loadProblem(q, patientId, id))!), added: true };
}

import type { TPatientProblem } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditEvent } from './content-audit.js';
import { requireClinicalAccess } from './problem-access.js';
import { listProblems as listProblemRows, toProblem } from './problems.repo.js';

/** The patient's problem list, primary first (audited: diagnoses are clinical content). */
export async function listProblems(deps: Deps, actor: Actor, patientId: string, ip: string): Promise<TPatientProblem[]> {
  const { db, clock } = deps;
  await requireClinicalAccess(db, actor, patientId);
  return db.tx(async (q) => {
    const rows = await listProblemRows(q, patientId);
    await auditEvent(q, actor, ip, clock.now(), { action: 'problem.list', resourceType: 'PatientProblem', patientId, detail: { count: rows.length } });
    return rows.map(toProblem);
  });
}

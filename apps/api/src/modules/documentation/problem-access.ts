import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/index.js';

/** The problem list is clinical content: caseload only. Unknown and not-yours answer the same 404. */
export async function requireClinicalAccess(q: Queryable, actor: Actor, patientId: string): Promise<void> {
  const exists = (await q.query('SELECT 1 FROM patients WHERE id = $1', [patientId])).rows.length > 0;
  if (!exists || !(await canAccessPatient(q, actor, patientId, 'clinical'))) {
    throw new DomainError('not_found', 'Patient was not found, or is not on your caseload.');
  }
}

import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';

export type AccessLevel = 'demographics' | 'clinical';

/**
 * Record-level access. Front desk, billing and admin (patients.read_all) see every patient's
 * demographics and never clinical content; clinicians see the patients on their care teams,
 * and supervisors also those of their supervisees. Anything not granted here is denied.
 */
export async function canAccessPatient(q: Queryable, actor: Actor, patientId: string, level: AccessLevel): Promise<boolean> {
  if (level === 'demographics' && actor.permissions.has('patients.read_all')) return true;
  const perm = level === 'clinical' ? 'clinical.read' : 'patients.read';
  if (!actor.permissions.has(perm)) return false;
  if (actor.kind === 'token') return actor.permissions.has('patients.read_all');
  return onCareTeam(q, actor.userId, patientId);
}

export async function onCareTeam(q: Queryable, userId: string, patientId: string): Promise<boolean> {
  const r = await q.query(
    `SELECT 1 FROM care_team ct
      WHERE ct.patient_id = $1
        AND (ct.user_id = $2 OR ct.user_id IN (SELECT id FROM users WHERE supervisor_id = $2))
      LIMIT 1`,
    [patientId, userId],
  );
  return r.rows.length > 0;
}

/** SQL condition restricting patients (alias p) to an actor's caseload; null when unrestricted. */
export function caseloadFilter(actor: Actor, paramIndex: number): { sql: string; param: string } | null {
  if (actor.permissions.has('patients.read_all')) return null;
  return {
    sql: `EXISTS (SELECT 1 FROM care_team ct WHERE ct.patient_id = p.id
            AND (ct.user_id = $${paramIndex} OR ct.user_id IN (SELECT id FROM users WHERE supervisor_id = $${paramIndex})))`,
    param: actor.userId,
  };
}

import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit, type AuditOutcome } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/index.js';
import { patientBasics, type PatientBasics } from './engagement.repo.js';

export interface EngagementAuditEvent {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: AuditOutcome;
  /** Non-PHI context only: ids, counts, codes. */
  detail?: Record<string, unknown>;
}

/** One audit row by the actor, in the caller's transaction (or alone, before data leaves). */
export function audit(q: Queryable, actor: Actor, ip: string, at: Date, e: EngagementAuditEvent): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: e.outcome ?? 'success',
    patientId: e.patientId ?? null, action: e.action, resourceType: e.resourceType, resourceId: e.resourceId ?? null, detail: e.detail,
  });
}

export const patientNotFound = () => new DomainError('not_found', 'Patient was not found, or is not on your caseload.');

/**
 * Loads a patient the actor may see (demographics level: front desk and billing see everyone,
 * clinicians their caseload). A refused attempt on an existing patient is audited as denied;
 * unknown and forbidden answer the same 404, so ids cannot be probed.
 */
export async function accessiblePatient(q: Queryable, actor: Actor, ip: string, at: Date, id: string, action: string): Promise<PatientBasics> {
  const p = await patientBasics(q, id);
  if (!p) throw patientNotFound();
  if (!(await canAccessPatient(q, actor, id, 'demographics'))) {
    await audit(q, actor, ip, at, { action, resourceType: 'Patient', resourceId: id, patientId: id, outcome: 'denied' });
    throw patientNotFound();
  }
  return p;
}

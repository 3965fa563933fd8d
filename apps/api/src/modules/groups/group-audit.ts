import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { clinicalStaff } from './groups.repo.js';

export interface GroupAuditEvent {
  action: string;
  resourceType: 'Group' | 'GroupMember' | 'Appointment';
  resourceId: string;
  patientId?: string | null;
  /** Non-PHI context only: field names, counts, statuses. */
  detail?: Record<string, unknown>;
}

/** One audit row by the actor, in the caller's transaction. */
export function auditGroup(q: Queryable, actor: Actor, ip: string, at: Date, e: GroupAuditEvent): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: 'success',
    patientId: e.patientId ?? null, action: e.action, resourceType: e.resourceType, resourceId: e.resourceId, detail: e.detail,
  });
}

/** Audits that the actor saw these members' names (one row per patient, so each chart's access log shows it). */
export async function auditRosterRead(q: Queryable, actor: Actor, ip: string, at: Date, action: string, resource: { type: 'Group' | 'Appointment'; id: string }, patientIds: Iterable<string>): Promise<void> {
  for (const patientId of patientIds) {
    await auditGroup(q, actor, ip, at, { action, resourceType: resource.type, resourceId: resource.id, patientId });
  }
}

/** Facilitators are distinct, active clinical staff; each bad one is named by its position. */
export async function checkFacilitators(q: Queryable, ids: string[]): Promise<void> {
  const issues: FieldIssue[] = [];
  const ok = await clinicalStaff(q, ids);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push({ field: `facilitatorIds.${i}`, message: 'lists the same person twice' });
    else if (!ok.has(id)) issues.push({ field: `facilitatorIds.${i}`, message: 'is not an active clinician' });
  });
  if (issues.length) throw new DomainError('validation', issues.map((x) => `${x.field} ${x.message}`).join('; '), issues);
}

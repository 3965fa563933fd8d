import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';

/** One audit row for a template, intervention or problem-list event, in the caller's transaction. */
export function auditEvent(
  q: Queryable,
  actor: Actor,
  ip: string,
  at: Date,
  e: { action: string; resourceType: string; resourceId?: string | null; patientId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: 'success',
    action: e.action, resourceType: e.resourceType, resourceId: e.resourceId ?? null, patientId: e.patientId ?? null, detail: e.detail,
  });
}

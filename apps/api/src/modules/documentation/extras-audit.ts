import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';

// Audit rows for the work queues, search, settings, exports and group notes. `detail` holds ids,
// counts and statuses only: never note text, names or search terms.
export function auditNotes(
  q: Queryable,
  actor: Actor,
  ip: string,
  at: Date,
  e: { action: string; resourceType?: string; resourceId?: string | null; patientId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: 'success',
    action: e.action, resourceType: e.resourceType ?? 'Note', resourceId: e.resourceId ?? null, patientId: e.patientId ?? null, detail: e.detail,
  });
}

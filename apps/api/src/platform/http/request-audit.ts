import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/db.js';
import { appendAudit, type AuditEventInput } from '../audit/audit.js';
import { primaryRole } from '../auth/actor.js';

/** Audits an action by the request's actor, inside the caller's transaction. */
export function auditFor(req: FastifyRequest, at: Date) {
  return (q: Queryable, e: Omit<AuditEventInput, 'at' | 'actorId' | 'actorKind' | 'actorRole' | 'clientIp'>) =>
    appendAudit(q, {
      ...e,
      at,
      actorId: req.actor?.userId ?? null,
      actorKind: req.actor?.kind ?? 'anonymous',
      actorRole: primaryRole(req.actor),
      clientIp: req.ip,
    });
}

import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { caseloadFilter } from '../patients/access.js';
import { knownReferences, type Visibility } from './waitlist.repo.js';

/** Who the actor may see by name: everyone with patients.read_all, else their caseload. */
export const visibilityFor = (actor: Actor): Visibility => (n) => caseloadFilter(actor, n);

export function auditWaitlist(
  q: Queryable,
  actor: Actor,
  ip: string,
  at: Date,
  e: { action: string; resourceId?: string | null; patientId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: 'success',
    action: e.action, resourceType: 'WaitlistEntry', resourceId: e.resourceId ?? null, patientId: e.patientId ?? null, detail: e.detail,
  });
}

/** Each wished-for clinician, type or location must exist (and be active); unknown ones are named. */
export async function checkReferences(q: Queryable, ids: { clinicianId: string | null; appointmentTypeId: string | null; locationId: string | null }): Promise<void> {
  const known = await knownReferences(q, ids);
  const issues: FieldIssue[] = [];
  if (ids.clinicianId && !known.clinician) issues.push({ field: 'clinicianId', message: 'is not an active clinician' });
  if (ids.appointmentTypeId && !known.type) issues.push({ field: 'appointmentTypeId', message: 'is not an active appointment type' });
  if (ids.locationId && !known.location) issues.push({ field: 'locationId', message: 'is not an active location' });
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; '), issues);
}

import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { primaryRole } from '../../../platform/auth/actor.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { notFound } from '../../../platform/errors.js';
import { deleteException, exceptionById } from './availability.repo.js';

/** Removes one time-off or extra-hours entry. Appointments already booked are not touched. */
export async function removeException(deps: Deps, actor: Actor, id: string, ip: string): Promise<void> {
  await deps.db.tx(async (q) => {
    const row = await exceptionById(q, id);
    if (!row) throw notFound('Time off or extra hours entry');
    await deleteException(q, id);
    await appendAudit(q, {
      at: deps.clock.now(), actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor),
      action: 'clinician_exception.delete', resourceType: 'ClinicianException', resourceId: id, clientIp: ip, outcome: 'success',
      detail: { clinicianId: row.user_id, kind: row.kind },
    });
  });
}

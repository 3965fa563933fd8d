import type { TPatient } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { canAccessPatient } from './access.js';
import { loadPatient } from './patients.repo.js';
import { toPatient } from './patient-view.js';
import { practiceToday } from './practice-today.js';

/**
 * Opens a chart: access is checked, and the opening is audited whether allowed or denied.
 * The audit row commits before any data leaves: if it cannot be written, the read fails.
 */
export async function getPatient(deps: Deps, actor: Actor, id: string, ip: string): Promise<TPatient> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = await loadPatient(db, id);
  const allowed = !!row && (await canAccessPatient(db, actor, id, 'demographics'));
  if (row) {
    await appendAudit(db, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service', patientId: id,
      action: 'patient.read', resourceType: 'Patient', resourceId: id, clientIp: ip, outcome: allowed ? 'success' : 'denied',
    });
  }
  // Unknown and forbidden look the same from outside, so ids can't be probed.
  if (!row || !allowed) throw new DomainError('not_found', 'Patient was not found, or is not on your caseload.');
  return toPatient(row, await practiceToday(db, now));
}

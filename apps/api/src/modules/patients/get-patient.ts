import type { TPatient } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { canAccessPatient } from './access.js';
import { loadPatient } from './patients.repo.js';
import { toPatient } from './patient-view.js';
import { practiceToday } from './practice-today.js';

/** Opens a chart: access is checked, and the opening is audited whether allowed or denied. */
export async function getPatient(deps: Deps, actor: Actor, id: string, ip: string): Promise<TPatient> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.tx(async (q) => {
    const audit = (outcome: 'success' | 'denied') =>
      appendAudit(q, {
        at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service', patientId: id,
        action: 'patient.read', resourceType: 'Patient', resourceId: id, clientIp: ip, outcome,
      });
    const row = await loadPatient(q, id);
    // Unknown and forbidden look the same from outside, so ids can't be probed.
    if (!row || !(await canAccessPatient(q, actor, id, 'demographics'))) {
      if (row) await audit('denied');
      return null;
    }
    // Read everything before the audit append: it holds the audit chain's lock until commit.
    const today = await practiceToday(q, now);
    await audit('success');
    return toPatient(row, today);
  }).then((p) => {
    if (!p) throw new DomainError('not_found', 'Patient was not found, or is not on your caseload.');
    return p;
  });
}

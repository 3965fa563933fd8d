import type { TWaitlistEntry } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditWaitlist, visibilityFor } from './waitlist-access.js';
import { loadEntry } from './waitlist.repo.js';
import { toEntry } from './waitlist-view.js';

/** One entry, as in the list (the patient named only for readers who may see them). */
export async function getWaitlistEntry(deps: Deps, actor: Actor, id: string, ip: string): Promise<TWaitlistEntry> {
  const { db, clock } = deps;
  const row = await loadEntry(db, visibilityFor(actor), id);
  if (!row) throw new DomainError('not_found', 'Waitlist entry was not found.');
  await auditWaitlist(db, actor, ip, clock.now(), { action: 'waitlist.read', resourceId: id, patientId: row.visible ? row.patient_id : null });
  return toEntry(row);
}

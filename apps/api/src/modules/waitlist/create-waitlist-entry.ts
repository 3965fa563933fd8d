import type { TCreateWaitlistEntryRequest, TWaitlistEntry } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient, practiceToday } from '../patients/index.js';
import { auditWaitlist, checkReferences, visibilityFor } from './waitlist-access.js';
import { insertEntry, loadEntry } from './waitlist.repo.js';
import { toEntry } from './waitlist-view.js';

/** Puts a patient on the waitlist, dated today (the practice's local date). */
export async function createWaitlistEntry(deps: Deps, actor: Actor, input: TCreateWaitlistEntryRequest, ip: string): Promise<TWaitlistEntry> {
  const { db, clock } = deps;
  const now = clock.now();
  // Unknown and not-on-your-caseload read the same, so patient ids cannot be probed.
  const exists = (await db.query('SELECT 1 FROM patients WHERE id = $1', [input.patientId])).rows.length > 0;
  if (!exists || !(await canAccessPatient(db, actor, input.patientId, 'demographics'))) {
    throw new DomainError('validation', 'patientId: was not found, or is not on your caseload', [{ field: 'patientId', message: 'was not found, or is not on your caseload' }]);
  }
  const refs = { clinicianId: input.clinicianId ?? null, appointmentTypeId: input.appointmentTypeId ?? null, locationId: input.locationId ?? null };
  await checkReferences(db, refs);
  const id = newId();
  const addedOn = await practiceToday(db, now);
  await db.tx(async (q) => {
    await insertEntry(q, {
      id, patientId: input.patientId, addedOn, createdBy: actor.userId, ...refs,
      telehealthOk: input.telehealthOk ?? true, preferredTimes: input.preferredTimes ?? [], priority: input.priority ?? 2, note: input.note ? input.note : null,
    });
    await auditWaitlist(q, actor, ip, now, { action: 'waitlist.create', resourceId: id, patientId: input.patientId, detail: { priority: input.priority ?? 2 } });
  });
  return toEntry((await loadEntry(db, visibilityFor(actor), id))!);
}

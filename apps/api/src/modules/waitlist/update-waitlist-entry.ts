import type { TUpdateWaitlistEntryRequest, TWaitlistEntry } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditWaitlist, checkReferences, visibilityFor } from './waitlist-access.js';
import { loadEntry, updateEntry } from './waitlist.repo.js';
import { toEntry } from './waitlist-view.js';

/**
 * Edits an entry, or closes it ('scheduled' once booked, 'removed' when no longer wanted) or reopens
 * it. Only for readers who may see the patient; optimistic concurrency on `version`.
 */
export async function updateWaitlistEntry(deps: Deps, actor: Actor, id: string, input: TUpdateWaitlistEntryRequest, ip: string): Promise<TWaitlistEntry> {
  const { db, clock } = deps;
  const now = clock.now();
  const visibility = visibilityFor(actor);
  const cur = await loadEntry(db, visibility, id);
  if (!cur || !cur.visible) throw new DomainError('not_found', 'Waitlist entry was not found, or its patient is not on your caseload.');
  const pick = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
  const refs = {
    clinicianId: pick(input.clinicianId, cur.clinician_id),
    appointmentTypeId: pick(input.appointmentTypeId, cur.appointment_type_id),
    locationId: pick(input.locationId, cur.location_id),
  };
  // Only newly chosen references are checked: an entry may keep a clinician who has since left.
  await checkReferences(db, {
    clinicianId: refs.clinicianId !== cur.clinician_id ? refs.clinicianId : null,
    appointmentTypeId: refs.appointmentTypeId !== cur.appointment_type_id ? refs.appointmentTypeId : null,
    locationId: refs.locationId !== cur.location_id ? refs.locationId : null,
  });
  const status = input.status ?? cur.status;
  const closedAt = status === 'open' ? null : status === cur.status && cur.closed_at ? new Date(cur.closed_at) : now;
  await db.tx(async (q) => {
    const ok = await updateEntry(q, id, input.version, {
      ...refs,
      telehealthOk: pick(input.telehealthOk, cur.telehealth_ok),
      preferredTimes: pick(input.preferredTimes, cur.preferred_times),
      priority: pick(input.priority, cur.priority),
      note: input.note !== undefined ? input.note || null : cur.note,
      status,
      closedAt,
    });
    if (!ok) throw new DomainError('conflict', 'Someone else changed this waitlist entry since you opened it. Reload to see their changes.');
    await auditWaitlist(q, actor, ip, now, {
      action: 'waitlist.update', resourceId: id, patientId: cur.patient_id,
      // Which fields changed, never their values (the status is not PHI).
      detail: { fields: Object.keys(input).filter((k) => k !== 'version').sort(), status },
    });
  });
  return toEntry((await loadEntry(db, visibility, id))!);
}

import type { TClinicianException, TCreateExceptionRequest } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { primaryRole } from '../../../platform/auth/actor.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertTimeZone, localToInstant, parseLocal } from '../domain/recurrence.js';
import { exceptionById, insertException } from './availability.repo.js';
import { loadPlaces, requireActiveClinician, toExceptionView } from './availability-view.js';

const HOUR = 3_600_000;
/** Longest single entry: a year of leave, or one long day of extra hours. */
const MAX_LENGTH = { time_off: 366 * 24 * HOUR, extra_hours: 24 * HOUR };

/**
 * Records time off (blocks booking everywhere) or extra hours (working time at one location)
 * for a clinician. Local start and end are read in the given zone, else the location's, else
 * the practice's. Anyone with scheduling.write may do it; audited without the reason text.
 */
export async function addException(deps: Deps, actor: Actor, clinicianId: string, b: TCreateExceptionRequest, ip: string): Promise<TClinicianException> {
  return deps.db.tx(async (q) => {
    await requireActiveClinician(q, clinicianId);
    const places = await loadPlaces(q);
    if (b.kind === 'extra_hours' && !b.locationId) throw invalid('locationId', 'is required for extra hours');
    if (b.locationId && !places.byId.get(b.locationId)?.active) throw invalid('locationId', 'is not an active location');
    if (b.timeZone) assertTimeZone(b.timeZone, 'timeZone');
    parseLocal(b.start, 'start');
    parseLocal(b.end, 'end');
    const tz = b.timeZone ?? places.zoneOf(b.locationId ?? null);
    const startsAt = localToInstant(b.start, tz);
    const endsAt = localToInstant(b.end, tz);
    if (endsAt <= startsAt) throw invalid('end', 'must be after the start');
    if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH[b.kind]) {
      throw invalid('end', b.kind === 'time_off' ? 'must be within a year of the start' : 'must be within 24 hours of the start');
    }
    const id = newId();
    const now = deps.clock.now();
    await insertException(q, { id, userId: clinicianId, kind: b.kind, locationId: b.locationId ?? null, startsAt, endsAt, reason: b.reason || null, createdBy: actor.userId, now });
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor),
      action: 'clinician_exception.create', resourceType: 'ClinicianException', resourceId: id, clientIp: ip, outcome: 'success',
      detail: { clinicianId, kind: b.kind },
    });
    return toExceptionView((await exceptionById(q, id))!, places);
  });
}

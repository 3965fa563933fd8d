import type { TClinicianException, TWeeklyHours } from '@hearth/contracts';
import type { Queryable } from '../../../platform/db/db.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { instantToLocal } from '../domain/recurrence.js';
import { clinician, hhmm, locations, practiceZone, type ClinicianRow, type ExceptionRow, type HoursRow, type LocationRow } from './availability.repo.js';

// Shapes for answers, and the lookups every availability use case shares.

export interface Places {
  practiceZone: string;
  byId: Map<string, LocationRow>;
  /** A location's zone; the practice's for an unknown one. */
  zoneOf: (locationId: string | null) => string;
}

export async function loadPlaces(q: Queryable): Promise<Places> {
  const pz = await practiceZone(q);
  const byId = new Map((await locations(q)).map((l) => [l.id, l]));
  return { practiceZone: pz, byId, zoneOf: (id) => (id && byId.get(id)?.time_zone) || pz };
}

export const toWeeklyHoursView = (r: HoursRow, places: Places): TWeeklyHours => ({
  id: r.id,
  locationId: r.location_id,
  locationName: places.byId.get(r.location_id)?.name ?? '',
  timeZone: places.zoneOf(r.location_id),
  weekday: Number(r.weekday),
  start: hhmm(r.start_time),
  end: hhmm(r.end_time),
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
});

export function toExceptionView(r: ExceptionRow, places: Places): TClinicianException {
  const tz = places.zoneOf(r.location_id);
  const startsAt = new Date(r.starts_at);
  const endsAt = new Date(r.ends_at);
  return {
    id: r.id,
    clinicianId: r.user_id,
    kind: r.kind,
    locationId: r.location_id,
    locationName: r.location_id ? (places.byId.get(r.location_id)?.name ?? null) : null,
    timeZone: tz,
    start: instantToLocal(startsAt, tz),
    end: instantToLocal(endsAt, tz),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    reason: r.reason,
  };
}

/** The staff member, or 404. */
export async function requireStaff(q: Queryable, id: string): Promise<ClinicianRow> {
  const c = await clinician(q, id);
  if (!c) throw notFound('Clinician');
  return c;
}

/** The staff member when active and clinical (therapist, prescriber, associate, supervisor). */
export async function requireActiveClinician(q: Queryable, id: string, field = 'id'): Promise<ClinicianRow> {
  const c = await requireStaff(q, id);
  if (!c.active || !c.clinical) {
    throw new DomainError('validation', `${field}: must be an active clinician`, [{ field, message: 'must be an active clinician' }]);
  }
  return c;
}

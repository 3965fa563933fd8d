import type { TClinicianException } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import { invalid } from '../../../platform/errors.js';
import { localDate, localInstant } from '../domain/availability.js';
import { addDays, daysBetween } from '../domain/recurrence.js';
import { exceptionsOf } from './availability.repo.js';
import { loadPlaces, requireStaff, toExceptionView } from './availability-view.js';

const MAX_DAYS = 3660;

/** Time off and extra hours overlapping local dates from..to (practice zone); default today and the next year. */
export async function listExceptions(deps: Deps, clinicianId: string, range: { from?: string; to?: string }): Promise<TClinicianException[]> {
  await requireStaff(deps.db, clinicianId);
  const places = await loadPlaces(deps.db);
  const tz = places.practiceZone;
  const from = range.from ?? localDate(deps.clock.now().getTime(), tz);
  const to = range.to ?? addDays(from, 365);
  if (to < from) throw invalid('to', 'must not be before from');
  if (daysBetween(from, to) > MAX_DAYS) throw invalid('to', 'must be within ten years of from');
  const rows = await exceptionsOf(deps.db, [clinicianId], new Date(localInstant(from, '00:00', tz)), new Date(localInstant(addDays(to, 1), '00:00', tz)));
  return rows.map((r) => toExceptionView(r, places));
}

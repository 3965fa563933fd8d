import type { TClinicianHours } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import { hoursOf } from './availability.repo.js';
import { loadPlaces, requireStaff, toWeeklyHoursView } from './availability-view.js';

/** A clinician's weekly working hours, by weekday and start time. Staff data, not patient data. */
export async function getHours(deps: Deps, clinicianId: string): Promise<TClinicianHours> {
  const c = await requireStaff(deps.db, clinicianId);
  const places = await loadPlaces(deps.db);
  const rows = await hoursOf(deps.db, [clinicianId]);
  return { clinicianId, clinicianName: c.name, hours: rows.map((r) => toWeeklyHoursView(r, places)) };
}

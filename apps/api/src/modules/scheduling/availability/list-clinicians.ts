import type { TClinicianSummary } from '@hearth/contracts';
import type { Deps } from '../../../platform/deps.js';
import { activeClinicians } from './availability.repo.js';

/** Active clinical staff, by last name, marking who has weekly hours (for pickers). */
export async function listClinicians(deps: Deps): Promise<TClinicianSummary[]> {
  return (await activeClinicians(deps.db)).map((r) => ({ id: r.id, name: r.name, hasHours: r.has_hours }));
}

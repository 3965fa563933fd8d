import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { canAccessPatient } from '../patients/access.js';

/**
 * Who may change an appointment: anyone who may see its patient (front desk and admins see all;
 * clinicians their caseload), its own clinician, and for group sessions any scheduler.
 */
export async function canChangeAppointment(q: Queryable, actor: Actor, a: { patient_id: string | null; clinician_id: string }): Promise<boolean> {
  if (a.clinician_id === actor.userId) return true;
  if (!a.patient_id) return true;
  return canAccessPatient(q, actor, a.patient_id, 'demographics');
}

import type { TOutreachAttempt } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessiblePatient, audit } from './engagement-audit.js';
import { outreachFor } from './engagement.repo.js';
import { toOutreach } from './outreach-view.js';

/** The most recent contact attempts with a patient, newest first. */
export const OUTREACH_LIST_LIMIT = 100;

export async function listOutreach(deps: Deps, actor: Actor, patientId: string, ip: string): Promise<TOutreachAttempt[]> {
  const { db, clock } = deps;
  const now = clock.now();
  await accessiblePatient(db, actor, ip, now, patientId, 'patient.outreach.read');
  await audit(db, actor, ip, now, { action: 'patient.outreach.read', resourceType: 'Patient', resourceId: patientId, patientId });
  return (await outreachFor(db, patientId, OUTREACH_LIST_LIMIT)).map(toOutreach);
}

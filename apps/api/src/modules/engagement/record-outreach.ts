import type { TOutreachAttempt, TRecordOutreachRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { newId } from '../../platform/ids.js';
import { accessiblePatient, audit } from './engagement-audit.js';
import { insertOutreach } from './engagement.repo.js';
import { toOutreach } from './outreach-view.js';

/** Records a contact attempt (a call, a letter, a message sent elsewhere) and its outcome. */
export async function recordOutreach(deps: Deps, actor: Actor, patientId: string, input: TRecordOutreachRequest, ip: string): Promise<TOutreachAttempt> {
  const now = deps.clock.now();
  // Checked outside the transaction, so a refusal's audit row is not rolled back with it.
  await accessiblePatient(deps.db, actor, ip, now, patientId, 'patient.outreach.record');
  return deps.db.tx(async (q) => {
    const row = await insertOutreach(q, {
      id: newId(), patientId, at: now, actorId: actor.userId, channel: input.channel, outcome: input.outcome,
      templateKey: input.templateKey ?? null, note: input.note ? input.note : null,
    });
    await audit(q, actor, ip, now, {
      action: 'patient.outreach.record', resourceType: 'OutreachAttempt', resourceId: row.id, patientId,
      // The note is free text about the patient: it stays out of the audit detail.
      detail: { channel: input.channel, outcome: input.outcome, templateKey: input.templateKey ?? null },
    });
    return toOutreach(row);
  });
}

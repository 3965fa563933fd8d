import type { TOutreachAttempt } from '@hearth/contracts';
import type { OutreachRow } from './engagement.repo.js';

export const toOutreach = (r: OutreachRow): TOutreachAttempt => ({
  id: r.id,
  patientId: r.patient_id,
  at: new Date(r.at).toISOString(),
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  channel: r.channel as TOutreachAttempt['channel'],
  outcome: r.outcome as TOutreachAttempt['outcome'],
  templateKey: r.template_key,
  note: r.note,
});

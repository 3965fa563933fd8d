import { outreachTemplate, renderOutreach } from '@hearth/content';
import type { TSendOutreachRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { accessiblePatient, audit } from './engagement-audit.js';
import { insertOutreach, practiceContact } from './engagement.repo.js';
import { toOutreach } from './outreach-view.js';

/**
 * One-click outreach: renders a message template for the patient, queues the e-mail through the
 * outbox and records the attempt ('sent'), all in one transaction: the mail goes out only if the
 * attempt and its audit row commit. Refused (409, naming the channel) when the patient has no
 * e-mail address or has said not to be e-mailed.
 */
export async function sendOutreach(deps: Deps, actor: Actor, patientId: string, input: TSendOutreachRequest, ip: string) {
  const now = deps.clock.now();
  const template = outreachTemplate(input.templateKey);
  // The contract only accepts known keys; this guards against the two lists drifting apart.
  if (!template) throw new DomainError('validation', 'templateKey: is not a known message template', [{ field: 'templateKey', message: 'is not a known message template' }]);
  // Checked outside the transaction, so a refusal's audit row is not rolled back with it.
  const p = await accessiblePatient(deps.db, actor, ip, now, patientId, 'patient.outreach.send');
  if (!p.email) {
    throw new DomainError('conflict', 'This patient has no e-mail address on file. Add one on the chart, or reach them another way and record the contact.', [
      { field: 'channel', message: 'the patient has no e-mail address on file' },
    ]);
  }
  if (p.contact_preferences?.okToEmail === false) {
    throw new DomainError('conflict', 'This patient has asked not to be contacted by e-mail. Reach them another way and record the contact.', [
      { field: 'channel', message: 'the patient has opted out of e-mail' },
    ]);
  }
  const to = p.email;
  return deps.db.tx(async (q) => {
    const practice = await practiceContact(q);
    const message = renderOutreach(template, { firstName: p.first_name, practiceName: practice.name, practicePhone: practice.phone });
    await enqueue(q, 'email.send', { to, subject: message.subject, text: message.text });
    const row = await insertOutreach(q, {
      id: newId(), patientId, at: now, actorId: actor.userId, channel: 'email', outcome: 'sent', templateKey: template.key, note: null,
    });
    await audit(q, actor, ip, now, {
      action: 'patient.outreach.send', resourceType: 'OutreachAttempt', resourceId: row.id, patientId,
      detail: { channel: 'email', templateKey: template.key },
    });
    return { attempt: toOutreach(row), subject: message.subject };
  });
}

import type { JobHandler } from './platform/jobs/worker.js';
import type { Mailer, Email } from './platform/mail/mailer.js';
import { reminderJobHandlers, type DeliveryDeps } from './modules/reminders/index.js';

/**
 * Job kinds the outbox worker knows how to run. Reminder delivery (and 'sms.send') needs the
 * database, clock, config and SMS provider: given as `reminders`.
 */
export function jobHandlers(deps: { mailer: Mailer; reminders?: Omit<DeliveryDeps, 'mailer'> }): Record<string, JobHandler> {
  return {
    'email.send': async (payload) => deps.mailer.send(payload as Email),
    ...(deps.reminders ? reminderJobHandlers({ ...deps.reminders, mailer: deps.mailer }) : {}),
  };
}

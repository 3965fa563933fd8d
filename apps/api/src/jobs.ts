import type { JobHandler } from './platform/jobs/worker.js';
import type { Mailer, Email } from './platform/mail/mailer.js';

/** Job kinds the outbox worker knows how to run. */
export function jobHandlers(deps: { mailer: Mailer }): Record<string, JobHandler> {
  return {
    'email.send': async (payload) => deps.mailer.send(payload as Email),
  };
}

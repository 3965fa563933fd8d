import { z } from 'zod';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { deliverReminder, type DeliveryDeps } from './deliver-reminder.js';
import { REMINDER_JOB } from './dispatch-due.js';

const ZReminderJob = z.object({ reminderId: z.uuid() });
const ZSmsJob = z.object({ to: z.string().regex(/^\+[1-9][0-9]{6,14}$/), body: z.string().min(1).max(1600) });

/**
 * Outbox job kinds of this module: one reminder by e-mail or SMS, and a plain text message
 * ('sms.send', { to: E.164, body }) for other modules (outreach).
 */
export function reminderJobHandlers(deps: DeliveryDeps): Record<string, JobHandler> {
  return {
    [REMINDER_JOB.email]: (payload) => deliverReminder(deps, ZReminderJob.parse(payload).reminderId),
    [REMINDER_JOB.sms]: (payload) => deliverReminder(deps, ZReminderJob.parse(payload).reminderId),
    'sms.send': async (payload) => {
      const m = ZSmsJob.parse(payload);
      await deps.sms.send(m.to, m.body);
    },
  };
}

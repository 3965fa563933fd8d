// The reminders module's public API for other modules and the composition root.
export { reminderRoutes } from './reminders.routes.js';
export { reminderJobHandlers } from './job-handlers.js';
export { startReminderDispatcher, type ReminderDispatcher } from './reminder-scheduler.js';
export { dispatchDueReminders, REMINDER_JOB } from './dispatch-due.js';
export { confirmationSql } from './confirmation-state.js';
export { smsProviderFor, SmsSendError, type SmsProvider } from './sms/sms-provider.js';
export type { DeliveryDeps } from './deliver-reminder.js';

import type { Deps } from '../../platform/deps.js';
import { dispatchDueReminders } from './dispatch-due.js';

/**
 * Runs the reminder dispatcher every `everyMs` (a minute by default) in the background. Any number
 * of API processes may run it (see dispatchDueReminders). stop() waits for a running pass.
 */
export function startReminderDispatcher(deps: Pick<Deps, 'db' | 'clock' | 'log'>, everyMs: number) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const pass = () =>
    dispatchDueReminders(deps).catch((e) => deps.log.error({ err: { type: (e as Error).name, code: (e as { code?: string }).code } }, 'reminder dispatch failed'));
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? undefined : pass()));
  }, everyMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
export type ReminderDispatcher = ReturnType<typeof startReminderDispatcher>;

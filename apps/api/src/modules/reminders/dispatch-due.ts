import type { TReminderRunResult } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { newId } from '../../platform/ids.js';
import { planReminders, reminderPreferences, smsNumber, type PlanAppointment, type RecipientFacts } from './domain/plan.js';
import {
  candidateAppointments, failAbandonedReminders, insertReminders, listRules, recipientsOf, remindersOf, setReminderJob,
} from './reminders.repo.js';

/** Job kinds that deliver one reminder (payload { reminderId }). */
export const REMINDER_JOB = { email: 'reminder.email', sms: 'reminder.sms' } as const;

/** Any number; the same in every API process. */
const DISPATCH_LOCK = 7373008;

/**
 * One pass of the dispatcher: decides which reminders are due now (domain/plan.ts), records each
 * decision and queues a delivery job for each reminder to send, all in one transaction. Safe to run
 * in several API processes at once: a try-lock lets one pass work at a time, and the reminders key
 * (appointment, patient, rule, start) with ON CONFLICT DO NOTHING means a reminder is queued by
 * exactly one process even if two passes overlap.
 */
export async function dispatchDueReminders(deps: Pick<Deps, 'db' | 'clock'>): Promise<TReminderRunResult> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const none = { appointments: 0, queued: 0, skipped: 0 };
    const got = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [DISPATCH_LOCK]);
    if (!got.rows[0]?.ok) return none;
    await failAbandonedReminders(q);
    const rules = await listRules(q, true);
    if (!rules.length) return none;
    const candidates = await candidateAppointments(q, now, Math.max(...rules.map((r) => r.minutes_before)));
    if (!candidates.length) return none;
    const ids = candidates.map((c) => c.id);
    const recipients = new Map<string, RecipientFacts[]>();
    for (const r of await recipientsOf(q, ids)) {
      const list = recipients.get(r.appointment_id) ?? [];
      list.push({
        patientId: r.patient_id,
        email: r.email?.trim() || null,
        smsNumber: smsNumber(r.phone),
        active: r.status !== 'discharged',
        ...reminderPreferences(r.contact_preferences),
      });
      recipients.set(r.appointment_id, list);
    }
    const appointments: PlanAppointment[] = candidates.map((c) => ({
      id: c.id, startsAt: new Date(c.starts_at), timeZone: c.time_zone, status: c.status, recipients: recipients.get(c.id) ?? [],
    }));
    const existing = (await remindersOf(q, ids)).map((e) => ({
      appointmentId: e.appointment_id, patientId: e.patient_id, ruleId: e.rule_id, forStartsAt: new Date(e.for_starts_at),
    }));
    const decisions = planReminders({
      now,
      rules: rules.map((r) => ({ id: r.id, channel: r.channel, minutesBefore: r.minutes_before })),
      appointments,
      existing,
    });
    const inserted = await insertReminders(q, decisions.map((d) => ({ ...d, id: newId() })));
    let queued = 0;
    for (const r of inserted) {
      if (r.status !== 'pending') continue;
      const jobId = await enqueue(q, REMINDER_JOB[r.channel], { reminderId: r.id });
      await setReminderJob(q, r.id, jobId);
      queued++;
    }
    return { appointments: candidates.length, queued, skipped: inserted.length - queued };
  });
}

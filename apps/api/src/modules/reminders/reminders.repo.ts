import type { Queryable } from '../../platform/db/db.js';
import type { ReminderDecision } from './domain/plan.js';

// SQL for reminder rules and reminders. The dispatcher also reads appointments, patients and group
// rosters (read-only) to know who is due a reminder; it writes only its own tables and the outbox.

export interface RuleRow {
  id: string;
  channel: 'email' | 'sms';
  minutes_before: number;
  active: boolean;
}

export const toRule = (r: RuleRow) => ({ id: r.id, channel: r.channel, minutesBefore: r.minutes_before, active: r.active });

export async function listRules(q: Queryable, activeOnly = false): Promise<RuleRow[]> {
  return (
    await q.query<RuleRow>(
      `SELECT id, channel, minutes_before, active FROM reminder_rules ${activeOnly ? 'WHERE active' : ''} ORDER BY minutes_before DESC, channel`,
    )
  ).rows;
}

export async function getRule(q: Queryable, id: string): Promise<RuleRow | undefined> {
  return (await q.query<RuleRow>('SELECT id, channel, minutes_before, active FROM reminder_rules WHERE id = $1', [id])).rows[0];
}

/** Another rule with the same channel and timing (they are unique). */
export async function sameRuleExists(q: Queryable, channel: string, minutesBefore: number, exceptId: string | null): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM reminder_rules WHERE channel = $1 AND minutes_before = $2 AND id IS DISTINCT FROM $3', [channel, minutesBefore, exceptId]);
  return r.rows.length > 0;
}

export async function insertRule(q: Queryable, r: RuleRow): Promise<void> {
  await q.query('INSERT INTO reminder_rules(id, channel, minutes_before, active) VALUES ($1,$2,$3,$4)', [r.id, r.channel, r.minutes_before, r.active]);
}

export async function updateRule(q: Queryable, r: RuleRow): Promise<void> {
  await q.query('UPDATE reminder_rules SET channel = $2, minutes_before = $3, active = $4 WHERE id = $1', [r.id, r.channel, r.minutes_before, r.active]);
}

export async function deleteRule(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM reminder_rules WHERE id = $1', [id])).rowCount > 0;
}

// ---- the dispatcher --------------------------------------------------------------------------

export interface CandidateRow {
  id: string;
  patient_id: string | null;
  group_id: string | null;
  starts_at: Date;
  time_zone: string;
  status: string;
}

/** The 13 hours a reminder can move earlier (night to 20:00 the evening before), plus a margin. */
const QUIET_SLACK_MINUTES = 13 * 60;

/**
 * Upcoming appointments that hold their slot and have an active rule coming due (allowing for the
 * quiet-hours shift) that was not yet decided for their current start. Group sessions are always
 * included while a rule is due: members may have joined since the last pass.
 */
export async function candidateAppointments(q: Queryable, now: Date, maxMinutesBefore: number, limit = 5000): Promise<CandidateRow[]> {
  const r = await q.query<CandidateRow>(
    `SELECT a.id, a.patient_id, a.group_id, a.starts_at, a.time_zone, a.status
       FROM appointments a
      WHERE a.status IN ('scheduled', 'confirmed')
        AND a.starts_at > $1::timestamptz AND a.starts_at <= $1::timestamptz + make_interval(mins => $2::int)
        AND EXISTS (
          SELECT 1 FROM reminder_rules rr
           WHERE rr.active AND a.starts_at - make_interval(mins => rr.minutes_before + $3::int) <= $1::timestamptz
             AND (a.group_id IS NOT NULL OR NOT EXISTS (
               SELECT 1 FROM reminders x
                WHERE x.appointment_id = a.id AND x.patient_id = a.patient_id AND x.rule_id = rr.id AND x.for_starts_at = a.starts_at)))
      ORDER BY a.starts_at
      LIMIT $4`,
    [now.toISOString(), maxMinutesBefore + QUIET_SLACK_MINUTES, QUIET_SLACK_MINUTES, limit],
  );
  return r.rows;
}

export interface RecipientRow {
  appointment_id: string;
  patient_id: string;
  email: string | null;
  phone: string | null;
  contact_preferences: unknown;
  status: string;
}

/**
 * Who each appointment reminds: its patient, or for a group session each member on the roster that
 * day (enrolment and discharge dates inclusive) whose attendance is not already cancelled.
 */
export async function recipientsOf(q: Queryable, appointmentIds: string[]): Promise<RecipientRow[]> {
  if (!appointmentIds.length) return [];
  const r = await q.query<RecipientRow>(
    `SELECT a.id AS appointment_id, p.id AS patient_id, p.email, p.phone, p.contact_preferences, p.status
       FROM appointments a JOIN patients p ON p.id = a.patient_id
      WHERE a.id = ANY($1::uuid[])
     UNION
     SELECT a.id, p.id, p.email, p.phone, p.contact_preferences, p.status
       FROM appointments a
       JOIN group_members gm ON gm.group_id = a.group_id
            AND gm.enrolled_on <= (a.starts_at AT TIME ZONE a.time_zone)::date
            AND (gm.discharged_on IS NULL OR gm.discharged_on >= (a.starts_at AT TIME ZONE a.time_zone)::date)
       JOIN patients p ON p.id = gm.patient_id
       LEFT JOIN group_attendance ga ON ga.appointment_id = a.id AND ga.patient_id = gm.patient_id
      WHERE a.id = ANY($1::uuid[]) AND a.group_id IS NOT NULL AND (ga.status IS NULL OR ga.status IN ('scheduled', 'confirmed'))`,
    [appointmentIds],
  );
  return r.rows;
}

export interface ExistingRow {
  appointment_id: string;
  patient_id: string;
  rule_id: string | null;
  for_starts_at: Date;
}

export async function remindersOf(q: Queryable, appointmentIds: string[]): Promise<ExistingRow[]> {
  if (!appointmentIds.length) return [];
  return (
    await q.query<ExistingRow>('SELECT appointment_id, patient_id, rule_id, for_starts_at FROM reminders WHERE appointment_id = ANY($1::uuid[])', [appointmentIds])
  ).rows;
}

/**
 * Records decisions; a decision another process recorded first is left alone (ON CONFLICT DO
 * NOTHING) and not returned, so only the process that inserted a reminder queues its message.
 */
export async function insertReminders(q: Queryable, ds: (ReminderDecision & { id: string })[]): Promise<{ id: string; channel: 'email' | 'sms'; status: string }[]> {
  if (!ds.length) return [];
  const r = await q.query<{ id: string; channel: 'email' | 'sms'; status: string }>(
    `INSERT INTO reminders(id, appointment_id, patient_id, rule_id, channel, due_at, status, skip_reason, for_starts_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[])
     ON CONFLICT DO NOTHING
     RETURNING id, channel, status`,
    [
      ds.map((d) => d.id),
      ds.map((d) => d.appointmentId),
      ds.map((d) => d.patientId),
      ds.map((d) => d.ruleId),
      ds.map((d) => d.channel),
      ds.map((d) => d.dueAt.toISOString()),
      ds.map((d) => (d.action === 'send' ? 'pending' : 'skipped')),
      ds.map((d) => d.reason),
      ds.map((d) => d.forStartsAt.toISOString()),
    ],
  );
  return r.rows;
}

export async function setReminderJob(q: Queryable, reminderId: string, jobId: string): Promise<void> {
  await q.query('UPDATE reminders SET job_id = $2 WHERE id = $1', [reminderId, jobId]);
}

/** Reminders whose outbox job gave up after its last retry are failed, not pending forever. */
export async function failAbandonedReminders(q: Queryable): Promise<number> {
  const r = await q.query(
    `UPDATE reminders r SET status = 'failed', skip_reason = 'delivery_failed'
       FROM jobs j WHERE r.status = 'pending' AND r.job_id = j.id AND j.status = 'failed'`,
  );
  return r.rowCount;
}

// ---- the SMS sandbox ---------------------------------------------------------------------------

export async function sandboxMessages(q: Queryable, limit: number) {
  const r = await q.query<{ id: string; to_phone: string; body: string; created_at: Date }>(
    'SELECT id, to_phone, body, created_at FROM sms_sandbox_messages ORDER BY created_at DESC, id DESC LIMIT $1',
    [limit],
  );
  return r.rows.map((m) => ({ id: m.id, to: m.to_phone, body: m.body, createdAt: new Date(m.created_at).toISOString() }));
}

import type { Queryable } from '../../platform/db/db.js';

// SQL for the note work queues (drafts, overdue notes, the co-signature inbox) and note summaries.
// Patient, staff, appointment and practice rows are read-only lookups for display and due times.

export interface NoteSummaryRow {
  id: string;
  patient_id: string;
  patient_name: string;
  author_id: string;
  author_name: string;
  template_name: string;
  kind: string;
  status: 'draft' | 'pending_cosign' | 'returned' | 'signed';
  service_date: string;
  appointment_id: string | null;
  late_entry: boolean;
  addenda_count: number;
  signed_at: Date | null;
  due_at: Date;
  /** Unsigned (draft, returned or awaiting co-signature) and past due. */
  overdue: boolean;
}

/**
 * The practice's overdue window and zone, as a one-row relation `s` (72 hours and the column default
 * zone when no practice row exists yet, as on a fresh install).
 */
export const PRACTICE_SETTINGS = `(SELECT coalesce((SELECT note_overdue_hours FROM practice ORDER BY created_at LIMIT 1), 72) AS hours,
                coalesce((SELECT time_zone FROM practice ORDER BY created_at LIMIT 1), 'America/New_York') AS tz) s`;

/**
 * When a note is due: its session's end (the note's stop time, else the end
 * of the service date in the appointment's or practice's zone) plus the practice's overdue window.
 * Needs `n` (notes), `a` (its appointment, left joined) and `s` (PRACTICE_SETTINGS).
 */
export const DUE_AT = `(coalesce(n.ended_at, ((n.service_date + 1)::timestamp AT TIME ZONE coalesce(a.time_zone, s.tz)))
                        + make_interval(hours => s.hours))`;

/** The summary columns of a note `n` (joins p, u, t, a and s are in SUMMARY_FROM); `now` is a parameter. */
export const summaryColumns = (now: string) => `
  n.id, n.patient_id,
  coalesce(nullif(p.preferred_name, ''), p.legal_first_name) || ' ' || p.legal_last_name AS patient_name,
  n.author_id, trim(u.first_name || ' ' || u.last_name) AS author_name,
  t.name AS template_name, n.kind, n.status, n.service_date, n.appointment_id, n.late_entry,
  (SELECT count(*)::int FROM note_addenda ad WHERE ad.note_id = n.id) AS addenda_count,
  n.signed_at, ${DUE_AT} AS due_at,
  (n.status <> 'signed' AND ${DUE_AT} < ${now}::timestamptz) AS overdue`;

/** The lookups a summary needs, joined to a note `n`. */
export const SUMMARY_JOINS = `
  JOIN patients p ON p.id = n.patient_id
  JOIN users u ON u.id = n.author_id
  JOIN note_templates t ON t.id = n.template_id
  LEFT JOIN appointments a ON a.id = n.appointment_id
  CROSS JOIN ${PRACTICE_SETTINGS}`;

export const SUMMARY_FROM = `FROM notes n ${SUMMARY_JOINS}`;

export type QueueName = 'mine_unsigned' | 'overdue' | 'cosign_inbox' | 'supervisees_overdue';

/**
 * Each queue as a condition on `n` with $1 = the reader and $2 = now. Overdue means unsigned (a draft,
 * a returned note, or one waiting for co-signature: none is final) and past due.
 */
const QUEUES: Record<QueueName, { where: string; order: string }> = {
  mine_unsigned: {
    where: `n.author_id = $1 AND n.status IN ('draft', 'returned')`,
    order: 'due_at, n.service_date, n.id',
  },
  overdue: {
    where: `n.author_id = $1 AND n.status IN ('draft', 'returned', 'pending_cosign') AND ${DUE_AT} < $2`,
    order: 'due_at, n.id',
  },
  cosign_inbox: {
    where: `n.supervisor_id = $1 AND n.status = 'pending_cosign'`,
    order: 'n.signed_at, n.id',
  },
  supervisees_overdue: {
    where: `n.author_id IN (SELECT id FROM users WHERE supervisor_id = $1) AND n.status IN ('draft', 'returned', 'pending_cosign') AND ${DUE_AT} < $2`,
    order: 'due_at, n.id',
  },
};

export async function queuePage(q: Queryable, queue: QueueName, userId: string, now: Date, limit: number, offset: number): Promise<{ rows: NoteSummaryRow[]; total: number }> {
  const { where, order } = QUEUES[queue];
  const r = await q.query<NoteSummaryRow & { total: number }>(
    `SELECT ${summaryColumns('$2')}, count(*) OVER ()::int AS total
       ${SUMMARY_FROM}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT $3 OFFSET $4`,
    [userId, now.toISOString(), limit, offset],
  );
  let total = r.rows[0]?.total ?? 0;
  if (!r.rows.length && offset > 0) {
    // Past the last page: count on its own so the pager still knows how many there are.
    const params = where.includes('$2') ? [userId, now.toISOString()] : [userId];
    total = Number(
      (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM notes n LEFT JOIN appointments a ON a.id = n.appointment_id CROSS JOIN ${PRACTICE_SETTINGS} WHERE ${where}`, params)).rows[0]?.n ?? 0,
    );
  }
  return { rows: r.rows, total: Number(total) };
}

export interface QueueCounts {
  mine_unsigned: number;
  overdue: number;
  cosign_inbox: number;
  supervisees_overdue: number;
}

/** The four badge counts in one round trip (the supervisor ones only when asked for). */
export async function queueCounts(q: Queryable, userId: string, now: Date, supervisor: boolean): Promise<QueueCounts> {
  const own = await q.query<{ mine_unsigned: number; overdue: number }>(
    `SELECT count(*) FILTER (WHERE ${QUEUES.mine_unsigned.where})::int AS mine_unsigned,
            count(*) FILTER (WHERE ${QUEUES.overdue.where})::int AS overdue
       FROM notes n LEFT JOIN appointments a ON a.id = n.appointment_id CROSS JOIN ${PRACTICE_SETTINGS}
      WHERE n.author_id = $1 AND n.status <> 'signed'`,
    [userId, now.toISOString()],
  );
  const counts: QueueCounts = { mine_unsigned: own.rows[0]?.mine_unsigned ?? 0, overdue: own.rows[0]?.overdue ?? 0, cosign_inbox: 0, supervisees_overdue: 0 };
  if (supervisor) {
    const sup = await q.query<{ cosign_inbox: number; supervisees_overdue: number }>(
      `SELECT (SELECT count(*)::int FROM notes n WHERE ${QUEUES.cosign_inbox.where}) AS cosign_inbox,
              (SELECT count(*)::int FROM notes n LEFT JOIN appointments a ON a.id = n.appointment_id CROSS JOIN ${PRACTICE_SETTINGS}
                WHERE ${QUEUES.supervisees_overdue.where}) AS supervisees_overdue`,
      [userId, now.toISOString()],
    );
    counts.cosign_inbox = sup.rows[0]?.cosign_inbox ?? 0;
    counts.supervisees_overdue = sup.rows[0]?.supervisees_overdue ?? 0;
  }
  return counts;
}

/** The practice row's overdue window (null before the practice is set up). */
export async function practiceOverdueHours(q: Queryable, lock = false): Promise<{ id: string; hours: number } | null> {
  const r = await q.query<{ id: string; hours: number }>(`SELECT id, note_overdue_hours AS hours FROM practice ORDER BY created_at LIMIT 1${lock ? ' FOR UPDATE' : ''}`);
  return r.rows[0] ?? null;
}

export async function setPracticeOverdueHours(q: Queryable, practiceId: string, hours: number): Promise<void> {
  await q.query('UPDATE practice SET note_overdue_hours = $2, updated_at = now() WHERE id = $1', [practiceId, hours]);
}

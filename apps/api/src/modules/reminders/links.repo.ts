import type { Queryable } from '../../platform/db/db.js';

// SQL for what a reminder and its confirm/cancel page show (the appointment, its place, the
// practice), and for the single-use links themselves.

export interface AppointmentFactsRow {
  appointment_id: string;
  patient_id: string;
  group_id: string | null;
  starts_at: Date;
  ends_at: Date;
  status: string;
  /** This patient's line in a group session (null: not recorded, which means expected). */
  member_status: string | null;
  time_zone: string;
  telehealth: boolean;
  location_name: string;
  location_address: unknown;
  legal_first_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  contact_preferences: unknown;
  patient_status: string;
  practice_name: string;
  practice_phone: string | null;
  late_cancel_window_hours: number;
}

const FACTS_SELECT = `
  SELECT a.id AS appointment_id, p.id AS patient_id, a.group_id, a.starts_at, a.ends_at, a.status,
         (SELECT ga.status FROM group_attendance ga WHERE ga.appointment_id = a.id AND ga.patient_id = p.id) AS member_status,
         a.time_zone, a.telehealth, l.name AS location_name, l.address AS location_address,
         p.legal_first_name, p.preferred_name, p.email, p.phone, p.contact_preferences, p.status AS patient_status,
         pr.name AS practice_name, pr.phone AS practice_phone, pr.late_cancel_window_hours
    FROM appointments a
    JOIN locations l ON l.id = a.location_id
    JOIN patients p ON p.id = $2
    CROSS JOIN LATERAL (SELECT name, phone, late_cancel_window_hours FROM practice ORDER BY created_at LIMIT 1) pr`;

/** The appointment as one patient of it sees it (for a group session: that member). */
export async function appointmentFacts(q: Queryable, appointmentId: string, patientId: string, lock = false): Promise<AppointmentFactsRow | undefined> {
  const r = await q.query<AppointmentFactsRow>(`${FACTS_SELECT} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [appointmentId, patientId]);
  return r.rows[0];
}

export interface ReminderRow {
  id: string;
  appointment_id: string;
  patient_id: string;
  channel: 'email' | 'sms';
  status: string;
  for_starts_at: Date;
}

export async function lockReminder(q: Queryable, id: string): Promise<ReminderRow | undefined> {
  const r = await q.query<ReminderRow>(
    'SELECT id, appointment_id, patient_id, channel, status, for_starts_at FROM reminders WHERE id = $1 FOR UPDATE',
    [id],
  );
  return r.rows[0];
}

export async function markReminder(q: Queryable, id: string, status: 'sent' | 'skipped' | 'failed', reason: string | null, at: Date): Promise<void> {
  await q.query(
    `UPDATE reminders SET status = $2, skip_reason = $3, sent_at = CASE WHEN $2 = 'sent' THEN $4::timestamptz ELSE sent_at END WHERE id = $1`,
    [id, status, reason, at.toISOString()],
  );
}

export interface LinkRow {
  id: string;
  appointment_id: string;
  patient_id: string;
  expires_at: Date;
  used_at: Date | null;
  used_for: 'confirm' | 'cancel' | null;
}

export async function insertLink(
  q: Queryable,
  l: { id: string; tokenHash: string; appointmentId: string; patientId: string; expiresAt: Date; reminderId: string; createdAt: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO appointment_links(id, token_hash, appointment_id, patient_id, expires_at, reminder_id, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [l.id, l.tokenHash, l.appointmentId, l.patientId, l.expiresAt.toISOString(), l.reminderId, l.createdAt.toISOString()],
  );
}

/** A link whose message never went out (the send failed): it can never be used, so it goes. */
export async function deleteUnusedLink(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM appointment_links WHERE id = $1 AND used_at IS NULL', [id]);
}

export async function linkByHash(q: Queryable, tokenHash: string, lock = false): Promise<LinkRow | undefined> {
  const r = await q.query<LinkRow>(
    `SELECT id, appointment_id, patient_id, expires_at, used_at, used_for FROM appointment_links WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [tokenHash],
  );
  return r.rows[0];
}

/** Marks a link used; false when another request used it first. */
export async function useLink(q: Queryable, id: string, usedFor: 'confirm' | 'cancel', at: Date): Promise<boolean> {
  const r = await q.query('UPDATE appointment_links SET used_at = $2, used_for = $3 WHERE id = $1 AND used_at IS NULL', [id, at.toISOString(), usedFor]);
  return r.rowCount > 0;
}

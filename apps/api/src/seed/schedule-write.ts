// Bulk writes for the demo schedule: one INSERT ... SELECT FROM unnest(arrays) per table (in chunks),
// so a few thousand appointments cost a handful of statements on PGlite instead of thousands.
import type { Queryable } from '../platform/db/db.js';
import { newId } from '../platform/ids.js';
import type { Appt, Ev, LinkRow, ReminderRow } from './schedule-attendance.js';

type Col = [name: string, pgType: string];
const CHUNK = 5000;

const sqlValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

export async function insertRows(q: Queryable, table: string, cols: Col[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params = cols.map((_, c) => chunk.map((r) => sqlValue(r[c])));
    await q.query(
      `INSERT INTO ${table}(${cols.map(([n]) => n).join(', ')}) SELECT * FROM unnest(${cols.map(([, t], j) => `$${j + 1}::${t}[]`).join(', ')})`,
      params,
    );
  }
}

export interface SeriesRow {
  id: string;
  patientId: string | null;
  groupId: string | null;
  clinicianId: string;
  locationId: string;
  roomId: string | null;
  typeId: string;
  telehealth: boolean;
  timeZone: string;
  startLocal: string;
  durationMinutes: number;
  rrule: string;
  materializedThrough: string;
  openEnded: boolean;
  status: 'active' | 'ended';
  endedOn: string | null;
  endReason: string | null;
  continuesSeriesId: string | null;
  createdBy: string;
  createdAt: Date;
}

export async function insertSeries(q: Queryable, rows: SeriesRow[]): Promise<void> {
  await insertRows(
    q,
    'appointment_series',
    [['id', 'uuid'], ['patient_id', 'uuid'], ['group_id', 'uuid'], ['clinician_id', 'uuid'], ['location_id', 'uuid'], ['room_id', 'uuid'],
      ['appointment_type_id', 'uuid'], ['telehealth', 'boolean'], ['time_zone', 'text'], ['start_local', 'timestamp'], ['duration_minutes', 'int'],
      ['rrule', 'text'], ['materialized_through', 'date'], ['open_ended', 'boolean'], ['status', 'text'], ['ended_on', 'date'], ['end_reason', 'text'],
      ['continues_series_id', 'uuid'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    rows.map((s) => [s.id, s.patientId, s.groupId, s.clinicianId, s.locationId, s.roomId, s.typeId, s.telehealth, s.timeZone, s.startLocal,
      s.durationMinutes, s.rrule, s.materializedThrough, s.openEnded, s.status, s.endedOn, s.endReason, s.continuesSeriesId, s.createdBy, s.createdAt]),
  );
}

export async function insertAppointments(q: Queryable, rows: Appt[]): Promise<void> {
  await insertRows(
    q,
    'appointments',
    [['id', 'uuid'], ['series_id', 'uuid'], ['occurrence_local', 'timestamp'], ['patient_id', 'uuid'], ['group_id', 'uuid'], ['clinician_id', 'uuid'],
      ['location_id', 'uuid'], ['room_id', 'uuid'], ['appointment_type_id', 'uuid'], ['telehealth', 'boolean'], ['time_zone', 'text'],
      ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['status', 'text'], ['status_reason', 'text'], ['status_changed_at', 'timestamptz'],
      ['status_changed_by', 'uuid'], ['moved', 'boolean'], ['fee_cents', 'int'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['version', 'int']],
    rows.map((a) => [a.id, a.seriesId, a.occurrenceLocal, a.patientId, a.groupId, a.clinicianId, a.locationId, a.roomId, a.typeId, a.telehealth,
      a.timeZone, a.startsAt, a.endsAt, a.status, a.statusReason, a.statusChangedAt, a.statusChangedBy, a.moved, a.feeCents, a.createdBy, a.createdAt, a.version]),
  );
}

export async function insertEventRows(q: Queryable, rows: Ev[]): Promise<void> {
  await insertRows(
    q,
    'appointment_events',
    [['id', 'uuid'], ['appointment_id', 'uuid'], ['patient_id', 'uuid'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['kind', 'text'],
      ['from_status', 'text'], ['to_status', 'text'], ['reason', 'text'], ['detail', 'jsonb']],
    rows.map((e) => [newId(), e.appointmentId, e.patientId, e.at, e.actorId, e.kind, e.fromStatus, e.toStatus, e.reason, JSON.stringify(e.detail)]),
  );
}

export async function insertReminderRows(q: Queryable, rows: ReminderRow[]): Promise<void> {
  await insertRows(
    q,
    'reminders',
    [['id', 'uuid'], ['appointment_id', 'uuid'], ['patient_id', 'uuid'], ['rule_id', 'uuid'], ['channel', 'text'], ['due_at', 'timestamptz'],
      ['status', 'text'], ['skip_reason', 'text'], ['sent_at', 'timestamptz'], ['for_starts_at', 'timestamptz'], ['created_at', 'timestamptz']],
    rows.map((r) => [r.id, r.appointmentId, r.patientId, r.ruleId, r.channel, r.dueAt, r.status, r.skipReason, r.sentAt, r.forStartsAt, r.dueAt]),
  );
}

export async function insertLinkRows(q: Queryable, rows: LinkRow[]): Promise<void> {
  await insertRows(
    q,
    'appointment_links',
    [['id', 'uuid'], ['token_hash', 'text'], ['appointment_id', 'uuid'], ['patient_id', 'uuid'], ['expires_at', 'timestamptz'], ['used_at', 'timestamptz'],
      ['used_for', 'text'], ['reminder_id', 'uuid'], ['created_at', 'timestamptz']],
    rows.map((l) => [l.id, l.tokenHash, l.appointmentId, l.patientId, l.expiresAt, l.usedAt, 'confirm', l.reminderId, l.createdAt]),
  );
}

import type { TAppointment } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { instantToLocal } from './domain/recurrence.js';
import { confirmationSql } from '../reminders/confirmation-state.js';

// SQL for the scheduling tables. Appointment reads join what a calendar shows; the patient's name is
// returned only when the reader may see that patient (otherwise the slot shows as busy).

export interface AppointmentRow {
  id: string;
  series_id: string | null;
  occurrence_local: string | null;
  patient_id: string | null;
  patient_visible: boolean;
  patient_name: string | null;
  patient_mrn: string | null;
  group_id: string | null;
  group_name: string | null;
  clinician_id: string;
  clinician_name: string;
  location_id: string;
  location_name: string;
  room_id: string | null;
  room_name: string | null;
  appointment_type_id: string;
  type_name: string;
  type_color: string;
  type_service_hint: TAppointment['appointmentType']['serviceHint'];
  telehealth: boolean;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  status: TAppointment['status'];
  status_reason: string | null;
  moved: boolean;
  fee_cents: number | null;
  confirmation: TAppointment['confirmation'];
  version: number;
}

/**
 * The select list for appointments (alias a). `$viewer` is the reader's user id; `$readAll` whether
 * they may see every patient's demographics.
 */
export function appointmentSelect(viewerParam: number, readAllParam: number): string {
  return `
  SELECT a.id, a.series_id, a.occurrence_local, a.patient_id, a.group_id, g.name AS group_name,
         a.clinician_id, trim(u.first_name || ' ' || u.last_name || coalesce(', ' || u.credentials, '')) AS clinician_name,
         a.location_id, l.name AS location_name, a.room_id, r.name AS room_name,
         a.appointment_type_id, t.name AS type_name, t.color AS type_color, t.service_hint AS type_service_hint,
         a.telehealth, a.time_zone, a.starts_at, a.ends_at, a.status, a.status_reason, a.moved, a.fee_cents, a.version,
         (p.id IS NOT NULL AND ($${readAllParam}::boolean OR a.clinician_id = $${viewerParam} OR EXISTS (
            SELECT 1 FROM care_team ct WHERE ct.patient_id = p.id
               AND (ct.user_id = $${viewerParam} OR ct.user_id IN (SELECT id FROM users WHERE supervisor_id = $${viewerParam}))))) AS patient_visible,
         coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name AS patient_name, p.mrn AS patient_mrn,
         ${confirmationSql('a')} AS confirmation
    FROM appointments a
    JOIN users u ON u.id = a.clinician_id
    JOIN locations l ON l.id = a.location_id
    JOIN appointment_types t ON t.id = a.appointment_type_id
    LEFT JOIN rooms r ON r.id = a.room_id
    LEFT JOIN patients p ON p.id = a.patient_id
    LEFT JOIN groups g ON g.id = a.group_id`;
}

export function toAppointment(r: AppointmentRow): TAppointment {
  const startsAt = new Date(r.starts_at);
  const endsAt = new Date(r.ends_at);
  return {
    id: r.id,
    seriesId: r.series_id,
    occurrenceLocal: r.occurrence_local ? r.occurrence_local.slice(0, 16) : null,
    patient: r.patient_id && r.patient_visible ? { id: r.patient_id, name: r.patient_name ?? '', mrn: r.patient_mrn ?? '' } : null,
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
    clinician: { id: r.clinician_id, name: r.clinician_name },
    locationId: r.location_id,
    locationName: r.location_name,
    roomId: r.room_id,
    roomName: r.room_name,
    appointmentType: { id: r.appointment_type_id, name: r.type_name, color: r.type_color, serviceHint: r.type_service_hint },
    telehealth: r.telehealth,
    timeZone: r.time_zone,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    start: instantToLocal(startsAt, r.time_zone),
    durationMinutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60000),
    status: r.status,
    statusReason: r.status_reason,
    moved: r.moved,
    feeCents: r.fee_cents,
    confirmation: r.confirmation,
    version: r.version,
  };
}

export const viewerParams = (actor: Actor): [string, boolean] => [actor.userId, actor.permissions.has('patients.read_all')];

export async function loadAppointment(q: Queryable, actor: Actor, id: string): Promise<AppointmentRow | null> {
  const r = await q.query<AppointmentRow>(`${appointmentSelect(1, 2)} WHERE a.id = $3`, [...viewerParams(actor), id]);
  return r.rows[0] ?? null;
}

export interface RawAppointment {
  id: string;
  series_id: string | null;
  occurrence_local: string | null;
  patient_id: string | null;
  group_id: string | null;
  clinician_id: string;
  location_id: string;
  room_id: string | null;
  appointment_type_id: string;
  telehealth: boolean;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  version: number;
}

/** The appointment row itself, locked for a change. */
export async function lockAppointment(q: Queryable, id: string): Promise<RawAppointment | null> {
  const r = await q.query<RawAppointment>(
    `SELECT id, series_id, occurrence_local, patient_id, group_id, clinician_id, location_id, room_id, appointment_type_id,
            telehealth, time_zone, starts_at, ends_at, status, version
       FROM appointments WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0] ?? null;
}

export interface EventInput {
  appointmentId: string;
  patientId: string | null;
  at: Date;
  actorId: string | null;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

export async function insertEvents(q: Queryable, events: EventInput[], newId: () => string): Promise<void> {
  if (!events.length) return;
  await q.query(
    `INSERT INTO appointment_events(id, appointment_id, patient_id, at, actor_id, kind, from_status, to_status, reason, detail)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
    [
      events.map(() => newId()),
      events.map((e) => e.appointmentId),
      events.map((e) => e.patientId),
      events.map((e) => e.at.toISOString()),
      events.map((e) => e.actorId),
      events.map((e) => e.kind),
      events.map((e) => e.fromStatus ?? null),
      events.map((e) => e.toStatus ?? null),
      events.map((e) => e.reason ?? null),
      events.map((e) => JSON.stringify(e.detail ?? {})),
    ],
  );
}

export interface PracticePolicyRow {
  time_zone: string;
  late_cancel_window_hours: number;
  max_series_days: number;
  series_horizon_days: number;
  no_show_fee_cents: number;
  late_cancel_fee_cents: number;
  medicaid_fee_exempt: boolean;
}

export async function loadPolicy(q: Queryable): Promise<PracticePolicyRow> {
  const r = await q.query<PracticePolicyRow>(
    `SELECT time_zone, late_cancel_window_hours, max_series_days, series_horizon_days, no_show_fee_cents, late_cancel_fee_cents, medicaid_fee_exempt
       FROM practice ORDER BY created_at LIMIT 1`,
  );
  return (
    r.rows[0] ?? {
      time_zone: 'America/New_York', late_cancel_window_hours: 24, max_series_days: 730, series_horizon_days: 182,
      no_show_fee_cents: 0, late_cancel_fee_cents: 0, medicaid_fee_exempt: true,
    }
  );
}

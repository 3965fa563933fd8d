import type { Db } from '../src/platform/db/db.js';
import { newId } from '../src/platform/ids.js';

// Appointments, group sessions, reminders and confirmations written straight into the database,
// so the attendance, risk, dashboard and waitlist tests do not depend on the booking routes.

export async function aLocation(db: Db, timeZone = 'America/Chicago'): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO locations(id, name, time_zone) VALUES ($1,$2,$3)', [id, `Office ${id.slice(-6)}`, timeZone]);
  return id;
}

export async function typeId(db: Db, code: string): Promise<string> {
  return (await db.query<{ id: string }>('SELECT id FROM appointment_types WHERE code = $1', [code])).rows[0]!.id;
}

export interface AppointmentSpec {
  patientId?: string | null;
  groupId?: string | null;
  clinicianId: string;
  locationId: string;
  typeCode?: string;
  /** Local start 'YYYY-MM-DDTHH:MM' in `timeZone`. */
  start: string;
  timeZone?: string;
  minutes?: number;
  status?: string;
  telehealth?: boolean;
}

/** One appointment row; starts_at is the local start placed in its zone by the database itself. */
export async function anAppointment(db: Db, a: AppointmentSpec): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO appointments(id, patient_id, group_id, clinician_id, location_id, appointment_type_id, telehealth, time_zone, starts_at, ends_at, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8::text, ($9::timestamp AT TIME ZONE $8::text), ($9::timestamp AT TIME ZONE $8::text) + make_interval(mins => $10::int), $11)`,
    [id, a.patientId ?? null, a.groupId ?? null, a.clinicianId, a.locationId, await typeId(db, a.typeCode ?? 'individual-45'), a.telehealth ?? false,
      a.timeZone ?? 'America/Chicago', a.start, a.minutes ?? 45, a.status ?? 'scheduled'],
  );
  return id;
}

export async function aGroup(db: Db, o: { locationId: string; clinicianId: string; members: { patientId: string; enrolledOn: string; dischargedOn?: string }[] }): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO groups(id, name, appointment_type_id, location_id, capacity) VALUES ($1,$2,$3,$4,$5)', [id, 'Skills group', await typeId(db, 'group'), o.locationId, 12]);
  await db.query('INSERT INTO group_facilitators(group_id, user_id, lead) VALUES ($1,$2,true)', [id, o.clinicianId]);
  for (const m of o.members) {
    await db.query('INSERT INTO group_members(id, group_id, patient_id, enrolled_on, discharged_on) VALUES ($1,$2,$3,$4,$5)', [newId(), id, m.patientId, m.enrolledOn, m.dischargedOn ?? null]);
  }
  return id;
}

export async function attendanceAt(db: Db, appointmentId: string, patientId: string, status: string): Promise<void> {
  await db.query('INSERT INTO group_attendance(appointment_id, patient_id, status) VALUES ($1,$2,$3)', [appointmentId, patientId, status]);
}

/** A reminder that went out; with `confirmed`, the patient also confirmed through the link. */
export async function aReminder(db: Db, appointmentId: string, patientId: string, o: { confirmed?: boolean } = {}): Promise<void> {
  await db.query(
    `INSERT INTO reminders(id, appointment_id, patient_id, channel, due_at, status, sent_at, for_starts_at)
     SELECT $1, a.id, $3, 'email', a.starts_at - interval '2 days', 'sent', a.starts_at - interval '2 days', a.starts_at FROM appointments a WHERE a.id = $2`,
    [newId(), appointmentId, patientId],
  );
  if (o.confirmed) {
    await db.query(`INSERT INTO appointment_events(id, appointment_id, patient_id, at, kind) VALUES ($1,$2,$3, now(), 'confirmed_by_patient')`, [newId(), appointmentId, patientId]);
  }
}

/** Local dates relative to a day: `day(base, -7)`. */
export function day(base: string, offset: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

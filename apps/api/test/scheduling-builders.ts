import type { TBookingRequest } from '@hearth/contracts';
import type { Db } from '../src/platform/db/db.js';
import { newId } from '../src/platform/ids.js';

// Scheduling scenario helpers: a location with rooms, appointment types by code, booking bodies.

export async function aLocation(db: Db, o: { timeZone?: string; rooms?: number } = {}) {
  const id = newId();
  await db.query('INSERT INTO locations(id, name, time_zone) VALUES ($1,$2,$3)', [id, `Clinic ${id.slice(-6)}`, o.timeZone ?? 'America/New_York']);
  const rooms: string[] = [];
  for (let i = 0; i < (o.rooms ?? 2); i++) {
    const r = newId();
    await db.query('INSERT INTO rooms(id, location_id, name) VALUES ($1,$2,$3)', [r, id, `Room ${i + 1}`]);
    rooms.push(r);
  }
  return { id, rooms };
}

export async function typeId(db: Db, code: string): Promise<string> {
  const r = await db.query<{ id: string }>('SELECT id FROM appointment_types WHERE code = $1', [code]);
  if (!r.rows[0]) throw new Error(`no appointment type ${code}`);
  return r.rows[0].id;
}

export function anAppointmentSeries(o: Partial<TBookingRequest> & Pick<TBookingRequest, 'patientId' | 'clinicianId' | 'locationId' | 'appointmentTypeId'>): TBookingRequest {
  return { start: '2027-03-02T15:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10', ...o };
}

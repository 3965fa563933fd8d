// The scheduling measurements over HTTP, against the appointment book from schedule-data.ts:
//   - a clinician's week:  GET /api/appointments?from&to&clinicianIds=<one>   (autocannon, 10 clients)
//   - a location's day:    GET /api/appointments?from&to&locationId=<one>     (autocannon, 10 clients)
//   - booking a 52-week series with its conflict check: POST /api/appointments, one at a time, each
//     in a distinct free evening slot (the bulk-loaded grid ends at 16:00), timed from the client.
import { patientId, rng } from './data.js';
import { measure, type Auth, type LoadResult, type Req } from './load.js';
import {
  CELLS_PER_CLINICIAN,
  CLINICIANS_PER_LOCATION,
  DAYS_PER_WEEK,
  clinicianId,
  locationId,
  roomId,
  type ScheduleShape,
} from './schedule-data.js';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function calendarRequests(shape: ScheduleShape, seed = 11) {
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  const week = (): Req => {
    const from = addDays(shape.firstMonday, 7 * pick(shape.weeks));
    return {
      method: 'GET',
      path: `/api/appointments?from=${from}&to=${addDays(from, 6)}&clinicianIds=${clinicianId(pick(shape.clinicians))}`,
    };
  };
  const day = (): Req => {
    const d = addDays(shape.firstMonday, 7 * pick(shape.weeks) + pick(DAYS_PER_WEEK));
    return {
      method: 'GET',
      path: `/api/appointments?from=${d}&to=${d}&locationId=${locationId(pick(shape.locations))}`,
    };
  };
  return { week, day };
}

async function call(
  url: string,
  auth: Auth,
  req: Req,
): Promise<{ status: number; body: unknown; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}${req.path}`, {
    method: req.method,
    body: req.body,
    headers: {
      cookie: auth.cookie,
      'x-csrf-token': auth.csrf,
      'content-type': 'application/json',
      accept: 'application/json',
    },
  });
  const body = (await res.json()) as unknown;
  return { status: res.status, body, ms: performance.now() - t0 };
}

/** One request of each kind, checked before measuring: both answer 200 with a full calendar. */
export async function checkCalendar(
  url: string,
  auth: Auth,
  shape: ScheduleShape,
): Promise<{ week: number; day: number }> {
  const { week, day } = calendarRequests(shape, 5);
  const w = await call(url, auth, week());
  const d = await call(url, auth, day());
  if (w.status !== 200 || d.status !== 200 || !Array.isArray(w.body) || !Array.isArray(d.body)) {
    throw new Error(
      `calendar sanity check failed: week ${w.status}, day ${d.status}: ${JSON.stringify(w.status !== 200 ? w.body : d.body).slice(0, 500)}`,
    );
  }
  // About 85 % of a full week is attended or still ahead (cancellations are not listed).
  if (w.body.length < CELLS_PER_CLINICIAN * 0.7)
    throw new Error(`a clinician's week has only ${w.body.length} appointments`);
  return { week: w.body.length, day: d.body.length };
}

export async function measureCalendar(
  url: string,
  auth: Auth,
  shape: ScheduleShape,
  which: 'week' | 'day',
  seconds: number,
  warmSeconds: number,
): Promise<LoadResult> {
  const reqs = calendarRequests(shape, which === 'week' ? 21 : 22);
  await measure({ url, auth, connections: 10, seconds: warmSeconds, next: reqs[which] });
  return measure({ url, auth, connections: 10, seconds, next: reqs[which] });
}

export interface BookingResult {
  count: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

/**
 * Books `count` weekly series of 52 sessions, one after the other. Booking i takes clinician i mod n
 * at an evening hour (16:00 to 19:00) on a weekday, starting next week, with its own patient: every
 * booking is free of conflicts, yet the check still reads the clinician's, room's and patient's
 * fully booked calendars around each of the 52 dates.
 */
export async function measureBookings(
  url: string,
  auth: Auth,
  shape: ScheduleShape,
  opts: { count: number; warmup: number; patients: string[]; typeId: string },
): Promise<BookingResult> {
  const today = new Date().toISOString().slice(0, 10);
  const nextMonday = addDays(today, 7 + ((8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7));
  const combos = shape.clinicians * DAYS_PER_WEEK * 4;
  const total = opts.warmup + opts.count;
  if (total > combos || total > opts.patients.length)
    throw new Error(`not enough free slots or patients for ${total} bookings`);
  const lat: number[] = [];
  for (let i = 0; i < total; i++) {
    const ci = i % shape.clinicians;
    const wd = Math.floor(i / shape.clinicians) % DAYS_PER_WEEK;
    const hour = 16 + Math.floor(i / (shape.clinicians * DAYS_PER_WEEK));
    const body = {
      patientId: opts.patients[i]!,
      clinicianId: clinicianId(ci),
      locationId: locationId(Math.floor(ci / CLINICIANS_PER_LOCATION)),
      roomId: roomId(ci),
      appointmentTypeId: opts.typeId,
      start: `${addDays(nextMonday, wd)}T${hour}:00`,
      recurrence: `FREQ=WEEKLY;BYDAY=${DAY_CODES[wd]};COUNT=52`,
    };
    const res = await call(url, auth, {
      method: 'POST',
      path: '/api/appointments',
      body: JSON.stringify(body),
    });
    const created = (res.body as { created?: number }).created;
    if (res.status !== 201 || created !== 52) {
      throw new Error(`booking ${i} failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    }
    if (i >= opts.warmup) lat.push(res.ms);
  }
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)]!;
  return {
    count: lat.length,
    p50: pct(50),
    p95: pct(95),
    mean: lat.reduce((a, b) => a + b, 0) / lat.length,
    max: lat.at(-1)!,
  };
}

/** The id of an appointment type, by code, as the API lists them. */
export async function appointmentTypeId(url: string, auth: Auth, code: string): Promise<string> {
  const r = await fetch(`${url}/api/appointment-types`, { headers: { cookie: auth.cookie } });
  const body = (await r.json()) as { code: string; id: string }[] | { items: { code: string; id: string }[] };
  const list = Array.isArray(body) ? body : body.items;
  const t = list.find((x) => x.code === code);
  if (!t)
    throw new Error(`appointment type ${code} not found (GET /api/appointment-types answered ${r.status})`);
  return t.id;
}

/** Patients for the bookings: active ones (numbers that data.ts makes neither waitlisted nor discharged). */
export function bookingPatients(count: number): string[] {
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) if (i % 15 !== 7 && i % 9 !== 4) out.push(patientId(i));
  return out;
}

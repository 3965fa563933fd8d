import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, anAppointmentSeries, typeId } from './scheduling-builders.js';

// Booking single appointments and series: expansion in the location's zone across daylight saving,
// all-or-nothing conflict checks, the 409 that lists each date, skip/move fixes, racing bookings, and
// bad input that writes nothing.

describe('booking', () => {
  let t: TestApp;
  let desk: Client;
  let therapist: StaffFixture;
  let other: StaffFixture;
  let loc: { id: string; rooms: string[] };
  let individual: string;

  const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments')).rows[0]!.n);
  const series = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointment_series')).rows[0]!.n);

  beforeAll(async () => {
    t = await testApp({ now: new Date('2027-01-04T12:00:00Z') });
    await aPractice(t.db);
    therapist = await aStaff(t.db, { roles: ['therapist'] });
    other = await aStaff(t.db, { roles: ['therapist'] });
    desk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    loc = await aLocation(t.db);
    individual = await typeId(t.db, 'individual-53');
  });
  afterAll(() => t.close());

  it('lists the default appointment types', async () => {
    const r = await desk.get('/api/appointment-types');
    expect(r.statusCode).toBe(200);
    const codes = r.json().map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['intake', 'individual-53', 'individual-45', 'individual-30', 'family', 'group', 'psych-eval', 'med-mgmt-20', 'med-mgmt-30', 'crisis', 'collateral']));
  });

  it('books a weekly series that stays at 3 pm local across the March change', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const r = await desk.post('/api/appointments', anAppointmentSeries({ patientId: p.id, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: individual, roomId: loc.rooms[0] }));
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.created).toBe(10);
    expect(body.seriesId).toBeTruthy();
    const starts = body.appointments.map((a: { start: string }) => a.start);
    expect(starts.every((s: string) => s.endsWith('T15:00'))).toBe(true);
    // 2027-03-14 is the US spring-forward: UTC offset changes from -5 to -4.
    expect(body.appointments[1].startsAt).toBe('2027-03-09T20:00:00.000Z');
    expect(body.appointments[2].startsAt).toBe('2027-03-16T19:00:00.000Z');
    expect(body.appointments[0].durationMinutes).toBe(53);
    const s = await desk.get(`/api/series/${body.seriesId}`);
    expect(s.json().description).toMatch(/every week on Tuesday for 10 times at 3:00 PM/i);
  });

  it('refuses a series with a conflicting date, lists it, writes nothing; skip or move fixes it', async () => {
    const a = await aPatient(t.db, { careTeam: [other.id] });
    const b = await aPatient(t.db, { careTeam: [other.id] });
    // An existing single appointment on the 3rd Thursday.
    const single = await desk.post('/api/appointments', { patientId: a.id, clinicianId: other.id, locationId: loc.id, appointmentTypeId: individual, start: '2027-02-18T10:00' });
    expect(single.statusCode, single.body).toBe(201);
    const before = await count();
    const req = anAppointmentSeries({ patientId: b.id, clinicianId: other.id, locationId: loc.id, appointmentTypeId: individual, start: '2027-02-04T10:30', recurrence: 'FREQ=WEEKLY;BYDAY=TH;COUNT=6' });
    const preview = await desk.post('/api/appointments/preview', req);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().blockingCount).toBe(1);
    const bad = preview.json().occurrences.find((o: { conflicts: unknown[] }) => o.conflicts.length);
    expect(bad.occurrence).toBe('2027-02-18T10:30');
    expect(bad.conflicts[0]).toMatchObject({ kind: 'clinician', blocking: true });
    const r = await desk.post('/api/appointments', req);
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().conflicts).toEqual([expect.objectContaining({ occurrence: '2027-02-18T10:30' })]);
    expect(await count()).toBe(before);
    const skipped = await desk.post('/api/appointments', { ...req, skip: ['2027-02-18T10:30'] });
    expect(skipped.statusCode, skipped.body).toBe(201);
    expect(skipped.json().created).toBe(5);
    const c = await aPatient(t.db, { careTeam: [other.id] });
    const moved = await desk.post('/api/appointments', { ...req, patientId: c.id, start: '2027-02-04T13:00', moves: [{ occurrence: '2027-02-18T13:00', start: '2027-02-18T14:30' }] });
    expect(moved.statusCode, moved.body).toBe(201);
    const m = moved.json().appointments.find((x: { occurrenceLocal: string }) => x.occurrenceLocal === '2027-02-18T13:00');
    expect(m).toMatchObject({ start: '2027-02-18T14:30', moved: true });
  });

  it('lets only one of two simultaneous bookings of the same slot succeed', async () => {
    const p1 = await aPatient(t.db, { careTeam: [therapist.id] });
    const p2 = await aPatient(t.db, { careTeam: [therapist.id] });
    const desk2 = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    const body = (patientId: string) => ({ patientId, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: individual, start: '2027-05-05T09:00', recurrence: 'FREQ=WEEKLY;BYDAY=WE;COUNT=20' });
    const [r1, r2] = await Promise.all([desk.post('/api/appointments', body(p1.id)), desk2.post('/api/appointments', body(p2.id))]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE clinician_id = $1 AND starts_at >= '2027-05-05' AND holds_slot`, [therapist.id]);
    expect(rows.rows[0]!.n).toBe(20);
  });

  it('refuses the same room for two clinicians and a patient in two places', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id, other.id] });
    const first = await desk.post('/api/appointments', { patientId: p.id, clinicianId: therapist.id, locationId: loc.id, roomId: loc.rooms[1], appointmentTypeId: individual, start: '2027-06-01T09:00' });
    expect(first.statusCode, first.body).toBe(201);
    const q = await aPatient(t.db, { careTeam: [other.id] });
    const room = await desk.post('/api/appointments', { patientId: q.id, clinicianId: other.id, locationId: loc.id, roomId: loc.rooms[1], appointmentTypeId: individual, start: '2027-06-01T09:30' });
    expect(room.statusCode).toBe(409);
    expect(room.json().conflicts[0].conflicts.map((c: { kind: string }) => c.kind)).toEqual(['room']);
    const patient = await desk.post('/api/appointments', { patientId: p.id, clinicianId: other.id, locationId: loc.id, appointmentTypeId: individual, start: '2027-06-01T09:15' });
    expect(patient.statusCode).toBe(409);
    expect(patient.json().conflicts[0].conflicts.map((c: { kind: string }) => c.kind)).toEqual(['patient']);
  });

  it('rejects bad input with a 4xx naming the field, and writes nothing', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const base = { patientId: p.id, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: individual, start: '2028-01-04T11:00' };
    const before = [await count(), await series()];
    const cases: [Record<string, unknown>, string][] = [
      [{ recurrence: 'FREQ=HOURLY' }, 'recurrence'],
      [{ recurrence: 'every tuesday' }, 'recurrence'],
      [{ recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, 'recurrence'],
      [{ recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20271201' }, 'recurrence'],
      [{ recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20310101' }, 'recurrence'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: -30 }, 'durationMinutes'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ start: '2028-02-30T11:00' }, 'start'],
      [{ start: 'tomorrow' }, 'start'],
      [{ appointmentTypeId: '00000000-0000-4000-8000-000000000001' }, 'appointmentTypeId'],
      [{ skip: ['2028-01-05T11:00'], recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' }, 'skip.0'],
    ];
    for (const [patch, field] of cases) {
      const r = await desk.post('/api/appointments', { ...base, ...patch });
      expect(r.statusCode, `${JSON.stringify(patch)}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field), JSON.stringify(patch)).toContain(field);
    }
    expect([await count(), await series()]).toEqual(before);
  });

  it('creates an open-ended series over the horizon and extends it later', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const r = await desk.post('/api/appointments', { patientId: p.id, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: individual, start: '2027-01-08T08:00', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' });
    expect(r.statusCode, r.body).toBe(201);
    const s = (await desk.get(`/api/series/${r.json().seriesId}`)).json();
    expect(s.openEnded).toBe(true);
    // 182 days of every-other-Friday.
    expect(r.json().created).toBe(14);
    t.clock.set(new Date('2027-04-01T12:00:00Z'));
    const { extendSeriesHorizons } = await import('../src/modules/scheduling/extend-horizons.js');
    const out = await extendSeriesHorizons({ db: t.db, clock: t.clock, config: t.config, log: { error() {} } as never });
    expect(out.created).toBeGreaterThanOrEqual(4);
    const all = await t.db.query<{ occurrence_local: string; starts_at: Date }>('SELECT occurrence_local, starts_at FROM appointments WHERE series_id = $1 ORDER BY starts_at', [s.id]);
    const locals = all.rows.map((x) => x.occurrence_local.slice(0, 16));
    expect(new Set(locals).size).toBe(locals.length);
    for (let i = 1; i < locals.length; i++) {
      expect((Date.parse(`${locals[i]}Z`) - Date.parse(`${locals[i - 1]}Z`)) / 86_400_000).toBe(14);
    }
    t.clock.set(new Date('2027-01-04T12:00:00Z'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, typeId } from './scheduling-builders.js';
import { newId } from '../src/platform/ids.js';
import { availabilityConflicts } from '../src/modules/scheduling/availability/check-availability.js';

// Working hours, time off and extra hours over HTTP; open slots that avoid booked appointments
// (inserted with SQL, as the booking code would leave them) and time off, including a
// daylight-saving week; and the conflict check the booking code calls.

describe('clinician availability', () => {
  let t: TestApp;
  let desk: Client;
  let therapist: StaffFixture;
  let prescriber: StaffFixture;
  let ny: { id: string };
  let chicago: { id: string };
  let berlin: { id: string };
  let individual53: string;

  const put = (c: Client, id: string, hours: unknown[]) => c.request('PUT', `/api/clinicians/${id}/hours`, { hours });
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);
  const weekdays = (locationId: string, start: string, end: string, days = [1, 2, 3, 4, 5]) => days.map((weekday) => ({ locationId, weekday, start, end }));
  const slots = async (body: Record<string, unknown>) => {
    const r = await desk.post('/api/scheduling/open-slots', body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { clinicianId: string; locationId: string; start: string; startsAt: string; endsAt: string; clinicianName: string }[];
  };
  /** An appointment inserted directly, as booking leaves it. */
  const anAppointment = async (clinicianId: string, locationId: string, startsAt: string, endsAt: string, status = 'scheduled') => {
    const p = await aPatient(t.db, { careTeam: [clinicianId] });
    await t.db.query(
      `INSERT INTO appointments(id, patient_id, clinician_id, location_id, appointment_type_id, time_zone, starts_at, ends_at, status)
       VALUES ($1, $2, $3, $4, $5, 'America/New_York', $6, $7, $8)`,
      [newId(), p.id, clinicianId, locationId, individual53, startsAt, endsAt, status],
    );
  };

  beforeAll(async () => {
    // Monday 2027-01-04, 07:00 in New York.
    t = await testApp({ now: new Date('2027-01-04T12:00:00Z') });
    await aPractice(t.db);
    therapist = await aStaff(t.db, { roles: ['therapist'] });
    prescriber = await aStaff(t.db, { roles: ['prescriber'] });
    desk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    ny = await aLocation(t.db, { timeZone: 'America/New_York' });
    chicago = await aLocation(t.db, { timeZone: 'America/Chicago' });
    berlin = await aLocation(t.db, { timeZone: 'Europe/Berlin' });
    individual53 = await typeId(t.db, 'individual-53');
  });
  afterAll(() => t.close());

  describe('weekly hours', () => {
    it('starts empty, is replaced as a whole, read back in order, and audited', async () => {
      const empty = await desk.get(`/api/clinicians/${therapist.id}/hours`);
      expect(empty.statusCode).toBe(200);
      expect(empty.json().hours).toEqual([]);

      const r = await put(desk, therapist.id, [
        { locationId: chicago.id, weekday: 3, start: '13:00', end: '17:00', effectiveFrom: '2027-01-01', effectiveTo: null },
        { locationId: ny.id, weekday: 1, start: '12:00', end: '17:00' },
        { locationId: ny.id, weekday: 1, start: '09:00', end: '12:00' },
      ]);
      expect(r.statusCode, r.body).toBe(200);
      const hours = r.json().hours as { weekday: number; start: string; end: string; locationId: string; timeZone: string; effectiveFrom: string | null }[];
      expect(hours.map((h) => [h.weekday, h.start, h.end, h.timeZone])).toEqual([
        [1, '09:00', '12:00', 'America/New_York'],
        [1, '12:00', '17:00', 'America/New_York'],
        [3, '13:00', '17:00', 'America/Chicago'],
      ]);
      expect(hours[2]!.effectiveFrom).toBe('2027-01-01');
      expect((await desk.get(`/api/clinicians/${therapist.id}/hours`)).json().hours).toEqual(hours);
      const audit = await t.db.query<{ action: string; resource_id: string; detail: { entries: number } }>(
        `SELECT action, resource_id, detail FROM audit_events WHERE action = 'clinician_hours.replace' ORDER BY at DESC LIMIT 1`,
      );
      expect(audit.rows[0]).toMatchObject({ resource_id: therapist.id, detail: { entries: 3 } });

      const cleared = await put(desk, therapist.id, []);
      expect(cleared.json().hours).toEqual([]);
      const list = (await desk.get('/api/clinicians')).json() as { id: string; hasHours: boolean }[];
      expect(list.find((c) => c.id === therapist.id)?.hasHours).toBe(false);
    });

    it('rejects bad schedules naming the field, and writes nothing', async () => {
      await put(desk, therapist.id, weekdays(ny.id, '09:00', '17:00', [1]));
      const before = await count('clinician_hours');
      const cases: [unknown[], string][] = [
        [[{ locationId: ny.id, weekday: 2, start: '10:00', end: '09:00' }], 'hours.0.end'],
        [[{ locationId: ny.id, weekday: 2, start: '10:00', end: '10:00' }], 'hours.0.end'],
        [[{ locationId: ny.id, weekday: 2, start: '09:00', end: '12:00' }, { locationId: ny.id, weekday: 2, start: '11:30', end: '13:00' }], 'hours.1.start'],
        [[{ locationId: newId(), weekday: 2, start: '09:00', end: '12:00' }], 'hours.0.locationId'],
        [[{ locationId: ny.id, weekday: 8, start: '09:00', end: '12:00' }], 'hours.0.weekday'],
        [[{ locationId: ny.id, weekday: 2, start: '9:00', end: '12:00' }], 'hours.0.start'],
        [[{ locationId: ny.id, weekday: 2, start: '09:00', end: '24:00' }], 'hours.0.end'],
        [[{ locationId: ny.id, weekday: 2, start: '09:00', end: '12:00', effectiveFrom: '2027-02-01', effectiveTo: '2027-01-01' }], 'hours.0.effectiveTo'],
      ];
      for (const [hours, field] of cases) {
        const r = await put(desk, therapist.id, hours);
        expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        expect(fields(r), r.body).toContain(field);
      }
      expect(await count('clinician_hours')).toBe(before);
      expect((await desk.get(`/api/clinicians/${therapist.id}/hours`)).json().hours).toHaveLength(1);
    });

    it('only keeps hours for active clinical staff', async () => {
      const deskPerson = await aStaff(t.db, { roles: ['front_desk'] });
      const gone = await aStaff(t.db, { roles: ['therapist'], active: false });
      for (const id of [deskPerson.id, gone.id]) {
        const r = await put(desk, id, weekdays(ny.id, '09:00', '12:00', [1]));
        expect(r.statusCode).toBe(400);
        expect(fields(r)).toEqual(['id']);
      }
      expect((await put(desk, newId(), [])).statusCode).toBe(404);
      expect((await desk.get(`/api/clinicians/${newId()}/hours`)).statusCode).toBe(404);
      const list = (await desk.get('/api/clinicians')).json() as { id: string }[];
      expect(list.map((c) => c.id)).toContain(therapist.id);
      expect(list.map((c) => c.id)).not.toContain(deskPerson.id);
      expect(list.map((c) => c.id)).not.toContain(gone.id);
    });

    it('needs scheduling.write to change and scheduling.read to see', async () => {
      const biller = await signedIn(t, await aStaff(t.db, { roles: ['biller'] }));
      expect((await biller.get(`/api/clinicians/${therapist.id}/hours`)).statusCode).toBe(200);
      expect((await put(biller, therapist.id, [])).statusCode).toBe(403);
      // A clinician keeps their own hours (and, like the front desk, anyone's).
      const self = await signedIn(t, therapist);
      expect((await put(self, therapist.id, weekdays(ny.id, '09:00', '17:00', [1]))).statusCode).toBe(200);
    });
  });

  describe('time off and extra hours', () => {
    it('adds, lists by date range, and removes entries in local time', async () => {
      const off = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'time_off', start: '2027-02-01T00:00', end: '2027-02-06T00:00', reason: 'Conference' });
      expect(off.statusCode, off.body).toBe(201);
      // No location: the practice's zone (America/New_York, EST in February).
      expect(off.json()).toMatchObject({ kind: 'time_off', locationId: null, timeZone: 'America/New_York', start: '2027-02-01T00:00', startsAt: '2027-02-01T05:00:00.000Z', reason: 'Conference' });
      const extra = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'extra_hours', locationId: chicago.id, start: '2027-02-13T09:00', end: '2027-02-13T13:00' });
      expect(extra.json()).toMatchObject({ locationId: chicago.id, timeZone: 'America/Chicago', startsAt: '2027-02-13T15:00:00.000Z', reason: null });
      const inZone = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'time_off', start: '2027-03-01T09:00', end: '2027-03-01T10:00', timeZone: 'Europe/Berlin' });
      expect(inZone.json().startsAt).toBe('2027-03-01T08:00:00.000Z');

      const feb = (await desk.get(`/api/clinicians/${therapist.id}/exceptions?from=2027-02-01&to=2027-02-28`)).json() as { id: string }[];
      expect(feb.map((e) => e.id)).toEqual([off.json().id, extra.json().id]);
      const all = (await desk.get(`/api/clinicians/${therapist.id}/exceptions`)).json() as { id: string }[];
      expect(all).toHaveLength(3);

      const del = await desk.delete(`/api/clinician-exceptions/${inZone.json().id}`);
      expect(del.statusCode).toBe(200);
      expect((await desk.delete(`/api/clinician-exceptions/${inZone.json().id}`)).statusCode).toBe(404);
      const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY at, action`, [inZone.json().id]);
      expect(audit.rows.map((a) => a.action).sort()).toEqual(['clinician_exception.create', 'clinician_exception.delete']);
      await desk.delete(`/api/clinician-exceptions/${off.json().id}`);
      await desk.delete(`/api/clinician-exceptions/${extra.json().id}`);
    });

    it('rejects bad entries naming the field, and writes nothing', async () => {
      const before = await count('clinician_exceptions');
      const url = `/api/clinicians/${therapist.id}/exceptions`;
      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'extra_hours', start: '2027-02-13T09:00', end: '2027-02-13T13:00' }, 'locationId'],
        [{ kind: 'time_off', start: '2027-02-13T09:00', end: '2027-02-13T08:00' }, 'end'],
        [{ kind: 'time_off', start: '2027-02-13T09:00', end: '2027-02-13T09:00' }, 'end'],
        [{ kind: 'time_off', start: '2027-02-30T09:00', end: '2027-03-01T09:00' }, 'start'],
        [{ kind: 'time_off', start: '2027-02-13T09:00', end: '2027-02-13 10:00' }, 'end'],
        [{ kind: 'time_off', start: '2027-02-13T09:00', end: '2027-02-13T10:00', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
        [{ kind: 'time_off', locationId: newId(), start: '2027-02-13T09:00', end: '2027-02-13T10:00' }, 'locationId'],
        [{ kind: 'extra_hours', locationId: ny.id, start: '2027-02-13T09:00', end: '2027-02-14T10:00' }, 'end'],
        [{ kind: 'vacation', start: '2027-02-13T09:00', end: '2027-02-13T10:00' }, 'kind'],
      ];
      for (const [body, field] of cases) {
        const r = await desk.post(url, body);
        expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
        expect(fields(r), r.body).toContain(field);
      }
      const range = await desk.get(`${url}?from=2027-03-01&to=2027-02-01`);
      expect(range.statusCode).toBe(400);
      expect(fields(range)).toContain('to');
      expect(await count('clinician_exceptions')).toBe(before);
    });
  });

  describe('open slots', () => {
    it('avoids a booked appointment and time off, honours cancellations, and starts after now', async () => {
      await put(desk, therapist.id, weekdays(ny.id, '09:00', '12:00'));
      // Monday 09:00-10:00 booked; Wednesday 09:00 booked but cancelled by the patient (frees the slot).
      await anAppointment(therapist.id, ny.id, '2027-01-04T14:00:00Z', '2027-01-04T15:00:00Z');
      await anAppointment(therapist.id, ny.id, '2027-01-06T14:00:00Z', '2027-01-06T15:00:00Z', 'cancelled_patient');
      const off = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'time_off', start: '2027-01-05T00:00', end: '2027-01-06T00:00' });
      expect(off.statusCode).toBe(201);

      const found = await slots({ clinicianId: therapist.id, durationMinutes: 60, stepMinutes: 60, limit: 6 });
      expect(found.map((s) => s.start)).toEqual(['2027-01-04T10:00', '2027-01-04T11:00', '2027-01-06T09:00', '2027-01-06T10:00', '2027-01-06T11:00', '2027-01-07T09:00']);
      expect(found[0]).toMatchObject({ clinicianId: therapist.id, locationId: ny.id, startsAt: '2027-01-04T15:00:00.000Z', endsAt: '2027-01-04T16:00:00.000Z' });

      // 15-minute grid, 45 minutes, with "now" at 10:20 local: the first slot is 10:30. (A fresh
      // session: the desk's own would have idled out over those hours.)
      t.clock.set(new Date('2027-01-04T15:20:00Z'));
      const lateDesk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
      const later = await lateDesk.post('/api/scheduling/open-slots', { clinicianId: therapist.id, durationMinutes: 45, limit: 3 });
      t.clock.set(new Date('2027-01-04T12:00:00Z'));
      expect(later.json().map((s: { start: string }) => s.start)).toEqual(['2027-01-04T10:30', '2027-01-04T10:45', '2027-01-04T11:00']);

      // Searching from a later date, for one week.
      const week = await slots({ clinicianId: therapist.id, durationMinutes: 180, from: '2027-01-11', weeks: 1, limit: 50 });
      expect(week.map((s) => s.start)).toEqual(['2027-01-11T09:00', '2027-01-12T09:00', '2027-01-13T09:00', '2027-01-14T09:00', '2027-01-15T09:00']);
      await desk.delete(`/api/clinician-exceptions/${off.json().id}`);
    });

    it('for an appointment type, offers every clinician with hours, in time order, with its duration', async () => {
      await put(desk, therapist.id, weekdays(ny.id, '09:00', '12:00'));
      // 09:00 in Chicago is 10:00 in New York.
      await put(desk, prescriber.id, weekdays(chicago.id, '09:00', '10:00'));
      const found = await slots({ appointmentTypeId: individual53, from: '2027-01-08', weeks: 1, stepMinutes: 60, limit: 4 });
      expect(found.map((s) => [s.clinicianId, s.startsAt])).toEqual([
        [therapist.id, '2027-01-08T14:00:00.000Z'],
        [therapist.id, '2027-01-08T15:00:00.000Z'],
        [prescriber.id, '2027-01-08T15:00:00.000Z'],
        [therapist.id, '2027-01-08T16:00:00.000Z'],
      ]);
      expect(Date.parse(found[0]!.endsAt) - Date.parse(found[0]!.startsAt)).toBe(53 * 60_000);
      // In person at one location only; telehealth may use any location's hours.
      const chicagoOnly = await slots({ appointmentTypeId: individual53, locationId: chicago.id, from: '2027-01-08', weeks: 1, limit: 50 });
      expect(new Set(chicagoOnly.map((s) => s.clinicianId))).toEqual(new Set([prescriber.id]));
      const anywhere = await slots({ appointmentTypeId: individual53, locationId: chicago.id, telehealth: true, from: '2027-01-08', weeks: 1, limit: 50 });
      expect(new Set(anywhere.map((s) => s.clinicianId))).toEqual(new Set([therapist.id, prescriber.id]));
    });

    it('keeps 09:00 local through the March daylight-saving week', async () => {
      await put(desk, prescriber.id, weekdays(ny.id, '09:00', '10:00', [5, 1]));
      const found = await slots({ clinicianId: prescriber.id, durationMinutes: 60, from: '2027-03-12', weeks: 1, limit: 5 });
      expect(found.map((s) => [s.start, s.startsAt])).toEqual([
        ['2027-03-12T09:00', '2027-03-12T14:00:00.000Z'],
        ['2027-03-15T09:00', '2027-03-15T13:00:00.000Z'],
      ]);
      await put(desk, prescriber.id, weekdays(berlin.id, '09:00', '10:00', [1]));
      // Berlin changes on 2027-03-28: 09:00 is 08:00Z before and 07:00Z after.
      const eu = await slots({ clinicianId: prescriber.id, durationMinutes: 60, from: '2027-03-22', weeks: 2, limit: 5 });
      expect(eu.map((s) => s.startsAt)).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
    });

    it('returns nothing for a clinician without hours, and rejects bad requests naming the field', async () => {
      const none = await aStaff(t.db, { roles: ['therapist'] });
      expect(await slots({ clinicianId: none.id })).toEqual([]);
      const group = await typeId(t.db, 'group');
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'clinicianId'],
        [{ clinicianId: therapist.id, weeks: 13 }, 'weeks'],
        [{ clinicianId: therapist.id, limit: 0 }, 'limit'],
        [{ clinicianId: therapist.id, durationMinutes: 0 }, 'durationMinutes'],
        [{ clinicianId: therapist.id, stepMinutes: 7 }, 'stepMinutes'],
        [{ clinicianId: therapist.id, locationId: newId() }, 'locationId'],
        [{ appointmentTypeId: newId() }, 'appointmentTypeId'],
        [{ appointmentTypeId: group, telehealth: true }, 'telehealth'],
        [{ clinicianId: (await aStaff(t.db, { roles: ['biller'] })).id }, 'clinicianId'],
      ];
      for (const [body, field] of cases) {
        const r = await desk.post('/api/scheduling/open-slots', body);
        expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
        expect(fields(r), r.body).toContain(field);
      }
    });
  });

  describe('the booking conflict check', () => {
    it('blocks time off, warns outside hours, and says nothing for a clinician without hours', async () => {
      await put(desk, therapist.id, weekdays(ny.id, '09:00', '12:00'));
      const off = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'time_off', start: '2027-01-19T11:00', end: '2027-01-19T13:00' });
      const extra = await desk.post(`/api/clinicians/${therapist.id}/exceptions`, { kind: 'extra_hours', locationId: ny.id, start: '2027-01-23T10:00', end: '2027-01-23T14:00' });
      const iv = (a: string, b: string) => ({ startsAt: new Date(a), endsAt: new Date(b) });
      const result = await availabilityConflicts(t.db, therapist.id, ny.id, [
        iv('2027-01-18T14:00:00Z', '2027-01-18T15:00:00Z'), // Monday 09:00-10:00: inside hours
        iv('2027-01-18T16:30:00Z', '2027-01-18T17:30:00Z'), // Monday 11:30-12:30: runs past the end
        iv('2027-01-19T15:30:00Z', '2027-01-19T16:30:00Z'), // Tuesday 10:30-11:30: into time off
        iv('2027-01-23T15:00:00Z', '2027-01-23T16:00:00Z'), // Saturday 10:00-11:00: extra hours
        iv('2027-01-19T18:00:00Z', '2027-01-19T19:00:00Z'), // Tuesday 13:00-14:00: time off ended, but outside hours
      ]);
      expect(result.map((list) => list.map((c) => `${c.kind}:${c.blocking}`))).toEqual([
        [],
        ['outside_hours:false'],
        ['time_off:true'],
        [],
        ['outside_hours:false'],
      ]);
      // At another location the New York hours do not count.
      const elsewhere = await availabilityConflicts(t.db, therapist.id, chicago.id, [iv('2027-01-18T15:00:00Z', '2027-01-18T16:00:00Z')]);
      expect(elsewhere[0]!.map((c) => c.kind)).toEqual(['outside_hours']);
      const none = await aStaff(t.db, { roles: ['therapist'] });
      expect(await availabilityConflicts(t.db, none.id, ny.id, [iv('2027-01-18T03:00:00Z', '2027-01-18T04:00:00Z')])).toEqual([[]]);
      expect(await availabilityConflicts(t.db, therapist.id, ny.id, [])).toEqual([]);
      await desk.delete(`/api/clinician-exceptions/${off.json().id}`);
      await desk.delete(`/api/clinician-exceptions/${extra.json().id}`);
    });
  });
});

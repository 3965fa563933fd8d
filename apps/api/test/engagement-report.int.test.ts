import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPayer, aPractice, aStaff, signedIn } from './builders.js';
import { aGroup, aLocation, anAppointment, attendanceAt } from './engagement-builders.js';

// The attendance dashboard: no-show and late-cancel rates per clinician, weekday, hour, type, payer
// and month, and over time, counting group attendance per member, in each appointment's local time.
describe('GET /api/reports/attendance', () => {
  let t: TestApp;
  let front: Client;
  let A: string;
  let B: string;
  let acme: string;
  const names = { a: 'Reportson', b: 'Ledgerwood', c: 'Tallyman' };

  beforeAll(async () => {
    t = await testApp({ now: new Date('2027-04-05T15:00:00Z') });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    front = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    A = (await aStaff(t.db, { roles: ['therapist'] })).id;
    B = (await aStaff(t.db, { roles: ['therapist'] })).id;
    await t.db.query(`UPDATE users SET first_name = 'Ada', last_name = 'Alpha' WHERE id = $1`, [A]);
    await t.db.query(`UPDATE users SET first_name = 'Ben', last_name = 'Beta' WHERE id = $1`, [B]);
    acme = await aPayer(t.db);
    await t.db.query(`UPDATE payers SET name = 'Acme Health' WHERE id = $1`, [acme]);
    const medicaid = await aPayer(t.db, 'medicaid');
    const chicago = await aLocation(t.db, 'America/Chicago');
    const la = await aLocation(t.db, 'America/Los_Angeles');
    const pa = (await aPatient(t.db, { data: { legalLastName: names.a, coverages: [{ payerId: acme, priority: 1, memberId: 'A1', relationship: 'self' }] } })).id;
    const pb = (await aPatient(t.db, { data: { legalLastName: names.b } })).id;
    // Primary coverage ended before the group session; the secondary one never counts as "the payer".
    const pc = (await aPatient(t.db, {
      data: {
        legalLastName: names.c,
        coverages: [
          { payerId: acme, priority: 1, memberId: 'C1', relationship: 'self', startDate: '2026-01-01', endDate: '2027-03-05' },
          { payerId: medicaid, priority: 2, memberId: 'C2', relationship: 'self' },
        ],
      },
    })).id;
    const at = (patientId: string, clinicianId: string, start: string, status: string, o: { typeCode?: string; locationId?: string; timeZone?: string } = {}) =>
      anAppointment(t.db, { patientId, clinicianId, locationId: o.locationId ?? chicago, start, status, typeCode: o.typeCode, timeZone: o.timeZone });

    await at(pa, A, '2027-03-01T09:00', 'completed');
    await at(pa, A, '2027-03-08T09:00', 'no_show');
    await at(pb, A, '2027-03-02T14:00', 'late_cancel');
    await at(pb, B, '2027-03-03T10:00', 'completed', { typeCode: 'individual-53' });
    // Monday 22:30 in Los Angeles is Tuesday 06:30 UTC: it counts as Monday, 22:00.
    await at(pa, B, '2027-03-01T22:30', 'no_show', { locationId: la, timeZone: 'America/Los_Angeles' });
    // Neither kept nor missed, or outside the range: not counted.
    await at(pb, A, '2027-03-15T09:00', 'cancelled_patient');
    await at(pb, A, '2027-03-16T09:00', 'cancelled_practice');
    await at(pb, A, '2027-03-17T09:00', 'scheduled');
    await at(pa, A, '2027-02-28T09:00', 'completed');
    await at(pa, A, '2027-04-01T09:00', 'completed');
    // A group session: one row per member.
    const group = await aGroup(t.db, { locationId: chicago, clinicianId: B, members: [pa, pb, pc].map((patientId) => ({ patientId, enrolledOn: '2027-01-01' })) });
    const session = await anAppointment(t.db, { groupId: group, clinicianId: B, locationId: chicago, typeCode: 'group', start: '2027-03-10T18:00', minutes: 90, status: 'completed' });
    await attendanceAt(t.db, session, pa, 'completed');
    await attendanceAt(t.db, session, pb, 'no_show');
    await attendanceAt(t.db, session, pc, 'late_cancel');
    // A session the practice cancelled counts for no one, whatever was recorded before.
    const cancelled = await anAppointment(t.db, { groupId: group, clinicianId: B, locationId: chicago, typeCode: 'group', start: '2027-03-17T18:00', minutes: 90, status: 'cancelled_practice' });
    await attendanceAt(t.db, cancelled, pa, 'no_show');
  });
  afterAll(() => t.close());

  const report = async (qs: string) => {
    const r = await front.get(`/api/reports/attendance?from=2027-03-01&to=2027-03-31${qs}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const rows = (buckets: { label: string; kept: number; noShows: number; lateCancels: number; total: number; noShowRate: number | null; lateCancelRate: number | null }[]) =>
    buckets.map((b) => [b.label, b.kept, b.noShows, b.lateCancels, b.total, b.noShowRate, b.lateCancelRate]);

  it('counts kept and missed appointments with rates of kept + missed, per clinician', async () => {
    const r = await report('&groupBy=clinician');
    expect(r).toMatchObject({ from: '2027-03-01', to: '2027-03-31', groupBy: 'clinician', interval: 'week' });
    expect(r.totals).toEqual({ kept: 3, noShows: 3, lateCancels: 2, total: 8, noShowRate: 37.5, lateCancelRate: 25 });
    expect(rows(r.buckets)).toEqual([
      ['Ada Alpha', 1, 1, 1, 3, 33.3, 33.3],
      ['Ben Beta', 2, 2, 1, 5, 40, 20],
    ]);
    expect(r.buckets.map((b: { key: string }) => b.key)).toEqual([A, B]);
  });

  it('groups by local weekday and hour in each appointment’s own time zone', async () => {
    expect(rows((await report('&groupBy=weekday')).buckets)).toEqual([
      ['Monday', 1, 2, 0, 3, 66.7, 0],
      ['Tuesday', 0, 0, 1, 1, 0, 100],
      ['Wednesday', 2, 1, 1, 4, 25, 25],
    ]);
    expect(rows((await report('&groupBy=hour')).buckets)).toEqual([
      ['09:00', 1, 1, 0, 2, 50, 0],
      ['10:00', 1, 0, 0, 1, 0, 0],
      ['14:00', 0, 0, 1, 1, 0, 100],
      ['18:00', 1, 1, 1, 3, 33.3, 33.3],
      ['22:00', 0, 1, 0, 1, 100, 0],
    ]);
  });

  it('groups by appointment type, by primary payer on the date (else self-pay), and by month', async () => {
    expect(rows((await report('&groupBy=appointment_type')).buckets)).toEqual([
      ['Group therapy', 1, 1, 1, 3, 33.3, 33.3],
      ['Individual therapy, 45 min', 1, 2, 1, 4, 50, 25],
      ['Individual therapy, 53 min', 1, 0, 0, 1, 0, 0],
    ]);
    const payer = await report('&groupBy=payer');
    expect(rows(payer.buckets)).toEqual([
      ['Acme Health', 2, 2, 0, 4, 50, 0],
      ['Self-pay', 1, 1, 2, 4, 25, 50],
    ]);
    expect(payer.buckets.map((b: { key: string }) => b.key)).toEqual([acme, 'self-pay']);
    expect(rows((await report('&groupBy=month')).buckets)).toEqual([['Mar 2027', 3, 3, 2, 8, 37.5, 25]]);
  });

  it('gives a series over time with empty periods at zero, by week or by month', async () => {
    const weekly = await report('');
    expect(weekly.series.map((s: { period: string; kept: number; noShows: number; lateCancels: number; noShowRate: number | null }) => [s.period, s.kept, s.noShows, s.lateCancels, s.noShowRate])).toEqual([
      ['2027-03-01', 2, 1, 1, 25],
      ['2027-03-08', 1, 2, 1, 50],
      ['2027-03-15', 0, 0, 0, null],
      ['2027-03-22', 0, 0, 0, null],
      ['2027-03-29', 0, 0, 0, null],
    ]);
    expect(weekly.series[0].label).toBe('Week of Mar 1, 2027');
    const monthly = await report('&interval=month');
    expect(monthly.series).toEqual([{ period: '2027-03-01', label: 'Mar 2027', kept: 3, noShows: 3, lateCancels: 2, total: 8, noShowRate: 37.5, lateCancelRate: 25 }]);
  });

  it('never names a patient', async () => {
    for (const g of ['clinician', 'weekday', 'hour', 'appointment_type', 'payer', 'month']) {
      const r = await front.get(`/api/reports/attendance?from=2027-03-01&to=2027-03-31&groupBy=${g}`);
      for (const n of Object.values(names)) expect(r.body, g).not.toContain(n);
    }
  });

  it('defaults to the last 90 days by clinician, weekly, and months for long ranges', async () => {
    const r = await front.get('/api/reports/attendance');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ from: '2027-01-06', to: '2027-04-05', groupBy: 'clinician', interval: 'week' });
    expect(r.json().totals.total).toBe(10);
    const year = await front.get('/api/reports/attendance?from=2026-04-01&to=2027-03-31');
    expect(year.json().interval).toBe('month');
    expect(year.json().series).toHaveLength(12);
  });

  it.each([
    ['from=2027-03-10&to=2027-03-01', 'to'],
    ['from=2020-01-01&to=2027-03-01', 'to'],
    ['from=2027-02-30', 'from'],
    ['groupBy=patient', 'groupBy'],
    ['interval=day', 'interval'],
    ['patientId=x', 'patientId'],
  ])('?%s is a 400 naming %s', async (qs, field) => {
    const r = await front.get(`/api/reports/attendance?${qs}`);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

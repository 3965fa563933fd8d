import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPayer, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, typeId } from './scheduling-builders.js';

// After booking: moving one occurrence, this-and-following and whole-series edits, attendance statuses
// with late-cancel classification and fees, skipping, ending a series, discharge, and the calendar.

interface Appt { id: string; start: string; startsAt: string; status: string; version: number; seriesId: string | null; occurrenceLocal: string | null; feeCents: number | null; moved: boolean; patient: { id: string } | null }

describe('changing appointments', () => {
  let t: TestApp;
  let desk: Client;
  let admin: Client;
  let therapist: StaffFixture;
  let loc: { id: string; rooms: string[] };
  let individual: string;

  const book = async (patientId: string, start: string, recurrence: string | null = 'FREQ=WEEKLY;BYDAY=TU;COUNT=8') => {
    const r = await desk.post('/api/appointments', { patientId, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: individual, start, recurrence });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { seriesId: string | null; appointments: Appt[] };
  };
  const seriesAppts = async (seriesId: string) =>
    (await t.db.query<{ id: string; status: string; occurrence_local: string; series_id: string }>('SELECT id, status, occurrence_local, series_id FROM appointments WHERE series_id = $1 ORDER BY starts_at', [seriesId])).rows;

  beforeAll(async () => {
    t = await testApp({ now: new Date('2027-01-04T12:00:00Z') });
    await aPractice(t.db);
    therapist = await aStaff(t.db, { roles: ['therapist'] });
    desk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    admin = await signedIn(t, await aStaff(t.db, { roles: ['admin'], mfa: true }));
    loc = await aLocation(t.db, { timeZone: 'America/Chicago' });
    individual = await typeId(t.db, 'individual-53');
  });
  afterAll(() => t.close());

  it('moves one occurrence in place; it stays in its series and the history says who and from when', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const s = await book(p.id, '2027-02-02T09:00');
    const third = s.appointments[2]!;
    const r = await desk.patch(`/api/appointments/${third.id}`, { scope: 'this', start: '2027-02-17T13:00', reason: 'Patient travelling', version: third.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ start: '2027-02-17T13:00', moved: true, seriesId: s.seriesId, occurrenceLocal: '2027-02-16T09:00' });
    const h = (await desk.get(`/api/appointments/${third.id}/history`)).json();
    expect(h.at(-1)).toMatchObject({ kind: 'moved', reason: 'Patient travelling', detail: { from: '2027-02-16T09:00', to: '2027-02-17T13:00' } });
    expect(h.at(-1).actor).toMatch(/Test Person/);
    // A stale version is refused.
    const stale = await desk.patch(`/api/appointments/${third.id}`, { scope: 'this', start: '2027-02-17T14:00', version: third.version });
    expect(stale.statusCode).toBe(409);
  });

  it('a move onto a taken slot is a 409 naming the conflict, and changes nothing', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const q = await aPatient(t.db, { careTeam: [therapist.id] });
    const a = (await book(p.id, '2027-02-03T09:00', null)).appointments[0]!;
    const b = (await book(q.id, '2027-02-03T11:00', null)).appointments[0]!;
    const r = await desk.patch(`/api/appointments/${b.id}`, { scope: 'this', start: '2027-02-03T09:30', version: b.version });
    expect(r.statusCode).toBe(409);
    expect(r.json().conflicts[0].conflicts[0]).toMatchObject({ kind: 'clinician', appointmentId: a.id });
    expect((await desk.get(`/api/appointments/${b.id}`)).json().start).toBe('2027-02-03T11:00');
  });

  it('"this and following" ends the series before the occurrence and continues it with the change', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const s = await book(p.id, '2027-03-02T16:00', 'FREQ=WEEKLY;BYDAY=TU;COUNT=8');
    const fifth = s.appointments[4]!;
    const r = await desk.patch(`/api/appointments/${fifth.id}`, { scope: 'following', start: '2027-04-01T10:00', version: fifth.version });
    expect(r.statusCode, r.body).toBe(200);
    const moved = r.json() as Appt;
    expect(moved.start).toBe('2027-04-01T10:00');
    expect(moved.seriesId).not.toBe(s.seriesId);
    const old = await seriesAppts(s.seriesId!);
    expect(old.filter((x) => x.status === 'scheduled')).toHaveLength(4);
    expect(old.filter((x) => x.status === 'skipped')).toHaveLength(4);
    const next = await seriesAppts(moved.seriesId!);
    // The remaining four sessions, now on Thursdays at 10:00.
    expect(next.map((x) => x.occurrence_local.slice(0, 16))).toEqual(['2027-04-01T10:00', '2027-04-08T10:00', '2027-04-15T10:00', '2027-04-22T10:00']);
    const oldSeries = (await desk.get(`/api/series/${s.seriesId}`)).json();
    expect(oldSeries).toMatchObject({ status: 'ended', endedOn: '2027-03-29' });
    const newSeries = (await desk.get(`/api/series/${moved.seriesId}`)).json();
    expect(newSeries.recurrence).toBe('FREQ=WEEKLY;BYDAY=TH;COUNT=4');
  });

  it('"whole series" changes every occurrence that has not happened yet, and leaves the past alone', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    t.clock.set(new Date('2026-12-01T12:00:00Z'));
    const s = await book(p.id, '2026-12-08T08:00', 'FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    t.clock.set(new Date('2026-12-20T12:00:00Z'));
    const last = s.appointments[5]!;
    const r = await desk.patch(`/api/appointments/${last.id}`, { scope: 'series', durationMinutes: 45, version: last.version });
    expect(r.statusCode, r.body).toBe(200);
    const rows = await t.db.query<{ starts_at: Date; ends_at: Date; status: string }>(
      `SELECT starts_at, ends_at, status FROM appointments WHERE patient_id = $1 AND holds_slot ORDER BY starts_at`, [p.id]);
    const minutes = rows.rows.map((x) => (new Date(x.ends_at).getTime() - new Date(x.starts_at).getTime()) / 60000);
    // Dec 8 and 15 had happened; Dec 22, 29, Jan 5 and 12 are now 45 minutes.
    expect(minutes).toEqual([53, 53, 45, 45, 45, 45]);
    t.clock.set(new Date('2027-01-04T12:00:00Z'));
  });

  it('records attendance: late cancel inside the window, fees by payer, Medicaid exempt, no no-show before the start', async () => {
    expect((await desk.patch('/api/scheduling/settings', { noShowFeeCents: 1 })).statusCode).toBe(403);
    await admin.patch('/api/scheduling/settings', { noShowFeeCents: 7500, lateCancelFeeCents: 5000, lateCancelWindowHours: 24 });
    const commercial = await aPayer(t.db, 'commercial');
    const medicaid = await aPayer(t.db, 'medicaid');
    const cov = (payerId: string) => ({ coverages: [{ payerId, priority: 1, memberId: 'M1', relationship: 'self' as const }] });
    const p = await aPatient(t.db, { careTeam: [therapist.id], data: cov(commercial) });
    const m = await aPatient(t.db, { careTeam: [therapist.id], data: cov(medicaid) });
    // Tomorrow 05:00 Chicago (11:00Z) is within 24 hours of "now" (2027-01-04 12:00Z).
    const a = (await book(p.id, '2027-01-05T05:00', null)).appointments[0]!;
    const tooEarly = await desk.post(`/api/appointments/${a.id}/status`, { status: 'no_show', version: a.version });
    expect(tooEarly.statusCode).toBe(409);
    const late = await desk.post(`/api/appointments/${a.id}/status`, { status: 'cancelled_patient', reason: 'Sick', version: a.version });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'late_cancel', feeCents: 5000 });
    expect(late.json().statusReason).toMatch(/Sick — Cancelled within the 24-hour late-cancel window/);
    // Earlier today: it has started, so a no-show can be recorded.
    const b = (await book(m.id, '2027-01-04T05:00', null)).appointments[0]!;
    const ns = await desk.post(`/api/appointments/${b.id}/status`, { status: 'no_show', version: b.version });
    expect(ns.json()).toMatchObject({ status: 'no_show', feeCents: 0 });
    const h = (await desk.get(`/api/appointments/${b.id}/history`)).json();
    expect(h.map((e: { kind: string; reason: string | null }) => `${e.kind}:${e.reason}`)).toContain('fee:medicaid_exempt');
    // Per-payer override: the commercial payer charges 20 dollars for no-shows.
    await admin.patch('/api/scheduling/settings', { payerFees: [{ payerId: commercial, noShowFeeCents: 2000, lateCancelFeeCents: null, exempt: false }] });
    const c = (await book(p.id, '2027-01-04T04:00', null)).appointments[0]!;
    const ns2 = await desk.post(`/api/appointments/${c.id}/status`, { status: 'no_show', version: c.version });
    expect(ns2.json()).toMatchObject({ status: 'no_show', feeCents: 2000 });
    // A correction: it was not a no-show after all; the fee goes away.
    const fix = await desk.post(`/api/appointments/${c.id}/status`, { status: 'completed', reason: 'Recorded in error', version: ns2.json().version });
    expect(fix.json()).toMatchObject({ status: 'completed', feeCents: null });
  });

  it('skips an occurrence, ends a series, and discharge ends the rest', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const s = await book(p.id, '2027-05-04T09:00', 'FREQ=WEEKLY;BYDAY=TU;COUNT=10');
    const skip = await desk.post(`/api/appointments/${s.appointments[1]!.id}/skip`, { reason: 'Office closed', version: s.appointments[1]!.version });
    expect(skip.json().status).toBe('skipped');
    const cal = (await desk.get(`/api/appointments?from=2027-05-01&to=2027-05-31&patientId=${p.id}`)).json() as Appt[];
    expect(cal.map((a) => a.start.slice(0, 10))).toEqual(['2027-05-04', '2027-05-18', '2027-05-25']);
    const end = await desk.post(`/api/series/${s.seriesId}/end`, { lastDate: '2027-06-01', reason: 'Goals met' });
    expect(end.json()).toMatchObject({ status: 'ended', endedOn: '2027-06-01', endReason: 'Goals met' });
    expect((await seriesAppts(s.seriesId!)).filter((x) => x.status === 'scheduled')).toHaveLength(4);

    const q = await aPatient(t.db, { careTeam: [therapist.id] });
    const s2 = await book(q.id, '2027-02-03T15:00', 'FREQ=WEEKLY;BYDAY=WE');
    const patient = (await desk.get(`/api/patients/${q.id}`)).json();
    const d = await desk.patch(`/api/patients/${q.id}`, { status: 'discharged', version: patient.version });
    expect(d.statusCode, d.body).toBe(200);
    expect((await desk.get(`/api/series/${s2.seriesId}`)).json()).toMatchObject({ status: 'ended', endReason: 'Patient discharged' });
    expect((await seriesAppts(s2.seriesId!)).filter((x) => x.status === 'scheduled')).toHaveLength(0);
  });

  it('the calendar shows a location\'s local day and hides patients a clinician may not see', async () => {
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    // 23:00 in Chicago is already the next day in UTC.
    await book(p.id, '2027-07-06T22:00', null);
    await book(p.id, '2027-07-07T07:00', null);
    const day = (await desk.get(`/api/appointments?from=2027-07-06&to=2027-07-06&locationId=${loc.id}`)).json() as Appt[];
    expect(day.map((a) => a.start)).toEqual(['2027-07-06T22:00']);
    const stranger = await signedIn(t, await aStaff(t.db, { roles: ['therapist'] }));
    const theirs = (await stranger.get(`/api/appointments?from=2027-07-06&to=2027-07-07&clinicianIds=${therapist.id}`)).json() as Appt[];
    expect(theirs).toHaveLength(2);
    expect(theirs.every((a) => a.patient === null)).toBe(true);
    const own = await signedIn(t, therapist);
    const mine = (await own.get(`/api/appointments?from=2027-07-06&to=2027-07-07&clinicianIds=${therapist.id}`)).json() as Appt[];
    expect(mine.every((a) => a.patient?.id === p.id)).toBe(true);
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'appointment.list' AND actor_id = $1`, [therapist.id]);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
    const wide = await desk.get(`/api/appointments?from=2027-01-01&to=2027-12-31&locationId=${loc.id}`);
    expect(wide.statusCode).toBe(400);
    expect(wide.json().errors[0].field).toBe('to');
  });
});

describe('rescheduling at the patient\'s request', () => {
  it('keeps the original as rescheduled, linked to the new appointment', async () => {
    const t = await testApp({ now: new Date('2027-01-04T12:00:00Z') });
    await aPractice(t.db);
    const therapist = await aStaff(t.db, { roles: ['therapist'] });
    const desk = await signedIn(t, await aStaff(t.db, { roles: ['front_desk'] }));
    const loc = await aLocation(t.db);
    const p = await aPatient(t.db, { careTeam: [therapist.id] });
    const b = await desk.post('/api/appointments', { patientId: p.id, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: await typeId(t.db, 'individual-45'), start: '2027-02-01T10:00', recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' });
    const first = b.json().appointments[0] as Appt;
    const r = await desk.post(`/api/appointments/${first.id}/reschedule`, { start: '2027-02-02T10:30', reason: 'Car trouble', version: first.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ start: '2027-02-02T10:30', seriesId: null, status: 'scheduled', durationMinutes: 45 });
    const old = (await desk.get(`/api/appointments/${first.id}`)).json();
    expect(old).toMatchObject({ status: 'rescheduled', statusReason: 'Car trouble' });
    const link = await t.db.query<{ rescheduled_to: string }>('SELECT rescheduled_to FROM appointments WHERE id = $1', [first.id]);
    expect(link.rows[0]!.rescheduled_to).toBe(r.json().id);
    // The old slot is free again.
    const again = await desk.post('/api/appointments', { patientId: p.id, clinicianId: therapist.id, locationId: loc.id, appointmentTypeId: await typeId(t.db, 'individual-45'), start: '2027-02-01T10:00' });
    expect(again.statusCode, again.body).toBe(201);
    await t.close();
  });
});

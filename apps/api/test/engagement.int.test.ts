import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aGroup, aLocation, anAppointment, aReminder, attendanceAt, day } from './engagement-builders.js';

// Attendance per patient, the engagement (dropout-risk) score with its reasons, the at-risk
// worklist with caseload limits, and outreach (recorded, and sent from a template through the outbox).
// Appointments are written straight into the database; "today" is Monday 2027-03-15 in Chicago.
const NOW = new Date('2027-03-15T17:00:00Z');
const TODAY = '2027-03-15';

describe('attendance, engagement and outreach', () => {
  let t: TestApp;
  let staff: Record<'a' | 'b' | 'front' | 'supervisor' | 'biller', StaffFixture>;
  let c: Record<'a' | 'b' | 'front' | 'supervisor' | 'biller', Client>;
  let loc: string;
  const p: Record<'main' | 'high' | 'moderate' | 'low' | 'discharged' | 'nobody' | 'noEmail' | 'optedOut', string> = {} as never;
  const ids: Record<string, string> = {};

  const appt = (patientId: string, clinicianId: string, date: string, time: string, status: string) =>
    anAppointment(t.db, { patientId, clinicianId, locationId: loc, start: `${date}T${time}`, status });

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    await t.db.query(`UPDATE practice SET name = 'Riverside Practice', phone = '(555) 010-2000'`);
    const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
    staff = {
      a: await aStaff(t.db, { roles: ['therapist'] }),
      b: await aStaff(t.db, { roles: ['therapist'], supervisorId: supervisor.id }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      supervisor,
      biller: await aStaff(t.db, { roles: ['biller'] }),
    };
    c = {} as typeof c;
    for (const [k, s] of Object.entries(staff)) c[k as keyof typeof c] = await signedIn(t, s);
    loc = await aLocation(t.db);
    const A = staff.a.id;
    const B = staff.b.id;

    p.main = (await aPatient(t.db, { careTeam: [A], data: { legalFirstName: 'Maria', preferredName: 'Mia', legalLastName: 'Main' } })).id;
    p.high = (await aPatient(t.db, { careTeam: [A], data: { legalLastName: 'Highrisk' } })).id;
    p.moderate = (await aPatient(t.db, { careTeam: [B], data: { legalLastName: 'Moderate' } })).id;
    p.low = (await aPatient(t.db, { careTeam: [B], data: { legalLastName: 'Lowrisk' } })).id;
    p.discharged = (await aPatient(t.db, { careTeam: [A], data: { legalLastName: 'Discharged', status: 'discharged' } })).id;
    p.nobody = (await aPatient(t.db, { data: { legalLastName: 'Newcomer' } })).id;
    p.noEmail = (await aPatient(t.db, { careTeam: [A], data: { email: undefined } })).id;
    p.optedOut = (await aPatient(t.db, { careTeam: [A], data: { contactPreferences: { okToEmail: false } } })).id;

    // Main: kept sessions, a group session, then a no-show and a late cancel in a row, with
    // neutral cancellations in between, and a group session and an appointment ahead.
    await appt(p.main, A, day(TODAY, -200), '10:00', 'completed');
    for (const d of [-42, -35, -28]) await appt(p.main, A, day(TODAY, d), '10:00', 'completed');
    const group = await aGroup(t.db, { locationId: loc, clinicianId: A, members: [{ patientId: p.main, enrolledOn: day(TODAY, -30) }] });
    const past = await anAppointment(t.db, { groupId: group, clinicianId: A, locationId: loc, typeCode: 'group', start: `${day(TODAY, -21)}T18:00`, minutes: 90, status: 'completed' });
    await attendanceAt(t.db, past, p.main, 'completed');
    ids.noShow = await appt(p.main, A, day(TODAY, -14), '10:00', 'no_show');
    await aReminder(t.db, ids.noShow, p.main);
    await appt(p.main, A, day(TODAY, -10), '10:00', 'cancelled_patient');
    ids.lateCancel = await appt(p.main, A, day(TODAY, -7), '10:00', 'late_cancel');
    await aReminder(t.db, ids.lateCancel, p.main, { confirmed: true });
    await appt(p.main, A, day(TODAY, -3), '10:00', 'cancelled_practice');
    await appt(p.main, A, day(TODAY, 7), '10:00', 'scheduled');
    ids.nextGroup = await anAppointment(t.db, { groupId: group, clinicianId: A, locationId: loc, typeCode: 'group', start: `${day(TODAY, 2)}T18:00`, minutes: 90 });

    // High: three kept, then three misses in a row, nothing booked.
    for (const d of [-60, -53, -46]) await appt(p.high, A, day(TODAY, d), '11:00', 'completed');
    await appt(p.high, A, day(TODAY, -39), '11:00', 'no_show');
    await appt(p.high, A, day(TODAY, -32), '11:00', 'no_show');
    await appt(p.high, A, day(TODAY, -25), '11:00', 'late_cancel');
    // Moderate: three kept, one no-show, nothing booked.
    for (const d of [-30, -23, -16]) await appt(p.moderate, B, day(TODAY, d), '14:00', 'completed');
    await appt(p.moderate, B, day(TODAY, -9), '14:00', 'no_show');
    // Low: weekly and booked.
    for (const d of [-21, -14, -7]) await appt(p.low, B, day(TODAY, d), '15:00', 'completed');
    await appt(p.low, B, day(TODAY, 7), '15:00', 'confirmed');
    // Discharged with misses: never on the worklist.
    for (const d of [-20, -13, -6]) await appt(p.discharged, A, day(TODAY, d), '16:00', 'no_show');
  });
  afterAll(() => t.close());

  describe('GET /api/patients/{id}/attendance', () => {
    it('computes the stats from appointments and group attendance', async () => {
      const r = await c.a.get(`/api/patients/${p.main}/attendance`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({ patientId: p.main, asOf: TODAY, patientStatus: 'active' });
      expect(body.stats).toEqual({
        attended: 5,
        missed: 2,
        attendanceRate: 71.4,
        last90Days: { attended: 4, noShows: 1, lateCancels: 1, cancelledByPatient: 1 },
        consecutiveMisses: 2,
        lastAttendedDate: day(TODAY, -21),
        daysSinceLastAttended: 21,
        nextAppointment: {
          appointmentId: ids.nextGroup, start: `${day(TODAY, 2)}T18:00`, startsAt: '2027-03-17T23:00:00.000Z', timeZone: 'America/Chicago',
          clinicianName: expect.stringContaining('Person'), group: true,
        },
      });
    });

    it('explains the engagement score with every factor and its points', async () => {
      const { engagement } = (await c.front.get(`/api/patients/${p.main}/attendance`)).json();
      expect(engagement).toEqual({
        score: 55,
        level: 'moderate',
        reasons: [
          { code: 'consecutive_misses', points: 30, text: 'Missed the last 2 sessions in a row (late cancel or no-show)' },
          { code: 'growing_gap', points: 20, text: '21 days since the last attended session; usually about 7 days between sessions' },
          { code: 'unconfirmed_reminders', points: 5, text: '1 reminded appointment not confirmed and not attended' },
        ],
      });
    });

    it('is limited to the caseload (same 404 as an unknown id) and audited either way', async () => {
      const denied = await c.b.get(`/api/patients/${p.main}/attendance`);
      expect(denied.statusCode).toBe(404);
      const unknown = await c.b.get('/api/patients/00000000-0000-4000-8000-0000000000aa/attendance');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().detail).toBe(denied.json().detail);
      expect(denied.body).not.toContain('Main');
      const rows = (await t.db.query<{ actor_id: string; outcome: string }>(
        `SELECT actor_id, outcome FROM audit_events WHERE action = 'patient.attendance.read' AND patient_id = $1 ORDER BY arrival`, [p.main],
      )).rows;
      expect(rows).toEqual([
        { actor_id: staff.a.id, outcome: 'success' },
        { actor_id: staff.front.id, outcome: 'success' },
        { actor_id: staff.b.id, outcome: 'denied' },
      ]);
      // A supervisor sees their supervisee's patients; a biller (everyone's demographics) too.
      expect((await c.supervisor.get(`/api/patients/${p.moderate}/attendance`)).statusCode).toBe(200);
      expect((await c.supervisor.get(`/api/patients/${p.main}/attendance`)).statusCode).toBe(404);
      expect((await c.biller.get(`/api/patients/${p.main}/attendance`)).statusCode).toBe(200);
    });

    it('gives a patient without history no rate and only the "nothing booked" reason', async () => {
      const body = (await c.front.get(`/api/patients/${p.nobody}/attendance`)).json();
      expect(body.stats).toMatchObject({ attended: 0, missed: 0, attendanceRate: null, consecutiveMisses: 0, lastAttendedDate: null, nextAppointment: null });
      expect(body.engagement).toEqual({ score: 20, level: 'low', reasons: [{ code: 'no_future_appointment', points: 20, text: 'No upcoming appointment booked' }] });
    });
  });

  describe('GET /api/engagement/at-risk', () => {
    const list = async (cl: Client, qs = '') => {
      const r = await cl.get(`/api/engagement/at-risk${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { patient: { id: string; name: string }; score: number; level: string; reasons: { code: string }[]; lastAttendedDate: string | null; nextAppointment: unknown; lastOutreach: { outcome: string } | null }[]; total: number };
    };

    it('lists active patients at moderate or high risk, most at risk first, within the caseload', async () => {
      const front = await list(c.front);
      expect(front.items.map((i) => [i.patient.id, i.score, i.level])).toEqual([
        [p.high, 85, 'high'],
        [p.main, 55, 'moderate'],
        [p.moderate, 45, 'moderate'],
      ]);
      expect(front.total).toBe(3);
      const high = front.items[0]!;
      expect(high.patient.name).toContain('Highrisk');
      expect(high.reasons.map((r) => r.code)).toEqual(['consecutive_misses', 'growing_gap', 'no_future_appointment']);
      expect(high.lastAttendedDate).toBe(day(TODAY, -46));
      expect(high.nextAppointment).toBeNull();
      expect(front.items[1]!.nextAppointment).toMatchObject({ appointmentId: ids.nextGroup, group: true });
      // The same score as on the chart.
      const chart = (await c.front.get(`/api/patients/${p.main}/attendance`)).json();
      expect(front.items[1]!.reasons).toEqual(chart.engagement.reasons);

      expect((await list(c.a)).items.map((i) => i.patient.id)).toEqual([p.high, p.main]);
      expect((await list(c.b)).items.map((i) => i.patient.id)).toEqual([p.moderate]);
      expect((await list(c.supervisor)).items.map((i) => i.patient.id)).toEqual([p.moderate]);
    });

    it('filters by level and clinician, and pages', async () => {
      expect((await list(c.front, '?level=high')).items.map((i) => i.patient.id)).toEqual([p.high]);
      expect((await list(c.front, `?clinicianId=${staff.b.id}`)).items.map((i) => i.patient.id)).toEqual([p.moderate]);
      // A clinician filter never widens a caseload.
      expect((await list(c.a, `?clinicianId=${staff.b.id}`)).items).toEqual([]);
      const page2 = await list(c.front, '?pageSize=1&page=2');
      expect(page2.items.map((i) => i.patient.id)).toEqual([p.main]);
      expect(page2.total).toBe(3);
      for (const bad of ['?level=low', '?pageSize=0', '?clinicianId=nope', '?sort=name']) {
        const r = await c.front.get(`/api/engagement/at-risk${bad}`);
        expect(r.statusCode, bad).toBe(400);
      }
    });

    it('writes one audit row with the count and the listed patients', async () => {
      await list(c.a, '?pageSize=1');
      const row = (await t.db.query<{ actor_id: string; patient_id: string | null; detail: { count: number; patientIds: string[] } }>(
        `SELECT actor_id, patient_id, detail FROM audit_events WHERE action = 'engagement.at_risk.list' ORDER BY arrival DESC LIMIT 1`,
      )).rows[0]!;
      expect(row).toMatchObject({ actor_id: staff.a.id, patient_id: null, detail: { count: 2, patientIds: [p.high] } });
    });
  });

  describe('outreach', () => {
    it('records a contact attempt, lists it newest first, and shows it on the worklist', async () => {
      const first = await c.front.post(`/api/patients/${p.high}/outreach`, { channel: 'phone', outcome: 'no_answer' });
      expect(first.statusCode, first.body).toBe(201);
      t.clock.advance(60_000);
      const second = await c.front.post(`/api/patients/${p.high}/outreach`, { channel: 'phone', outcome: 'left_message', note: 'Asked for a call back' });
      t.clock.advance(-60_000);
      expect(second.json()).toMatchObject({ patientId: p.high, channel: 'phone', outcome: 'left_message', note: 'Asked for a call back', templateKey: null, actor: { id: staff.front.id } });
      const listed = await c.a.get(`/api/patients/${p.high}/outreach`);
      expect(listed.statusCode).toBe(200);
      expect(listed.json().map((o: { id: string }) => o.id)).toEqual([second.json().id, first.json().id]);
      const row = (await c.front.get('/api/engagement/at-risk')).json().items.find((i: { patient: { id: string } }) => i.patient.id === p.high);
      expect(row.lastOutreach).toMatchObject({ id: second.json().id, outcome: 'left_message' });
      const audit = (await t.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'patient.outreach.record' AND patient_id = $1 ORDER BY arrival DESC LIMIT 1`, [p.high])).rows[0]!;
      expect(audit.detail).toEqual({ channel: 'phone', outcome: 'left_message', templateKey: null });
    });

    it('refuses patients outside the caseload and people without scheduling.write', async () => {
      expect((await c.b.post(`/api/patients/${p.high}/outreach`, { channel: 'phone', outcome: 'reached' })).statusCode).toBe(404);
      expect((await c.b.get(`/api/patients/${p.high}/outreach`)).statusCode).toBe(404);
      expect((await c.supervisor.post(`/api/patients/${p.moderate}/outreach`, { channel: 'phone', outcome: 'reached' })).statusCode).toBe(403);
      const bad = await c.front.post(`/api/patients/${p.high}/outreach`, { channel: 'pigeon', outcome: 'reached', templateKey: 'nope' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'templateKey']);
    });

    it('sends a template by e-mail through the outbox and records it as sent', async () => {
      const jobsBefore = Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'email.send'`)).rows[0]!.n);
      const r = await c.a.post(`/api/patients/${p.main}/outreach/send`, { templateKey: 'missed-you', channel: 'email' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().subject).toBe('We missed you at Riverside Practice');
      expect(r.json().attempt).toMatchObject({ patientId: p.main, channel: 'email', outcome: 'sent', templateKey: 'missed-you', actor: { id: staff.a.id } });
      const jobs = (await t.db.query<{ payload: { to: string; subject: string; text: string } }>(`SELECT payload FROM jobs WHERE kind = 'email.send' ORDER BY created_at, id`)).rows;
      expect(jobs.length).toBe(jobsBefore + 1);
      const mail = jobs.at(-1)!.payload;
      expect(mail.to).toBe('ana@example.com');
      expect(mail.subject).toBe('We missed you at Riverside Practice');
      expect(mail.text).toMatch(/^Hello Mia,/);
      expect(mail.text).toContain('You can reach us at (555) 010-2000.');
      const audit = (await t.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'patient.outreach.send' AND patient_id = $1`, [p.main])).rows;
      expect(audit).toEqual([{ detail: { channel: 'email', templateKey: 'missed-you' } }]);
    });

    it.each([
      ['noEmail', 'no e-mail address on file'],
      ['optedOut', 'asked not to be contacted by e-mail'],
    ] as const)('refuses to e-mail a patient with %s (409 naming the channel), queuing and recording nothing', async (who, words) => {
      const count = async () => (await t.db.query<{ j: number; o: number }>(`SELECT (SELECT count(*) FROM jobs)::int AS j, (SELECT count(*) FROM outreach_attempts)::int AS o`)).rows[0];
      const before = await count();
      const r = await c.front.post(`/api/patients/${p[who]}/outreach/send`, { templateKey: 'checking-in', channel: 'email' });
      expect(r.statusCode).toBe(409);
      expect(r.json().detail).toContain(words);
      expect(r.json().errors).toEqual([{ field: 'channel', message: expect.any(String) }]);
      expect(await count()).toEqual(before);
    });

    it('refuses unknown templates and channels other than e-mail', async () => {
      for (const body of [{ templateKey: 'sales-pitch', channel: 'email' }, { templateKey: 'missed-you', channel: 'sms' }, { templateKey: 'missed-you' }]) {
        const r = await c.front.post(`/api/patients/${p.main}/outreach/send`, body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
      }
    });
  });
});

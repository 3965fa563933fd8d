import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPayer, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, typeId } from './scheduling-builders.js';

// Per-member attendance at group sessions: the roster of that day, statuses and fees per member
// (one member's absence touches no one else and not the session), events and audit rows per member,
// and who may see members' names.

interface Sheet {
  status: string;
  entries: { memberId: string; patient: { id: string; name: string } | null; status: string; reason: string | null; feeCents: number | null; recordedAt: string | null }[];
}

describe('group attendance', () => {
  let t: TestApp;
  let desk: Client;
  let leadClient: Client;
  let caseloadClient: Client;
  let supervisorClient: Client;
  let lead: StaffFixture;
  let caseload: StaffFixture;
  let people: { desk: StaffFixture; supervisor: StaffFixture };
  let groupId: string;
  /** Session ids by local date. */
  const sessions: Record<string, string> = {};
  const p: string[] = [];

  const put = (c: Client, date: string, entries: unknown[]) => c.request('PUT', `/api/appointments/${sessions[date]}/group-attendance`, { entries });
  const sheet = async (c: Client, date: string) => {
    const r = await c.get(`/api/appointments/${sessions[date]}/group-attendance`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Sheet;
  };
  const byPatient = (s: Sheet) => Object.fromEntries(s.entries.map((e) => [e.patient?.id ?? `hidden:${e.memberId}`, e]));
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params)).rows[0]!.n);
  /** Moves the clock (sessions would idle out over hours, so everyone signs in again). */
  const at = async (d: string) => {
    t.clock.set(new Date(d));
    [desk, leadClient, caseloadClient, supervisorClient] = [
      await signedIn(t, people.desk), await signedIn(t, lead), await signedIn(t, caseload), await signedIn(t, people.supervisor),
    ];
  };

  beforeAll(async () => {
    t = await testApp({ now: new Date('2027-01-12T15:00:00Z') });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    await t.db.query('UPDATE practice SET no_show_fee_cents = 4000, late_cancel_fee_cents = 2000');
    const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    lead = await aStaff(t.db, { roles: ['therapist'] });
    caseload = await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id });
    people = { desk: await aStaff(t.db, { roles: ['front_desk'] }), supervisor };
    await at('2027-01-12T15:00:00Z');
    const medicaid = await aPayer(t.db, 'medicaid');
    p.push((await aPatient(t.db, { careTeam: [caseload.id], data: { legalFirstName: 'Ada' } })).id);
    p.push((await aPatient(t.db, { data: { legalFirstName: 'Ben', coverages: [{ payerId: medicaid, priority: 1, memberId: 'MCD1', relationship: 'self' }] } })).id);
    p.push((await aPatient(t.db, { data: { legalFirstName: 'Cleo' } })).id);
    p.push((await aPatient(t.db, { data: { legalFirstName: 'Dev' } })).id);
    const loc = await aLocation(t.db, { timeZone: 'America/Chicago' });
    const g = await desk.post('/api/groups', {
      name: 'Anxiety skills', appointmentTypeId: await typeId(t.db, 'group'), locationId: loc.id, roomId: loc.rooms[0], capacity: 8,
      facilitatorIds: [lead.id], schedule: { start: '2027-01-05T18:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' },
    });
    expect(g.statusCode, g.body).toBe(201);
    groupId = g.json().id;
    for (const s of g.json().sessions as { appointmentId: string; start: string }[]) sessions[s.start.slice(0, 10)] = s.appointmentId;
    for (const [i, enrolledOn] of [[0, '2027-01-12'], [1, '2027-01-12'], [2, '2027-01-12'], [3, '2027-01-19']] as const) {
      const r = await desk.post(`/api/groups/${groupId}/members`, { patientId: p[i], enrolledOn });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('the sheet lists the members on the roster that day, each "scheduled" until recorded, and audits each name shown', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'group_attendance.read'`);
    const s = await sheet(desk, '2027-01-12');
    expect(s.status).toBe('scheduled');
    expect(s.entries.map((e) => [e.patient?.id, e.status, e.recordedAt])).toEqual([[p[0], 'scheduled', null], [p[1], 'scheduled', null], [p[2], 'scheduled', null]]);
    const audit = (await t.db.query<{ patient_id: string; resource_id: string }>(`SELECT patient_id, resource_id FROM audit_events WHERE action = 'group_attendance.read' ORDER BY arrival OFFSET $1`, [before])).rows;
    expect(audit.map((a) => a.patient_id).sort()).toEqual(p.slice(0, 3).sort());
    expect(new Set(audit.map((a) => a.resource_id))).toEqual(new Set([sessions['2027-01-12']]));
    // Attendance rows only from the enrolment date: last week had no one, next week has the late joiner.
    expect((await sheet(desk, '2027-01-05')).entries).toEqual([]);
    expect((await sheet(desk, '2027-01-19')).entries.map((e) => e.patient?.id)).toEqual(p);
  });

  it('nothing can be recorded before it could have happened', async () => {
    const r = await put(desk, '2027-01-12', [{ patientId: p[0], status: 'completed' }, { patientId: p[1], status: 'no_show' }]);
    expect(r.statusCode).toBe(409);
    expect(fields(r)).toEqual(['entries.0.status']);
    expect(await count('SELECT count(*)::int AS n FROM group_attendance')).toBe(0);
  });

  it('records each member on their own: fees, one event and one audit row per member, the session untouched', async () => {
    await at('2027-01-13T00:30:00Z'); // half an hour into the session
    const sessionBefore = (await t.db.query<{ status: string; version: number }>('SELECT status, version FROM appointments WHERE id = $1', [sessions['2027-01-12']])).rows[0];
    const r = await put(desk, '2027-01-12', [
      { patientId: p[0], status: 'completed' },
      { patientId: p[1], status: 'no_show' },
      { patientId: p[2], status: 'no_show', reason: 'No call' },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const s = byPatient(r.json());
    expect([s[p[0]!]!.status, s[p[1]!]!.status, s[p[2]!]!.status]).toEqual(['completed', 'no_show', 'no_show']);
    // Medicaid members are exempt by default; others carry the practice's no-show fee.
    expect([s[p[0]!]!.feeCents, s[p[1]!]!.feeCents, s[p[2]!]!.feeCents]).toEqual([null, 0, 4000]);
    expect(s[p[2]!]!.reason).toBe('No call');
    expect((await t.db.query('SELECT status, version FROM appointments WHERE id = $1', [sessions['2027-01-12']])).rows[0]).toEqual(sessionBefore);
    const events = (await t.db.query<{ patient_id: string; kind: string; from_status: string; to_status: string }>(
      `SELECT patient_id, kind, from_status, to_status FROM appointment_events WHERE appointment_id = $1 AND kind <> 'created' ORDER BY to_status, patient_id`, [sessions['2027-01-12']])).rows;
    expect(events).toEqual(expect.arrayContaining([
      { patient_id: p[0], kind: 'status', from_status: 'scheduled', to_status: 'completed' },
      { patient_id: p[1], kind: 'status', from_status: 'scheduled', to_status: 'no_show' },
      { patient_id: p[2], kind: 'status', from_status: 'scheduled', to_status: 'no_show' },
    ]));
    expect(events).toHaveLength(3);
    const audit = (await t.db.query<{ patient_id: string; detail: { from: string; to: string; feeCents: number | null } }>(
      `SELECT patient_id, detail FROM audit_events WHERE action = 'group_attendance.update' AND resource_id = $1`, [sessions['2027-01-12']])).rows;
    expect(audit.map((a) => [a.patient_id, a.detail.to, a.detail.feeCents]).sort()).toEqual([[p[0], 'completed', null], [p[1], 'no_show', 0], [p[2], 'no_show', 4000]].sort());
  });

  it('a correction changes only that member', async () => {
    const before = byPatient(await sheet(desk, '2027-01-12'));
    const events = await count('SELECT count(*)::int AS n FROM appointment_events WHERE appointment_id = $1', [sessions['2027-01-12']]);
    t.clock.advance(10 * 60_000);
    const r = await put(desk, '2027-01-12', [{ patientId: p[0], status: 'completed' }, { patientId: p[2], status: 'completed', reason: 'Arrived late' }]);
    expect(r.statusCode, r.body).toBe(200);
    const after = byPatient(r.json());
    expect(after[p[2]!]).toMatchObject({ status: 'completed', feeCents: null, reason: 'Arrived late' });
    expect(after[p[0]!]).toEqual(before[p[0]!]);
    expect(after[p[1]!]).toEqual(before[p[1]!]);
    expect(await count('SELECT count(*)::int AS n FROM appointment_events WHERE appointment_id = $1', [sessions['2027-01-12']])).toBe(events + 1);
  });

  it('only members on that day\u2019s roster can be recorded, each bad entry named', async () => {
    const r = await put(desk, '2027-01-12', [{ patientId: p[0], status: 'completed' }, { patientId: p[3], status: 'no_show' }, { patientId: p[0], status: 'no_show' }]);
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toEqual(['entries.1.patientId', 'entries.2.patientId']);
  });

  it('a cancellation inside the late-cancel window becomes a late cancel with its fee; earlier it stays a cancellation', async () => {
    const early = await put(desk, '2027-01-19', [{ patientId: p[0], status: 'cancelled_patient', reason: 'Travelling' }]);
    expect(early.statusCode, early.body).toBe(200);
    expect(byPatient(early.json())[p[0]!]).toMatchObject({ status: 'cancelled_patient', feeCents: null });
    await at('2027-01-19T12:00:00Z'); // twelve hours before
    const late = await put(desk, '2027-01-19', [{ patientId: p[2], status: 'cancelled_patient' }]);
    expect(late.statusCode, late.body).toBe(200);
    const e = byPatient(late.json())[p[2]!]!;
    expect(e).toMatchObject({ status: 'late_cancel', feeCents: 2000 });
    expect(e.reason).toMatch(/late-cancel window/);
  });

  it('a discharge cannot fall before attendance already taken', async () => {
    const g = (await desk.get(`/api/groups/${groupId}`)).json();
    const member = g.members.find((m: { patient: { id: string } }) => m.patient.id === p[0]);
    const r = await desk.post(`/api/group-members/${member.id}/discharge`, { dischargedOn: '2027-01-12', reason: 'Finished' });
    expect(r.statusCode).toBe(409);
    expect(fields(r)).toEqual(['dischargedOn']);
    const session = g.sessions.find((s: { start: string }) => s.start === '2027-01-12T18:00');
    expect(session).toMatchObject({ expected: 3, present: 2, absent: 1 });
    expect(g.sessions.find((s: { start: string }) => s.start === '2027-01-19T18:00')).toMatchObject({ expected: 4, present: 0, absent: 2 });
  });

  it('no attendance at a session that did not take place', async () => {
    await t.db.query(`UPDATE appointments SET status = 'cancelled_practice' WHERE id = $1`, [sessions['2027-01-26']]);
    const r = await put(desk, '2027-01-26', [{ patientId: p[0], status: 'cancelled_patient' }]);
    expect(r.statusCode).toBe(409);
  });

  it('names are shown to facilitators, to staff who see every patient, and to clinicians whose caseload holds the member', async () => {
    const named = async (c: Client) => (await sheet(c, '2027-01-12')).entries.map((e) => e.patient?.id ?? null);
    expect(await named(leadClient)).toEqual(p.slice(0, 3));
    expect(await named(desk)).toEqual(p.slice(0, 3));
    // The associate's caseload holds only the first member; their supervisor sees the same.
    const mine = await sheet(caseloadClient, '2027-01-12');
    expect(mine.entries.map((e) => e.patient?.id ?? null)).toEqual([p[0], null, null]);
    expect(mine.entries.filter((e) => !e.patient).every((e) => e.reason === null && e.feeCents === null)).toBe(true);
    expect(await named(supervisorClient)).toEqual([p[0], null, null]);
    const group = (await caseloadClient.get(`/api/groups/${groupId}`)).json();
    expect(group.members.map((m: { patient: { id: string } | null }) => m.patient?.id ?? null).filter(Boolean)).toEqual([p[0]]);
    // Reads are audited for the names shown only.
    const audited = (await t.db.query<{ patient_id: string }>(`SELECT DISTINCT patient_id FROM audit_events WHERE actor_id = $1 AND action IN ('group_attendance.read', 'group.roster.read')`, [caseload.id])).rows;
    expect(audited).toEqual([{ patient_id: p[0] }]);
    // A member they may not know by name cannot be recorded or discharged by them either.
    const r = await put(caseloadClient, '2027-01-12', [{ patientId: p[1], status: 'completed' }]);
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toEqual(['entries.0.patientId']);
    const hidden = group.members.find((m: { patient: unknown }) => !m.patient);
    expect((await caseloadClient.post(`/api/group-members/${hidden.id}/discharge`, { dischargedOn: '2027-03-01', reason: 'x' })).statusCode).toBe(404);
  });
});

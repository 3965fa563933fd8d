import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, typeId } from './scheduling-builders.js';

// Group programs: creating a group books its recurring sessions in one transaction; the roster with
// capacity, late joiners and discharges; editing (room and lead take over coming sessions) and ending.

describe('group programs', () => {
  let t: TestApp;
  let desk: Client;
  let lead: StaffFixture;
  let co: StaffFixture;
  let deskStaff: StaffFixture;
  let loc: { id: string; rooms: string[] };
  let groupType: string;
  let individualType: string;
  let groupId: string;
  let version: number;
  const patients: string[] = [];

  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const body = (o: Record<string, unknown> = {}) => ({
    name: 'DBT skills', description: 'Skills for emotion regulation', appointmentTypeId: groupType, locationId: loc.id, roomId: loc.rooms[0], capacity: 3,
    facilitatorIds: [lead.id, co.id], schedule: { start: '2027-01-05T18:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' },
    ...o,
  });

  beforeAll(async () => {
    // Tuesday 12 January 2027, 09:00 in Chicago: the group's first session was last week.
    t = await testApp({ now: new Date('2027-01-12T15:00:00Z') });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    lead = await aStaff(t.db, { roles: ['therapist'] });
    co = await aStaff(t.db, { roles: ['associate'] });
    deskStaff = await aStaff(t.db, { roles: ['front_desk'] });
    desk = await signedIn(t, deskStaff);
    loc = await aLocation(t.db, { timeZone: 'America/Chicago' });
    groupType = await typeId(t.db, 'group');
    individualType = await typeId(t.db, 'individual-53');
    for (let i = 0; i < 5; i++) patients.push((await aPatient(t.db)).id);
  });
  afterAll(() => t.close());

  it('creates a group and its weekly series in one go, on the lead facilitator\u2019s calendar', async () => {
    const r = await desk.post('/api/groups', body());
    expect(r.statusCode, r.body).toBe(201);
    const g = r.json();
    groupId = g.id;
    version = g.version;
    expect(g).toMatchObject({
      name: 'DBT skills', status: 'active', capacity: 3, activeMembers: 0, room: { id: loc.rooms[0] },
      appointmentType: { id: groupType }, location: { id: loc.id },
    });
    expect(g.facilitators.map((f: { id: string; lead: boolean }) => [f.id, f.lead])).toEqual([[lead.id, true], [co.id, false]]);
    expect(g.schedule).toMatchObject({ start: '2027-01-05T18:00', durationMinutes: 90, recurrence: 'FREQ=WEEKLY;BYDAY=TU', timeZone: 'America/Chicago' });
    expect(g.schedule.description).toMatch(/every week on Tuesday at 6:00 PM/i);
    // Last week's session and the coming ones; the next is tonight.
    expect(g.sessions[0]).toMatchObject({ start: '2027-01-05T18:00', status: 'scheduled', expected: 0 });
    expect(g.nextSession).toMatchObject({ start: '2027-01-12T18:00', startsAt: '2027-01-13T00:00:00.000Z' });

    const series = (await t.db.query<{ group_id: string; patient_id: string | null; clinician_id: string; open_ended: boolean }>('SELECT group_id, patient_id, clinician_id, open_ended FROM appointment_series WHERE group_id = $1', [groupId])).rows;
    expect(series).toEqual([{ group_id: groupId, patient_id: null, clinician_id: lead.id, open_ended: true }]);
    const appts = (await t.db.query<{ n: number; patients: number; clinicians: number; rooms: number }>(
      `SELECT count(*)::int AS n, count(patient_id)::int AS patients, count(DISTINCT clinician_id)::int AS clinicians, count(DISTINCT room_id)::int AS rooms
         FROM appointments WHERE group_id = $1`, [groupId])).rows[0]!;
    // An open-ended series is materialised over the practice's rolling horizon (182 days by default).
    expect(appts.n).toBeGreaterThan(20);
    expect(appts).toMatchObject({ patients: 0, clinicians: 1, rooms: 1 });
    const audit = (await t.db.query<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_events WHERE resource_id = $1`, [groupId])).rows;
    expect(audit).toEqual([{ action: 'group.create', actor_id: deskStaff.id }]);

    const list = await desk.get('/api/groups?status=active');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { id: string }) => x.id)).toEqual([groupId]);
    expect((await desk.get(`/api/groups?facilitatorId=${co.id}`)).json()).toHaveLength(1);
    expect((await desk.get(`/api/groups?facilitatorId=${deskStaff.id}`)).json()).toHaveLength(0);
  });

  it('refuses bad groups, naming the field, and writes nothing', async () => {
    const before = [await count('groups'), await count('appointments'), await count('appointment_series')];
    const cases: [Record<string, unknown>, string][] = [
      [{ appointmentTypeId: individualType }, 'appointmentTypeId'],
      [{ facilitatorIds: [deskStaff.id] }, 'facilitatorIds.0'],
      [{ facilitatorIds: [co.id, co.id] }, 'facilitatorIds.1'],
      [{ facilitatorIds: [] }, 'facilitatorIds'],
      [{ capacity: 0 }, 'capacity'],
      [{ roomId: '00000000-0000-4000-8000-000000000001' }, 'roomId'],
      [{ schedule: { start: '2027-01-05T18:00', recurrence: 'FREQ=HOURLY' } }, 'schedule.recurrence'],
      [{ schedule: { start: '2027-01-05T18:00', recurrence: 'FREQ=WEEKLY', timeZone: 'Mars/Olympus' } }, 'schedule.timeZone'],
      [{ schedule: { start: '2027-02-30T18:00', recurrence: 'FREQ=WEEKLY' } }, 'schedule.start'],
      [{ schedule: { start: '2027-01-05T18:00', durationMinutes: 0, recurrence: 'FREQ=WEEKLY' } }, 'schedule.durationMinutes'],
    ];
    for (const [o, field] of cases) {
      const r = await desk.post('/api/groups', body({ ...o, roomId: o.roomId ?? loc.rooms[1] }));
      expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(fields(r), r.body).toContain(field);
    }
    expect([await count('groups'), await count('appointments'), await count('appointment_series')]).toEqual(before);
  });

  it('refuses a group whose sessions clash, listing the dates; skipping them books the rest', async () => {
    // The same room on Tuesday evenings is taken by the first group from 5 January on.
    const other = await aStaff(t.db, { roles: ['therapist'] });
    const before = await count('groups');
    const clash = body({ name: 'Anxiety group', facilitatorIds: [other.id], schedule: { start: '2026-12-29T18:30', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' } });
    const r = await desk.post('/api/groups', clash);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().conflicts.map((c: { occurrence: string }) => c.occurrence)).toEqual(['2027-01-05T18:30', '2027-01-12T18:30']);
    expect(r.json().conflicts[0].conflicts[0]).toMatchObject({ kind: 'room', blocking: true });
    expect(await count('groups')).toBe(before);
    const ok = await desk.post('/api/groups', { ...clash, schedule: { ...clash.schedule, skip: ['2027-01-05T18:30', '2027-01-12T18:30'] } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().sessions.map((s: { start: string }) => s.start)).toEqual(['2026-12-29T18:30']);
  });

  it('enrols three members up to capacity; a fourth is refused with 409 naming enrolledOn', async () => {
    for (const p of patients.slice(0, 3)) {
      const r = await desk.post(`/api/groups/${groupId}/members`, { patientId: p, enrolledOn: '2027-01-12' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ groupId, enrolledOn: '2027-01-12', dischargedOn: null, active: true, patient: { id: p } });
    }
    const full = await desk.post(`/api/groups/${groupId}/members`, { patientId: patients[3], enrolledOn: '2027-01-19' });
    expect(full.statusCode, full.body).toBe(409);
    expect(full.headers['content-type']).toMatch(/problem\+json/);
    expect(fields(full)).toEqual(['enrolledOn']);
    expect(full.json().detail).toMatch(/full/);
    const again = await desk.post(`/api/groups/${groupId}/members`, { patientId: patients[0], enrolledOn: '2027-02-01' });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['patientId']);
    expect(await count('group_members')).toBe(3);
    const audit = (await t.db.query<{ patient_id: string }>(`SELECT patient_id FROM audit_events WHERE action = 'group.member.enrol' ORDER BY arrival`)).rows.map((x) => x.patient_id);
    expect(audit).toEqual(patients.slice(0, 3));
    const g = (await desk.get(`/api/groups/${groupId}`)).json();
    expect(g.activeMembers).toBe(3);
    // Tonight's session expects all three; last week's none (they joined a running group).
    expect(g.sessions.find((s: { start: string }) => s.start === '2027-01-05T18:00').expected).toBe(0);
    expect(g.sessions.find((s: { start: string }) => s.start === '2027-01-12T18:00').expected).toBe(3);
  });

  it('a discharge frees the place from the day after; a new member joins the running group then', async () => {
    const g = (await desk.get(`/api/groups/${groupId}`)).json();
    const third = g.members.find((m: { patient: { id: string } }) => m.patient.id === patients[2]);
    const early = await desk.post(`/api/group-members/${third.id}/discharge`, { dischargedOn: '2027-01-11', reason: 'Moved away' });
    expect(early.statusCode).toBe(400);
    expect(fields(early)).toEqual(['dischargedOn']);
    const d = await desk.post(`/api/group-members/${third.id}/discharge`, { dischargedOn: '2027-01-19', reason: 'Moved away' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ dischargedOn: '2027-01-19', dischargeReason: 'Moved away', active: true });
    expect((await desk.post(`/api/group-members/${third.id}/discharge`, { dischargedOn: '2027-01-20', reason: 'Twice' })).statusCode).toBe(409);
    // On the 19th the discharged member is still there (last day): the group is full until then.
    expect((await desk.post(`/api/groups/${groupId}/members`, { patientId: patients[3], enrolledOn: '2027-01-19' })).statusCode).toBe(409);
    const join = await desk.post(`/api/groups/${groupId}/members`, { patientId: patients[3], enrolledOn: '2027-01-20' });
    expect(join.statusCode, join.body).toBe(201);
    const after = (await desk.get(`/api/groups/${groupId}`)).json();
    const expected = Object.fromEntries(after.sessions.map((s: { start: string; expected: number }) => [s.start.slice(0, 10), s.expected]));
    expect([expected['2027-01-12'], expected['2027-01-19'], expected['2027-01-26']]).toEqual([3, 3, 3]);
    // Current members first (by enrolment), then the one who will have left.
    expect(after.members.map((m: { patient: { id: string } }) => m.patient.id)).toEqual([patients[0], patients[1], patients[2], patients[3]]);
    const audit = (await t.db.query<{ patient_id: string }>(`SELECT patient_id FROM audit_events WHERE action = 'group.member.discharge'`)).rows;
    expect(audit).toEqual([{ patient_id: patients[2] }]);
  });

  it('edits: capacity cannot go below the roster; a stale version is refused; a new room takes over coming sessions only', async () => {
    const low = await desk.patch(`/api/groups/${groupId}`, { capacity: 2, version });
    expect(low.statusCode).toBe(409);
    expect(fields(low)).toEqual(['capacity']);
    const stale = await desk.patch(`/api/groups/${groupId}`, { name: 'Renamed', version: version + 5 });
    expect(stale.statusCode).toBe(409);
    const r = await desk.patch(`/api/groups/${groupId}`, { name: 'DBT skills (evening)', capacity: 4, roomId: loc.rooms[1], version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: 'DBT skills (evening)', capacity: 4, room: { id: loc.rooms[1] } });
    expect(r.json().version).toBe(version + 1);
    version = r.json().version;
    const rooms = (await t.db.query<{ past: boolean; room_id: string }>(
      `SELECT DISTINCT starts_at < $2 AS past, room_id FROM appointments WHERE group_id = $1`, [groupId, t.clock.now()])).rows;
    expect(rooms.sort((a, b) => Number(b.past) - Number(a.past))).toEqual([{ past: true, room_id: loc.rooms[0] }, { past: false, room_id: loc.rooms[1] }]);
    expect((await t.db.query<{ room_id: string }>('SELECT room_id FROM appointment_series WHERE group_id = $1', [groupId])).rows).toEqual([{ room_id: loc.rooms[1] }]);
  });

  it('a new lead takes over coming sessions, unless they are busy then', async () => {
    const busy = await aStaff(t.db, { roles: ['therapist'] });
    const p = await aPatient(t.db, { careTeam: [busy.id] });
    const appt = await desk.post('/api/appointments', { patientId: p.id, clinicianId: busy.id, locationId: loc.id, appointmentTypeId: individualType, start: '2027-02-09T18:30' });
    expect(appt.statusCode, appt.body).toBe(201);
    const refused = await desk.patch(`/api/groups/${groupId}`, { facilitatorIds: [busy.id, lead.id], version });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(fields(refused)).toEqual(['facilitatorIds']);
    expect(refused.json().conflicts.map((c: { start: string }) => c.start)).toEqual(['2027-02-09T18:00']);
    const ok = await desk.patch(`/api/groups/${groupId}`, { facilitatorIds: [co.id, lead.id], version });
    expect(ok.statusCode, ok.body).toBe(200);
    version = ok.json().version;
    expect(ok.json().facilitators.map((f: { id: string; lead: boolean }) => [f.id, f.lead])).toEqual([[co.id, true], [lead.id, false]]);
    const future = (await t.db.query<{ clinician_id: string }>('SELECT DISTINCT clinician_id FROM appointments WHERE group_id = $1 AND starts_at > $2', [groupId, t.clock.now()])).rows;
    expect(future).toEqual([{ clinician_id: co.id }]);
  });

  it('ends the group: later sessions come off the calendar, members are discharged, no one joins any more', async () => {
    const r = await desk.post(`/api/groups/${groupId}/end`, { lastDate: '2027-02-02', reason: 'Program complete' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ended', endedOn: '2027-02-02', endReason: 'Program complete', nextSession: { start: '2027-01-12T18:00' } });
    const left = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE group_id = $1 AND holds_slot AND (starts_at AT TIME ZONE time_zone)::date > '2027-02-02'`, [groupId])).rows[0]!.n;
    expect(left).toBe(0);
    const members = (await t.db.query<{ discharged_on: string }>('SELECT discharged_on FROM group_members WHERE group_id = $1 ORDER BY enrolled_on, discharged_on', [groupId])).rows.map((m) => m.discharged_on);
    // The member who had already left keeps their date; the one who joined on the 20th leaves on the last day too.
    expect(members).toEqual(['2027-01-19', '2027-02-02', '2027-02-02', '2027-02-02']);
    expect((await desk.post(`/api/groups/${groupId}/members`, { patientId: patients[4], enrolledOn: '2027-01-26' })).statusCode).toBe(409);
    expect((await desk.post(`/api/groups/${groupId}/end`, { reason: 'Again' })).statusCode).toBe(409);
    expect((await desk.patch(`/api/groups/${groupId}`, { capacity: 8, version })).statusCode).toBe(409);
    expect((await desk.get('/api/groups?status=ended')).json().map((g: { id: string }) => g.id)).toEqual([groupId]);
  });

  it('unknown ids are 404s', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    expect((await desk.get(`/api/groups/${unknown}`)).statusCode).toBe(404);
    expect((await desk.post(`/api/groups/${unknown}/members`, { patientId: patients[4], enrolledOn: '2027-01-26' })).statusCode).toBe(404);
    expect((await desk.post(`/api/group-members/${unknown}/discharge`, { dischargedOn: '2027-01-26', reason: 'x' })).statusCode).toBe(404);
    expect((await desk.get(`/api/appointments/${unknown}/group-attendance`)).statusCode).toBe(404);
  });
});

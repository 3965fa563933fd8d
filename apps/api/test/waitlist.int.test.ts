import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, anAppointment, typeId } from './engagement-builders.js';

// The waitlist: entries with wanted clinician, type, location and times of the week, names shown
// only within a caseload, optimistic concurrency, and suggestions when a slot opens.
const NOW = new Date('2027-03-15T17:00:00Z'); // Monday, noon in Chicago

describe('waitlist', () => {
  let t: TestApp;
  let s: Record<'a' | 'b' | 'front' | 'supervisor', StaffFixture>;
  let c: Record<'a' | 'b' | 'front' | 'supervisor', Client>;
  let loc: string;
  let locLa: string;
  let t45: string;
  let t53: string;
  const pt: string[] = [];

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    s = {
      a: await aStaff(t.db, { roles: ['therapist'] }),
      b: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      supervisor: await aStaff(t.db, { roles: ['supervisor'] }),
    };
    await t.db.query(`UPDATE users SET first_name = 'Dana', last_name = 'Reyes' WHERE id = $1`, [s.a.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    loc = await aLocation(t.db, 'America/Chicago');
    locLa = await aLocation(t.db, 'America/Los_Angeles');
    t45 = await typeId(t.db, 'individual-45');
    t53 = await typeId(t.db, 'individual-53');
    for (let i = 0; i < 12; i++) pt.push((await aPatient(t.db, { careTeam: i === 0 ? [s.a.id] : [], data: { legalLastName: `Waiting${String.fromCharCode(65 + i)}` } })).id);
  });
  afterAll(() => t.close());

  const add = async (body: Record<string, unknown>, addedOn?: string) => {
    const r = await c.front.post('/api/waitlist', body);
    expect(r.statusCode, r.body).toBe(201);
    if (addedOn) await t.db.query('UPDATE waitlist_entries SET added_on = $2 WHERE id = $1', [r.json().id, addedOn]);
    return r.json() as { id: string; version: number };
  };
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);

  describe('entries', () => {
    let entry: { id: string; version: number };

    it('adds an entry dated today, with names for display, and audits it', async () => {
      const r = await c.front.post('/api/waitlist', {
        patientId: pt[0], clinicianId: s.a.id, appointmentTypeId: t45, locationId: loc, telehealthOk: false,
        preferredTimes: [{ weekday: 2, from: '14:00', to: '18:00' }], priority: 1, note: 'Works mornings',
      });
      expect(r.statusCode, r.body).toBe(201);
      entry = r.json();
      expect(r.json()).toMatchObject({
        patientId: pt[0], patient: { id: pt[0], name: expect.stringContaining('WaitingA') },
        clinician: { id: s.a.id, name: 'Dana Reyes' }, appointmentType: { id: t45, name: 'Individual therapy, 45 min' }, location: { id: loc },
        telehealthOk: false, preferredTimes: [{ weekday: 2, from: '14:00', to: '18:00' }], priority: 1, note: 'Works mornings',
        addedOn: '2027-03-15', status: 'open', closedAt: null, version: 1,
      });
      const audit = (await t.db.query<{ actor_id: string; resource_id: string }>(`SELECT actor_id, resource_id FROM audit_events WHERE action = 'waitlist.create' AND patient_id = $1`, [pt[0]])).rows;
      expect(audit).toEqual([{ actor_id: s.front.id, resource_id: entry.id }]);
      expect((await c.a.get(`/api/waitlist/${entry.id}`)).json()).toEqual(r.json());
    });

    it('defaults to any clinician, type, location and time, normal priority, telehealth welcome', async () => {
      const r = await c.a.post('/api/waitlist', { patientId: pt[0] });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ clinicianId: null, clinician: null, appointmentTypeId: null, locationId: null, telehealthOk: true, preferredTimes: [], priority: 2, note: null });
      await c.a.patch(`/api/waitlist/${r.json().id}`, { status: 'removed', version: 1 });
    });

    it('shows every entry, but the patient and note only to those who may see the patient', async () => {
      const front = (await c.front.get('/api/waitlist?status=open')).json();
      expect(front.items.map((i: { id: string }) => i.id)).toEqual([entry.id]);
      const b = await c.b.get('/api/waitlist?status=open');
      expect(b.statusCode).toBe(200);
      expect(b.json().items[0]).toMatchObject({ id: entry.id, patientId: pt[0], patient: null, note: null, clinician: { name: 'Dana Reyes' }, priority: 1 });
      expect(b.body).not.toContain('WaitingA');
      expect(b.body).not.toContain('Works mornings');
      const audit = (await t.db.query<{ detail: { patientIds: string[] } }>(`SELECT detail FROM audit_events WHERE action = 'waitlist.list' AND actor_id = $1`, [s.b.id])).rows[0]!;
      expect(audit.detail.patientIds).toEqual([]);
    });

    it.each([
      ['an unknown clinician', () => ({ clinicianId: '00000000-0000-4000-8000-0000000000aa' }), 'clinicianId'],
      ['a non-clinician as clinician', () => ({ clinicianId: s.front.id }), 'clinicianId'],
      ['an unknown type', () => ({ appointmentTypeId: '00000000-0000-4000-8000-0000000000aa' }), 'appointmentTypeId'],
      ['an unknown location', () => ({ locationId: '00000000-0000-4000-8000-0000000000aa' }), 'locationId'],
      ['an unknown patient', () => ({ patientId: '00000000-0000-4000-8000-0000000000aa' }), 'patientId'],
      ['a window ending before it starts', () => ({ preferredTimes: [{ weekday: 1, from: '12:00', to: '09:00' }] }), 'preferredTimes.0.to'],
      ['weekday 8', () => ({ preferredTimes: [{ weekday: 8, from: '09:00', to: '12:00' }] }), 'preferredTimes.0.weekday'],
      ['a time like 25:00', () => ({ preferredTimes: [{ weekday: 1, from: '09:00', to: '25:00' }] }), 'preferredTimes.0.to'],
      ['priority 4', () => ({ priority: 4 }), 'priority'],
    ])('refuses %s with a 400 naming the field, writing nothing', async (_n, extra, field) => {
      const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM waitlist_entries')).rows[0]!.n;
      const r = await c.front.post('/api/waitlist', { patientId: pt[1], ...extra() });
      expect(r.statusCode, r.body).toBe(400);
      expect(fields(r)).toContain(field);
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM waitlist_entries')).rows[0]!.n).toBe(before);
    });

    it('lets a clinician add only patients on their caseload', async () => {
      const r = await c.b.post('/api/waitlist', { patientId: pt[0] });
      expect(r.statusCode).toBe(400);
      expect(fields(r)).toEqual(['patientId']);
    });

    it('edits with optimistic concurrency, closes and reopens', async () => {
      const r = await c.a.patch(`/api/waitlist/${entry.id}`, { priority: 2, note: 'Any weekday after 2', version: 1 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ priority: 2, note: 'Any weekday after 2', version: 2, clinicianId: s.a.id, preferredTimes: [{ weekday: 2, from: '14:00', to: '18:00' }] });
      const stale = await c.front.patch(`/api/waitlist/${entry.id}`, { priority: 3, version: 1 });
      expect(stale.statusCode).toBe(409);
      const removed = await c.front.patch(`/api/waitlist/${entry.id}`, { status: 'removed', clinicianId: null, version: 2 });
      expect(removed.json()).toMatchObject({ status: 'removed', closedAt: NOW.toISOString(), clinicianId: null, version: 3 });
      expect((await c.front.get('/api/waitlist?status=open')).json().items).toEqual([]);
      expect((await c.front.get('/api/waitlist?status=removed')).json().total).toBe(2);
      const reopened = await c.front.patch(`/api/waitlist/${entry.id}`, { status: 'open', clinicianId: s.a.id, version: 3 });
      expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, version: 4 });
      const audit = (await t.db.query<{ detail: { fields: string[]; status: string } }>(`SELECT detail FROM audit_events WHERE action = 'waitlist.update' AND resource_id = $1 ORDER BY arrival`, [entry.id])).rows;
      expect(audit.map((a) => a.detail)).toEqual([
        { fields: ['note', 'priority'], status: 'open' },
        { fields: ['clinicianId', 'status'], status: 'removed' },
        { fields: ['clinicianId', 'status'], status: 'open' },
      ]);
    });

    it('refuses edits outside the caseload (404), without scheduling.write (403), and for unknown ids (404)', async () => {
      expect((await c.b.patch(`/api/waitlist/${entry.id}`, { priority: 3, version: 4 })).statusCode).toBe(404);
      expect((await c.supervisor.patch(`/api/waitlist/${entry.id}`, { priority: 3, version: 4 })).statusCode).toBe(403);
      expect((await c.front.patch('/api/waitlist/00000000-0000-4000-8000-0000000000aa', { priority: 3, version: 1 })).statusCode).toBe(404);
      expect((await c.front.get('/api/waitlist/00000000-0000-4000-8000-0000000000aa')).statusCode).toBe(404);
      // Nothing changed.
      expect((await c.front.get(`/api/waitlist/${entry.id}`)).json()).toMatchObject({ priority: 2, version: 4 });
    });
  });

  describe('suggestions for a freed slot', () => {
    const e: Record<string, string> = {};
    let slot: string;
    let video: string;
    let laSlot: string;

    beforeAll(async () => {
      await t.db.query(`UPDATE waitlist_entries SET status = 'removed'`);
      // Tuesday 15:00-15:45 in Chicago with Dana, individual 45, cancelled by patient 11.
      slot = await anAppointment(t.db, { patientId: pt[11], clinicianId: s.a.id, locationId: loc, start: '2027-03-16T15:00', status: 'cancelled_patient' });
      video = await anAppointment(t.db, { patientId: pt[11], clinicianId: s.a.id, locationId: loc, start: '2027-03-17T10:00', telehealth: true, status: 'cancelled_patient' });
      laSlot = await anAppointment(t.db, { patientId: pt[11], clinicianId: s.b.id, locationId: locLa, timeZone: 'America/Los_Angeles', start: '2027-03-16T09:30', status: 'late_cancel' });
      e.dana = (await add({ patientId: pt[0], clinicianId: s.a.id, priority: 1, preferredTimes: [{ weekday: 2, from: '14:00', to: '18:00' }] }, '2027-02-01')).id;
      e.oldest = (await add({ patientId: pt[1] }, '2026-12-01')).id;
      e.any = (await add({ patientId: pt[2] }, '2027-01-10')).id;
      e.noVideo = (await add({ patientId: pt[3], telehealthOk: false }, '2027-03-01')).id;
      e.otherClinician = (await add({ patientId: pt[4], clinicianId: s.b.id, priority: 1 }, '2026-01-01')).id;
      e.otherType = (await add({ patientId: pt[5], appointmentTypeId: t53, priority: 1 })).id;
      e.mornings = (await add({ patientId: pt[6], priority: 1, preferredTimes: [{ weekday: 2, from: '09:00', to: '12:00' }] })).id;
      e.otherLocation = (await add({ patientId: pt[7], locationId: locLa, priority: 1 })).id;
      e.sameType = (await add({ patientId: pt[8], appointmentTypeId: t45, priority: 3 }, '2026-06-01')).id;
      e.self = (await add({ patientId: pt[11], priority: 1 })).id;
      const removed = await add({ patientId: pt[9], priority: 1 });
      await c.front.patch(`/api/waitlist/${removed.id}`, { status: 'removed', version: removed.version });
    });

    const suggest = async (cl: Client, id: string) => {
      const r = await cl.get(`/api/waitlist/suggestions?appointmentId=${id}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };

    it('ranks matching open entries by priority then date added, with the reasons each fits', async () => {
      const r = await suggest(c.front, slot);
      expect(r.slot).toMatchObject({
        appointmentId: slot, status: 'cancelled_patient', start: '2027-03-16T15:00', end: '2027-03-16T15:45', weekday: 2,
        timeZone: 'America/Chicago', durationMinutes: 45, telehealth: false, clinician: { name: 'Dana Reyes' }, appointmentType: { id: t45 },
      });
      expect(r.suggestions.map((x: { entry: { id: string } }) => x.entry.id)).toEqual([e.dana, e.oldest, e.any, e.noVideo, e.sameType]);
      expect(r.suggestions[0].reasons.map((x: { text: string }) => x.text)).toEqual([
        'Wants Dana Reyes', 'Any appointment type', 'Any location', 'Prefers Tuesday 14:00–18:00', 'Priority 1 (most urgent)', 'Waiting 42 days (added 2027-02-01)',
      ]);
      expect(r.suggestions[4].reasons.map((x: { code: string }) => x.code)).toContain('appointment_type');
      expect(r.suggestions[0].entry.patient.name).toContain('WaitingA');
    });

    it('for a telehealth slot, drops those who want no video and ignores the wanted location', async () => {
      const ids = (await suggest(c.front, video)).suggestions.map((x: { entry: { id: string } }) => x.entry.id);
      expect(ids).toContain(e.otherLocation);
      expect(ids).not.toContain(e.noVideo);
      // Wednesday: Dana's Tuesday-only entry does not fit.
      expect(ids).not.toContain(e.dana);
    });

    it('matches preferred times in the slot’s own time zone', async () => {
      const r = await suggest(c.front, laSlot);
      expect(r.slot).toMatchObject({ start: '2027-03-16T09:30', weekday: 2, timeZone: 'America/Los_Angeles' });
      const ids = r.suggestions.map((x: { entry: { id: string } }) => x.entry.id);
      expect(ids).toContain(e.mornings);
      expect(ids).toContain(e.otherClinician);
      expect(ids).not.toContain(e.dana);
    });

    it('hides who the patients are from clinicians outside their caseload, and audits the suggestions', async () => {
      const r = await suggest(c.a, slot);
      const named = r.suggestions.filter((x: { entry: { patient: unknown } }) => x.entry.patient).map((x: { entry: { id: string } }) => x.entry.id);
      expect(named).toEqual([e.dana]);
      const audit = (await t.db.query<{ detail: { appointmentId: string; count: number; patientIds: string[] } }>(
        `SELECT detail FROM audit_events WHERE action = 'waitlist.suggestions' AND actor_id = $1`, [s.a.id],
      )).rows[0]!;
      expect(audit.detail).toEqual({ appointmentId: slot, count: 5, patientIds: [pt[0]] });
    });

    it('answers 404 for an unknown appointment and 400 without one', async () => {
      expect((await c.front.get('/api/waitlist/suggestions?appointmentId=00000000-0000-4000-8000-0000000000aa')).statusCode).toBe(404);
      const missing = await c.front.get('/api/waitlist/suggestions');
      expect(missing.statusCode).toBe(400);
      expect(fields(missing)).toContain('appointmentId');
    });
  });
});

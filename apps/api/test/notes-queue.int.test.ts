import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, anAppointment } from './engagement-builders.js';
import { aNote, aTemplate, anIntervention, icd10, progressDefinition, TEST_CODES } from './documentation-builders.js';
import { notesExtraApp } from './notes-extra-support.js';

// The note work queues: the reader's unsigned drafts and returned notes, their overdue notes (the
// practice's hours after the session, 72 by default, exact to the millisecond), a supervisor's
// co-signature inbox and supervisees' overdue notes, the home page counts, and the setting itself.
const NOW = new Date('2027-03-15T22:00:00Z'); // Monday 17:00 in Chicago
const HOUR = 3_600_000;
const ago = (h: number) => new Date(NOW.getTime() - h * HOUR).toISOString();

describe('note work queues', () => {
  let t: TestApp;
  let s: Record<'author' | 'associate' | 'supervisor' | 'otherSupervisor' | 'colleague' | 'front' | 'admin', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let template: { id: string; version: number };
  let patient: string;
  let patientOfAssociate: string;
  const ids: Record<string, string> = {};

  const ids_ = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
  const queue = (cl: Client, q: string, extra = '') => cl.get(`/api/notes/queue?queue=${q}${extra}`);

  beforeAll(async () => {
    t = await notesExtraApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    s = {
      author: await aStaff(t.db, { roles: ['therapist'] }),
      associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      supervisor,
      otherSupervisor: await aStaff(t.db, { roles: ['supervisor', 'therapist'] }),
      colleague: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      admin: await aStaff(t.db, { roles: ['admin'], mfa: true }),
    };
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt');
    template = await aTemplate(t.db, { definition: progressDefinition(), name: 'DAP progress note' });
    patient = (await aPatient(t.db, { careTeam: [s.author.id], data: { legalFirstName: 'Rosa', legalLastName: 'Lind' } })).id;
    patientOfAssociate = (await aPatient(t.db, { careTeam: [s.associate.id] })).id;
    const note = (o: Partial<Parameters<typeof aNote>[1]> & { endedAt: string }) =>
      aNote(t.db, { patientId: patient, authorId: s.author.id, template, startedAt: new Date(Date.parse(o.endedAt) - 50 * 60_000).toISOString(), ...o });
    // The author's work: drafts and a returned note, some overdue; signed and pending notes are not "unsigned drafts".
    ids.draftOld = await note({ status: 'draft', endedAt: ago(100), serviceDate: '2027-03-11' });
    ids.draftEdge = await note({ status: 'draft', endedAt: ago(72), serviceDate: '2027-03-12' });
    ids.draftNew = await note({ status: 'draft', endedAt: ago(2), serviceDate: '2027-03-15' });
    ids.returned = await note({ status: 'returned', endedAt: ago(80), serviceDate: '2027-03-12' });
    ids.signed = await note({ status: 'signed', endedAt: ago(200), serviceDate: '2027-03-07' });
    ids.pendingOwn = await note({ status: 'pending_cosign', endedAt: ago(90), serviceDate: '2027-03-11', supervisorId: s.otherSupervisor.id });
    // No stop time: due at the end of the service date in the practice's zone (Chicago), plus 72 hours.
    ids.noTimes = await note({ status: 'draft', endedAt: ago(1), serviceDate: '2027-03-10' });
    await t.db.query('UPDATE notes SET started_at = NULL, ended_at = NULL WHERE id = $1', [ids.noTimes]);
    // Someone else's draft never shows in the author's queues.
    ids.colleagueDraft = await aNote(t.db, { patientId: patient, authorId: s.colleague.id, template, status: 'draft', endedAt: ago(200) });
    // The associate's: a note awaiting the supervisor, and an overdue draft.
    ids.assocPending = await aNote(t.db, { patientId: patientOfAssociate, authorId: s.associate.id, template, status: 'pending_cosign', supervisorId: s.supervisor.id, endedAt: ago(30) });
    ids.assocOverdue = await aNote(t.db, { patientId: patientOfAssociate, authorId: s.associate.id, template, status: 'draft', endedAt: ago(73) });
    ids.assocFresh = await aNote(t.db, { patientId: patientOfAssociate, authorId: s.associate.id, template, status: 'draft', endedAt: ago(5) });
  });
  afterAll(() => t.close());

  it("mine_unsigned: the reader's drafts and returned notes, soonest due first, with due times", async () => {
    const r = await queue(c.author, 'mine_unsigned');
    expect(r.statusCode, r.body).toBe(200);
    expect(ids_(r)).toEqual([ids.noTimes, ids.draftOld, ids.returned, ids.draftEdge, ids.draftNew]);
    expect(r.json().total).toBe(5);
    const old = r.json().items.find((i: { id: string }) => i.id === ids.draftOld);
    expect(old).toMatchObject({
      id: ids.draftOld, patientId: patient, patientName: 'Rosa Lind', authorId: s.author.id, templateName: 'DAP progress note', kind: 'progress',
      status: 'draft', serviceDate: '2027-03-11', appointmentId: null, lateEntry: false, addendaCount: 0, signedAt: null,
      dueAt: new Date(Date.parse(ago(100)) + 72 * HOUR).toISOString(), overdue: true,
    });
    // The end of 2027-03-10 in Chicago (CST, UTC-6) is 2027-03-11T06:00Z; 72 hours later:
    expect(r.json().items.find((i: { id: string }) => i.id === ids.noTimes)).toMatchObject({ dueAt: '2027-03-14T06:00:00.000Z', overdue: true });
    const page2 = await queue(c.author, 'mine_unsigned', '&page=2&pageSize=2');
    expect(ids_(page2)).toEqual([ids.returned, ids.draftEdge]);
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    const beyond = await queue(c.author, 'mine_unsigned', '&page=9&pageSize=2');
    expect(beyond.json()).toMatchObject({ items: [], total: 5 });
  });

  it('overdue: unsigned past the due time, oldest first, exactly at the 72-hour edge', async () => {
    // ids.draftEdge ended exactly 72 hours ago: due now, not yet overdue.
    const r = await queue(c.author, 'overdue');
    expect(r.statusCode, r.body).toBe(200);
    expect(ids_(r)).toEqual([ids.noTimes, ids.draftOld, ids.pendingOwn, ids.returned]);
    expect(r.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const edge = (await queue(c.author, 'mine_unsigned')).json().items.find((i: { id: string }) => i.id === ids.draftEdge);
    expect(edge).toMatchObject({ dueAt: NOW.toISOString(), overdue: false });
    t.clock.advance(1);
    try {
      const later = await queue(c.author, 'overdue');
      expect(ids_(later)).toEqual([ids.noTimes, ids.draftOld, ids.pendingOwn, ids.returned, ids.draftEdge]);
      expect((await c.author.get('/api/notes/queue/counts')).json()).toEqual({ mineUnsigned: 5, overdue: 5, cosignInbox: 0, superviseesOverdue: 0 });
    } finally {
      t.clock.set(NOW);
    }
  });

  it('counts for the home page badges', async () => {
    const r = await c.author.get('/api/notes/queue/counts');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ mineUnsigned: 5, overdue: 4, cosignInbox: 0, superviseesOverdue: 0 });
    expect((await c.supervisor.get('/api/notes/queue/counts')).json()).toEqual({ mineUnsigned: 0, overdue: 0, cosignInbox: 1, superviseesOverdue: 1 });
    expect((await c.associate.get('/api/notes/queue/counts')).json()).toEqual({ mineUnsigned: 2, overdue: 1, cosignInbox: 0, superviseesOverdue: 0 });
  });

  it("a supervisor's inbox holds the notes awaiting their co-signature, and their supervisees' overdue notes", async () => {
    const inbox = await queue(c.supervisor, 'cosign_inbox');
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(ids_(inbox)).toEqual([ids.assocPending]);
    expect(inbox.json().items[0]).toMatchObject({ status: 'pending_cosign', authorId: s.associate.id, patientId: patientOfAssociate, overdue: false });
    expect(ids_(await queue(c.supervisor, 'supervisees_overdue'))).toEqual([ids.assocOverdue]);
    // Another supervisor's inbox has the author's pending note, and nobody else's.
    expect(ids_(await queue(c.otherSupervisor, 'cosign_inbox'))).toEqual([ids.pendingOwn]);
    expect(ids_(await queue(c.otherSupervisor, 'supervisees_overdue'))).toEqual([]);
  });

  it('supervisor queues need clinical.cosign; no clinical.read, no queues at all', async () => {
    for (const q of ['cosign_inbox', 'supervisees_overdue']) {
      const r = await queue(c.author, q);
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await queue(c.front, 'mine_unsigned')).statusCode).toBe(403);
    expect((await c.front.get('/api/notes/queue/counts')).statusCode).toBe(403);
    const bad = await queue(c.author, 'everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('queue');
  });

  it('audits each queue read with ids and counts, never names', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'note.queue' AND actor_id = $1`, [s.supervisor.id])).rows[0]!.n;
    await queue(c.supervisor, 'cosign_inbox');
    const rows = (await t.db.query<{ detail: Record<string, unknown>; resource_type: string }>(
      `SELECT detail, resource_type FROM audit_events WHERE action = 'note.queue' AND actor_id = $1 ORDER BY arrival`, [s.supervisor.id],
    )).rows;
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toEqual({ resource_type: 'Note', detail: { queue: 'cosign_inbox', count: 1, noteIds: [ids.assocPending], patientIds: [patientOfAssociate] } });
    const all = JSON.stringify((await t.db.query(`SELECT detail FROM audit_events WHERE action = 'note.queue'`)).rows);
    expect(all).not.toContain('Rosa');
    expect(all).not.toContain('Lind');
  });

  it('an appointment gives the zone for notes without a stop time', async () => {
    const loc = await aLocation(t.db, 'America/Los_Angeles');
    const appt = await anAppointment(t.db, { patientId: patient, clinicianId: s.author.id, locationId: loc, start: '2027-03-09T10:00', timeZone: 'America/Los_Angeles' });
    const id = await aNote(t.db, { patientId: patient, authorId: s.author.id, template, status: 'draft', serviceDate: '2027-03-09', appointmentId: appt, endedAt: ago(1) });
    await t.db.query('UPDATE notes SET started_at = NULL, ended_at = NULL WHERE id = $1', [id]);
    try {
      const item = (await queue(c.author, 'overdue')).json().items.find((i: { id: string }) => i.id === id);
      // The end of 2027-03-09 in Los Angeles (PST, UTC-8) is 2027-03-10T08:00Z; 72 hours later:
      expect(item).toMatchObject({ dueAt: '2027-03-13T08:00:00.000Z', overdue: true });
    } finally {
      await t.db.query('DELETE FROM notes WHERE id = $1', [id]);
    }
  });

  describe('the overdue setting', () => {
    it('anyone on staff reads it; only practice.manage changes it, audited', async () => {
      expect((await c.front.get('/api/notes/settings')).json()).toEqual({ noteOverdueHours: 72 });
      expect((await c.author.get('/api/notes/settings')).json()).toEqual({ noteOverdueHours: 72 });
      const denied = await c.author.request('PUT', '/api/notes/settings', { noteOverdueHours: 24 });
      expect(denied.statusCode).toBe(403);
      for (const bad of [0, 721, 1.5, '24']) {
        const r = await c.admin.request('PUT', '/api/notes/settings', { noteOverdueHours: bad });
        expect(r.statusCode, JSON.stringify(bad)).toBe(400);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['noteOverdueHours']);
      }
      const r = await c.admin.request('PUT', '/api/notes/settings', { noteOverdueHours: 24 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ noteOverdueHours: 24 });
      const audit = (await t.db.query<{ actor_id: string; detail: unknown }>(`SELECT actor_id, detail FROM audit_events WHERE action = 'notes.settings.update'`)).rows;
      expect(audit).toEqual([{ actor_id: s.admin.id, detail: { noteOverdueHours: { from: 72, to: 24 } } }]);
    });

    it('a shorter window makes more notes overdue at once', async () => {
      // With 24 hours, the draft that ended 2 hours ago is still not due; everything else is.
      const r = await queue(c.author, 'overdue');
      expect(ids_(r)).toEqual([ids.noTimes, ids.draftOld, ids.pendingOwn, ids.returned, ids.draftEdge]);
      // A note waiting 30 hours for co-signature is not final: overdue too.
      expect(ids_(await queue(c.supervisor, 'supervisees_overdue'))).toEqual([ids.assocOverdue, ids.assocPending]);
      const fresh = (await queue(c.associate, 'mine_unsigned')).json().items.find((i: { id: string }) => i.id === ids.assocFresh);
      expect(fresh).toMatchObject({ dueAt: new Date(Date.parse(ago(5)) + 24 * HOUR).toISOString(), overdue: false });
      await c.admin.request('PUT', '/api/notes/settings', { noteOverdueHours: 72 });
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aGroup, aLocation, anAppointment, attendanceAt } from './engagement-builders.js';
import { aProblem, aTemplate, anIntervention, icd10, progressDefinition, TEST_CODES } from './documentation-builders.js';
import { notesExtraApp, pdfText } from './notes-extra-support.js';

// Group session notes: the shared sections written once, one note per member marked present (none
// for a no-show), prefilled from the session; facilitators write them for members who are not on
// their caseload; saved with every version checked; signed all at once through the single-note
// signing (gaps named per member, all or none); associates' member notes await co-signature.
const NOW = new Date('2027-03-15T22:00:00Z'); // Monday 17:00 in Chicago; the session ran 10:00-11:30

const groupDefinition = {
  sections: [
    {
      key: 'session', title: 'Group session', scope: 'shared',
      fields: [
        { key: 'topic', label: 'Topic and content', type: 'long_text', required: true },
        { key: 'interventions', label: 'Interventions', type: 'interventions', element: 'interventions' },
      ],
    },
    {
      key: 'member', title: 'Member', scope: 'member',
      fields: [
        { key: 'participation', label: 'Participation', type: 'single_choice', required: true, options: [{ value: 'active', label: 'Active' }, { value: 'minimal', label: 'Minimal' }] },
        { key: 'response', label: 'Response', type: 'long_text', element: 'response' },
        { key: 'plan', label: 'Plan', type: 'long_text', element: 'plan' },
      ],
    },
  ],
};
const SHARED = { session: { topic: 'Distress tolerance: the TIPP skills, practised with cold water', interventions: ['test_dbt'] } };
const member = (participation: string, response = 'Practised the skill and named one use this week') => ({ member: { participation, response, plan: 'Continue weekly group' } });

interface GroupNoteJson {
  id: string;
  version: number;
  status: string;
  sharedContent: Record<string, unknown>;
  members: { id: string; patientId: string; version: number; status: string; content: Record<string, unknown>; encounter: Record<string, unknown>; missing: { field: string }[] }[];
}

describe('group notes', () => {
  let t: TestApp;
  let s: Record<'facilitator' | 'associate' | 'supervisor' | 'primary' | 'front', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let groupTemplate: { id: string; version: number };
  let progressTemplate: { id: string; version: number };
  let loc: string;
  let group: string;
  let session: string;
  const pt: Record<'alpha' | 'bravo' | 'charlie' | 'delta', string> = { alpha: '', bravo: '', charlie: '', delta: '' };
  let gn: GroupNoteJson;

  const put = (cl: Client, id: string, body: unknown) => cl.request('PUT', `/api/group-notes/${id}`, body);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const counts = async () => (await t.db.query<{ notes: number; groups: number; signed: number }>(
    `SELECT (SELECT count(*)::int FROM notes) AS notes, (SELECT count(*)::int FROM group_notes) AS groups, (SELECT count(*)::int FROM note_signatures) AS signed`,
  )).rows[0]!;
  const session_ = async (start: string) => anAppointment(t.db, { groupId: group, patientId: null, clinicianId: s.facilitator.id, locationId: loc, typeCode: 'group', start, minutes: 90 });

  beforeAll(async () => {
    t = await notesExtraApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    s = {
      facilitator: await aStaff(t.db, { roles: ['therapist'] }),
      associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      supervisor,
      primary: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
    };
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_dbt', 'DBT skills training');
    await anIntervention(t.db, 'test_cbt');
    groupTemplate = await aTemplate(t.db, { definition: groupDefinition, kind: 'group', billable: true, name: 'Group therapy note' });
    progressTemplate = await aTemplate(t.db, { definition: progressDefinition(), name: 'DAP progress note' });
    loc = await aLocation(t.db, 'America/Chicago');
    // The members are on another clinician's caseload, not the facilitator's.
    for (const [k, last] of [['alpha', 'Alpha'], ['bravo', 'Bravo'], ['charlie', 'Charlie'], ['delta', 'Delta']] as const) {
      pt[k] = (await aPatient(t.db, { careTeam: [s.primary.id], data: { legalFirstName: 'Member', legalLastName: last } })).id;
      await aProblem(t.db, pt[k], { code: 'F41.1', title: 'Generalized anxiety disorder', primary: true });
    }
    group = await aGroup(t.db, { locationId: loc, clinicianId: s.facilitator.id, members: Object.values(pt).map((patientId) => ({ patientId, enrolledOn: '2027-01-01' })) });
    session = await session_('2027-03-15T10:00');
    await attendanceAt(t.db, session, pt.alpha, 'checked_in');
    await attendanceAt(t.db, session, pt.bravo, 'completed');
    await attendanceAt(t.db, session, pt.charlie, 'checked_in');
    await attendanceAt(t.db, session, pt.delta, 'no_show');
  });
  afterAll(() => t.close());

  describe('starting', () => {
    it('makes one note per member present, prefilled from the session; a no-show gets none', async () => {
      const r = await c.facilitator.post('/api/group-notes', { appointmentId: session, templateId: groupTemplate.id });
      expect(r.statusCode, r.body).toBe(201);
      gn = r.json();
      expect(gn).toMatchObject({ appointmentId: session, groupId: group, groupName: 'Skills group', authorId: s.facilitator.id, templateId: groupTemplate.id, templateVersion: 1, status: 'draft', sharedContent: {}, version: 1 });
      expect(gn.members.map((m) => m.patientId)).toEqual([pt.alpha, pt.bravo, pt.charlie]);
      for (const m of gn.members) {
        expect(m).toMatchObject({
          authorId: s.facilitator.id, appointmentId: session, groupNoteId: gn.id, status: 'draft', kind: 'group', templateName: 'Group therapy note', content: {},
          encounter: {
            serviceDate: '2027-03-15', startTime: '10:00', endTime: '11:30', placeOfService: 'in_person', posCode: '11', participants: [{ role: 'patient' }],
            diagnoses: [{ code: 'F41.1', title: 'Generalized anxiety disorder' }],
          },
        });
        expect(m.missing.map((x) => x.field)).toEqual(expect.arrayContaining(['content.session.topic', 'content.member.participation']));
      }
      expect((await t.db.query('SELECT id FROM notes WHERE patient_id = $1', [pt.delta])).rows).toEqual([]);
      const audit = (await t.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'group_note.create' AND resource_id = $1`, [gn.id])).rows;
      expect(audit).toEqual([{ detail: { appointmentId: session, groupId: group, templateId: groupTemplate.id, templateVersion: 1, members: 3 } }]);
    });

    it('refuses others than facilitators, non-group sessions and templates, a second start, and sessions without attendance; nothing changes', async () => {
      const before = await counts();
      const notFacilitator = await c.primary.post('/api/group-notes', { appointmentId: session, templateId: groupTemplate.id });
      expect(notFacilitator.statusCode).toBe(403);
      expect((await c.front.post('/api/group-notes', { appointmentId: session, templateId: groupTemplate.id })).statusCode).toBe(403);
      const individual = await anAppointment(t.db, { patientId: pt.alpha, clinicianId: s.facilitator.id, locationId: loc, start: '2027-03-12T09:00' });
      const notGroup = await c.facilitator.post('/api/group-notes', { appointmentId: individual, templateId: groupTemplate.id });
      expect(notGroup.statusCode).toBe(400);
      expect(fields(notGroup)).toEqual(['appointmentId']);
      const unknown = await c.facilitator.post('/api/group-notes', { appointmentId: '00000000-0000-4000-8000-000000000000', templateId: groupTemplate.id });
      expect(fields(unknown)).toEqual(['appointmentId']);
      const other = await session_('2027-03-08T10:00');
      await attendanceAt(t.db, other, pt.alpha, 'checked_in');
      const wrongTemplate = await c.facilitator.post('/api/group-notes', { appointmentId: other, templateId: progressTemplate.id });
      expect(wrongTemplate.statusCode).toBe(400);
      expect(fields(wrongTemplate)).toEqual(['templateId']);
      const again = await c.facilitator.post('/api/group-notes', { appointmentId: session, templateId: groupTemplate.id });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'conflict', groupNoteId: gn.id });
      const untaken = await session_('2027-03-01T10:00');
      const noAttendance = await c.facilitator.post('/api/group-notes', { appointmentId: untaken, templateId: groupTemplate.id });
      expect(noAttendance.statusCode).toBe(409);
      expect(fields(noAttendance)).toEqual(['appointmentId']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('reading', () => {
    it('by id or by its session, for the author; others get 404, audited per member', async () => {
      const byId = await c.facilitator.get(`/api/group-notes/${gn.id}`);
      expect(byId.statusCode, byId.body).toBe(200);
      expect((await c.facilitator.get(`/api/appointments/${session}/group-note`)).json()).toEqual(byId.json());
      expect((await c.primary.get(`/api/group-notes/${gn.id}`)).statusCode).toBe(404);
      expect((await c.primary.get(`/api/appointments/${session}/group-note`)).statusCode).toBe(404);
      const individual = await anAppointment(t.db, { patientId: pt.bravo, clinicianId: s.facilitator.id, locationId: loc, start: '2027-03-11T09:00' });
      expect((await c.facilitator.get(`/api/appointments/${individual}/group-note`)).statusCode).toBe(404);
      expect((await c.front.get(`/api/group-notes/${gn.id}`)).statusCode).toBe(403);
      const reads = (await t.db.query<{ patient_id: string }>(
        `SELECT patient_id FROM audit_events WHERE action = 'note.read' AND actor_id = $1 AND detail->>'groupNoteId' = $2`, [s.facilitator.id, gn.id],
      )).rows.map((x) => x.patient_id);
      expect(reads.sort()).toEqual([pt.alpha, pt.bravo, pt.charlie, pt.alpha, pt.bravo, pt.charlie].sort());
      // The author reads each member note on its own too (they wrote it), the member's therapist once signed.
      expect((await c.facilitator.get(`/api/notes/${gn.members[0]!.id}`)).statusCode).toBe(200);
    });
  });

  describe('saving', () => {
    it('writes the shared sections once on the group note and each member part on its note', async () => {
      const [a, b] = gn.members;
      const r = await put(c.facilitator, gn.id, {
        version: 1, sharedContent: SHARED,
        members: [{ noteId: a!.id, version: a!.version, content: member('active') }, { noteId: b!.id, version: b!.version, content: member('minimal'), encounter: { endTime: '11:25' } }],
      });
      expect(r.statusCode, r.body).toBe(200);
      gn = r.json();
      expect(gn).toMatchObject({ version: 2, sharedContent: SHARED });
      expect(gn.members[0]).toMatchObject({ version: 2, content: member('active') });
      expect(gn.members[1]).toMatchObject({ version: 2, content: member('minimal'), encounter: { endTime: '11:25' } });
      expect(gn.members[2]).toMatchObject({ version: 1, content: {} });
      // Stored once: on the group note, never copied into the member notes.
      const stored = (await t.db.query<{ shared_content: unknown }>('SELECT shared_content FROM group_notes WHERE id = $1', [gn.id])).rows[0]!;
      expect(stored.shared_content).toEqual(SHARED);
      const memberContent = (await t.db.query<{ content: Record<string, unknown> }>('SELECT content FROM notes WHERE id = $1', [a!.id])).rows[0]!.content;
      expect(Object.keys(memberContent)).toEqual(['member']);
      // What is missing now is per member: the shared topic is written.
      expect(gn.members[2]!.missing.map((x) => x.field)).not.toContain('content.session.topic');
      expect(gn.members[2]!.missing.map((x) => x.field)).toContain('content.member.participation');
    });

    it('refuses stale versions, foreign notes and content that does not fit, naming each, and changes nothing', async () => {
      const snapshot = async () => (await t.db.query(`SELECT id, version, content, updated_at FROM notes WHERE group_note_id = $1 ORDER BY id`, [gn.id])).rows;
      const before = { notes: await snapshot(), group: (await t.db.query('SELECT version, shared_content FROM group_notes WHERE id = $1', [gn.id])).rows };
      const [a, b, cc] = gn.members;
      const stale = await put(c.facilitator, gn.id, { version: 1, sharedContent: SHARED });
      expect(stale.statusCode).toBe(409);
      const staleMember = await put(c.facilitator, gn.id, { version: gn.version, members: [{ noteId: cc!.id, version: cc!.version }, { noteId: a!.id, version: 1, content: member('active') }] });
      expect(staleMember.statusCode).toBe(409);
      expect(fields(staleMember)).toEqual(['members[1].version']);
      const bad = await put(c.facilitator, gn.id, {
        version: gn.version, sharedContent: { session: { topic: 'ok', bogus: 'x' } },
        members: [{ noteId: a!.id, version: a!.version, content: { member: { participation: 'asleep' } } }, { noteId: b!.id, version: b!.version, content: { session: { topic: 'not here' } } }],
      });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(['sharedContent.session.bogus', 'members[0].content.member.participation', 'members[1].content.session']);
      const foreign = await put(c.facilitator, gn.id, { version: gn.version, members: [{ noteId: '00000000-0000-4000-8000-000000000000', version: 1 }] });
      expect(foreign.statusCode).toBe(400);
      expect(fields(foreign)).toEqual(['members[0].noteId']);
      expect((await put(c.primary, gn.id, { version: gn.version })).statusCode).toBe(404);
      expect({ notes: await snapshot(), group: (await t.db.query('SELECT version, shared_content FROM group_notes WHERE id = $1', [gn.id])).rows }).toEqual(before);
    });
  });

  describe('signing', () => {
    it("names every member's gaps and signs nothing while any remain", async () => {
      const before = await counts();
      const r = await c.facilitator.post(`/api/group-notes/${gn.id}/sign`, { version: gn.version, attestation: true });
      expect(r.statusCode, r.body).toBe(400);
      expect(fields(r)).toEqual(['members[2].content.member.participation', 'members[2].content.member.response', 'members[2].content.member.plan']);
      expect(await counts()).toEqual(before);
      expect((await t.db.query(`SELECT DISTINCT status FROM notes WHERE group_note_id = $1`, [gn.id])).rows).toEqual([{ status: 'draft' }]);
    });

    it('signs all member notes at once: each signed, hashed and locked; the session completed', async () => {
      const cc = gn.members[2]!;
      gn = (await put(c.facilitator, gn.id, { version: gn.version, members: [{ noteId: cc.id, version: cc.version, content: member('active') }] })).json();
      const stale = await c.facilitator.post(`/api/group-notes/${gn.id}/sign`, { version: gn.version - 1, attestation: true });
      expect(stale.statusCode).toBe(409);
      const r = await c.facilitator.post(`/api/group-notes/${gn.id}/sign`, { version: gn.version, attestation: true });
      expect(r.statusCode, r.body).toBe(200);
      gn = r.json();
      expect(gn.status).toBe('signed');
      expect(gn.members.map((m) => m.status)).toEqual(['signed', 'signed', 'signed']);
      const sigs = (await t.db.query<{ note_id: string; kind: string; user_id: string; content_hash: string }>(
        `SELECT s.note_id, s.kind, s.user_id, s.content_hash FROM note_signatures s JOIN notes n ON n.id = s.note_id WHERE n.group_note_id = $1`, [gn.id],
      )).rows;
      expect(sigs).toHaveLength(3);
      for (const m of gn.members) {
        const sig = sigs.find((x) => x.note_id === m.id)!;
        expect(sig).toMatchObject({ kind: 'author', user_id: s.facilitator.id });
        expect(sig.content_hash).toMatch(/^[0-9a-f]{64}$/);
      }
      expect((await t.db.query('SELECT status FROM appointments WHERE id = $1', [session])).rows).toEqual([{ status: 'completed' }]);
      expect((await t.db.query('SELECT id FROM notes WHERE patient_id = $1', [pt.delta])).rows).toEqual([]);
      const audit = (await t.db.query<{ detail: unknown }>(`SELECT detail FROM audit_events WHERE action = 'group_note.sign' AND resource_id = $1`, [gn.id])).rows;
      expect(audit).toEqual([{ detail: { members: 3, signedNow: 3, statuses: { signed: 3 } } }]);
    });

    it('is locked once signed: no edits, no second signature', async () => {
      const edit = await put(c.facilitator, gn.id, { version: gn.version, sharedContent: SHARED });
      expect(edit.statusCode).toBe(409);
      const again = await c.facilitator.post(`/api/group-notes/${gn.id}/sign`, { version: gn.version, attestation: true });
      expect(again.statusCode).toBe(409);
    });

    it("the member's own therapist reads the signed member note; its PDF and search include the shared sections", async () => {
      const m = gn.members[0]!;
      expect((await c.primary.get(`/api/notes/${m.id}`)).statusCode).toBe(200);
      const pdf = await c.primary.get(`/api/notes/${m.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload).replace(/: \n/g, ': ');
      expect(text).toContain('Group session');
      expect(text).toContain('Distress tolerance: the TIPP skills, practised with cold water');
      expect(text).toContain('Interventions: DBT skills training');
      expect(text).toContain('Participation: Active');
      const hits = await c.facilitator.post('/api/notes/search', { q: 'TIPP skills' });
      expect(hits.statusCode, hits.body).toBe(200);
      expect(new Set(hits.json().items.map((i: { id: string }) => i.id))).toEqual(new Set(gn.members.map((x) => x.id)));
      expect(hits.json().items[0].snippet).toContain('«TIPP»');
    });
  });

  it("an associate's member notes go to their supervisor's co-signature inbox", async () => {
    const assocGroup = await aGroup(t.db, { locationId: loc, clinicianId: s.associate.id, members: [{ patientId: pt.alpha, enrolledOn: '2027-01-01' }, { patientId: pt.bravo, enrolledOn: '2027-01-01' }] });
    const appt = await anAppointment(t.db, { groupId: assocGroup, patientId: null, clinicianId: s.associate.id, locationId: loc, typeCode: 'group', start: '2027-03-15T13:00', minutes: 60 });
    await attendanceAt(t.db, appt, pt.alpha, 'checked_in');
    await attendanceAt(t.db, appt, pt.bravo, 'checked_in');
    let g = (await c.associate.post('/api/group-notes', { appointmentId: appt, templateId: groupTemplate.id })).json() as GroupNoteJson;
    g = (await put(c.associate, g.id, { version: g.version, sharedContent: SHARED, members: g.members.map((m) => ({ noteId: m.id, version: m.version, content: member('active') })) })).json();
    const r = await c.associate.post(`/api/group-notes/${g.id}/sign`, { version: g.version, attestation: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().members.map((m: { status: string; supervisorId: string }) => [m.status, m.supervisorId])).toEqual([['pending_cosign', s.supervisor.id], ['pending_cosign', s.supervisor.id]]);
    // Not final: the session stays open until co-signature.
    expect((await t.db.query('SELECT status FROM appointments WHERE id = $1', [appt])).rows).toEqual([{ status: 'scheduled' }]);
    const inbox = await c.supervisor.get('/api/notes/queue?queue=cosign_inbox');
    expect(new Set(inbox.json().items.map((i: { id: string }) => i.id))).toEqual(new Set(g.members.map((m) => m.id)));
    // The supervisor reads the group note (to co-sign its members).
    expect((await c.supervisor.get(`/api/group-notes/${g.id}`)).statusCode).toBe(200);
  });

  it('follows attendance: members marked present later join at the next save, those marked absent leave; signing waits for it', async () => {
    const appt = await session_('2027-03-14T10:00');
    await attendanceAt(t.db, appt, pt.alpha, 'checked_in');
    await attendanceAt(t.db, appt, pt.bravo, 'checked_in');
    let g = (await c.facilitator.post('/api/group-notes', { appointmentId: appt, templateId: groupTemplate.id })).json() as GroupNoteJson;
    expect(g.members.map((m) => m.patientId)).toEqual([pt.alpha, pt.bravo]);
    const bravoNote = g.members[1]!.id;
    await t.db.query(`UPDATE group_attendance SET status = 'no_show' WHERE appointment_id = $1 AND patient_id = $2`, [appt, pt.bravo]);
    await attendanceAt(t.db, appt, pt.charlie, 'completed');
    const early = await c.facilitator.post(`/api/group-notes/${g.id}/sign`, { version: g.version, attestation: true });
    expect(early.statusCode).toBe(409);
    g = (await put(c.facilitator, g.id, { version: g.version, sharedContent: SHARED })).json();
    expect(g.members.map((m) => m.patientId)).toEqual([pt.alpha, pt.charlie]);
    expect((await t.db.query('SELECT id FROM notes WHERE id = $1', [bravoNote])).rows).toEqual([]);
    const discard = (await t.db.query<{ patient_id: string; detail: unknown }>(`SELECT patient_id, detail FROM audit_events WHERE action = 'note.discard' AND resource_id = $1`, [bravoNote])).rows;
    expect(discard).toEqual([{ patient_id: pt.bravo, detail: { groupNoteId: g.id, reason: 'not_present' } }]);
    g = (await put(c.facilitator, g.id, { version: g.version, members: g.members.map((m) => ({ noteId: m.id, version: m.version, content: member('active') })) })).json();
    const r = await c.facilitator.post(`/api/group-notes/${g.id}/sign`, { version: g.version, attestation: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().members.map((m: { patientId: string; status: string }) => [m.patientId, m.status])).toEqual([[pt.alpha, 'signed'], [pt.charlie, 'signed']]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aGroup, aLocation, anAppointment } from './engagement-builders.js';
import { anAllPowerfulToken } from './psychotherapy-leak-support.js';

// Psychotherapy (process) notes: written by a clinician about a patient on their caseload, readable
// and changeable by that clinician alone, audited without their text, and read by no other code.
const NOW = new Date('2027-03-15T17:00:00Z'); // Monday, noon in Chicago

type Who = 'author' | 'colleague' | 'supervisor' | 'clinicalSupervisor' | 'admin' | 'front' | 'biller' | 'stranger';

describe('psychotherapy notes', () => {
  let t: TestApp;
  let s: Record<Who, StaffFixture>;
  let c: Record<Who, Client>;
  let token: Client;
  let patient: string;
  let otherPatient: string;
  let appointment: string;
  let othersAppointment: string;
  let groupSession: string;

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
    const clinicalSupervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    s = {
      supervisor,
      clinicalSupervisor,
      author: await aStaff(t.db, { roles: ['associate'], supervisorId: clinicalSupervisor.id }),
      colleague: await aStaff(t.db, { roles: ['therapist'] }),
      admin: await aStaff(t.db, { roles: ['admin'], mfa: true }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      biller: await aStaff(t.db, { roles: ['biller'] }),
      stranger: await aStaff(t.db, { roles: ['therapist'] }),
    };
    await t.db.query('UPDATE users SET supervisor_id = $2 WHERE id = $1', [s.colleague.id, supervisor.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as Who] = await signedIn(t, v);
    patient = (await aPatient(t.db, { careTeam: [s.author.id, s.colleague.id] })).id;
    otherPatient = (await aPatient(t.db, { careTeam: [s.author.id] })).id;
    const loc = await aLocation(t.db, 'America/Chicago');
    appointment = await anAppointment(t.db, { patientId: patient, clinicianId: s.author.id, locationId: loc, start: '2027-03-12T14:00', status: 'completed' });
    othersAppointment = await anAppointment(t.db, { patientId: otherPatient, clinicianId: s.author.id, locationId: loc, start: '2027-03-12T16:00', status: 'completed' });
    const group = await aGroup(t.db, { locationId: loc, clinicianId: s.author.id, members: [{ patientId: patient, enrolledOn: '2027-01-01' }] });
    groupSession = await anAppointment(t.db, { groupId: group, clinicianId: s.author.id, locationId: loc, typeCode: 'group', start: '2027-03-11T18:00', minutes: 90, status: 'completed' });

    token = new Client(t.app);
    token.bearer = await anAllPowerfulToken(t, s.admin.id);
  });
  afterAll(() => t.close());

  const put = (who: Client, id: string, body: unknown) => who.request('PUT', `/api/psychotherapy-notes/${id}`, body);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const rowOf = async (id: string) => (await t.db.query('SELECT * FROM psychotherapy_notes WHERE id = $1', [id])).rows[0];
  const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM psychotherapy_notes')).rows[0]!.n);

  describe('writing', () => {
    let noteId: string;
    const text = 'Countertransference: I felt protective. Wonder whether the silence is testing me.';

    it('the author writes a note for a session of the patient; it is theirs and audited without its text', async () => {
      const r = await c.author.post('/api/psychotherapy-notes', { patientId: patient, appointmentId: appointment, sessionDate: '2027-03-12', body: `  ${text}\n` });
      expect(r.statusCode, r.body).toBe(201);
      noteId = r.json().id;
      expect(r.json()).toEqual({
        id: noteId, patientId: patient, appointmentId: appointment, sessionDate: '2027-03-12', body: text,
        createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), version: 1,
      });
      expect(await rowOf(noteId)).toMatchObject({ author_id: s.author.id, patient_id: patient, body: text });
      const audit = (await t.db.query('SELECT actor_id, patient_id, resource_type, resource_id, outcome, detail FROM audit_events WHERE action = $1', ['psychotherapy_note.create'])).rows;
      expect(audit).toEqual([{ actor_id: s.author.id, patient_id: patient, resource_type: 'PsychotherapyNote', resource_id: noteId, outcome: 'success', detail: { appointmentId: appointment } }]);
    });

    it('may be written without a session, and for a group session the patient attended as a member', async () => {
      const plain = await c.author.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-15', body: 'Phone call; thoughts afterwards.' });
      expect(plain.statusCode, plain.body).toBe(201);
      expect(plain.json().appointmentId).toBeNull();
      const group = await c.author.post('/api/psychotherapy-notes', { patientId: patient, appointmentId: groupSession, sessionDate: '2027-03-11', body: 'Group dynamics around them.' });
      expect(group.statusCode, group.body).toBe(201);
    });

    it('refuses a patient who is unknown or not on the author’s caseload, with the same answer', async () => {
      const before = await count();
      const notMine = await c.stranger.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-12', body: 'x' });
      const unknown = await c.stranger.post('/api/psychotherapy-notes', { patientId: '00000000-0000-4000-8000-000000000001', sessionDate: '2027-03-12', body: 'x' });
      expect(notMine.statusCode).toBe(400);
      expect(fields(notMine)).toEqual(['patientId']);
      expect({ status: notMine.statusCode, detail: notMine.json().detail }).toEqual({ status: unknown.statusCode, detail: unknown.json().detail });
      expect(await count()).toBe(before);
    });

    it('checks the session: the patient’s own appointment, on its date, and never a future date', async () => {
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{ appointmentId: othersAppointment, sessionDate: '2027-03-12' }, 'appointmentId'],
        [{ appointmentId: '00000000-0000-4000-8000-000000000002', sessionDate: '2027-03-12' }, 'appointmentId'],
        [{ appointmentId: appointment, sessionDate: '2027-03-13' }, 'sessionDate'],
        [{ sessionDate: '2027-03-16' }, 'sessionDate'],
        [{ sessionDate: '2027-02-30' }, 'sessionDate'],
      ];
      for (const [extra, field] of cases) {
        const r = await c.author.post('/api/psychotherapy-notes', { patientId: patient, body: 'Some thoughts.', ...extra });
        expect(r.statusCode, `${JSON.stringify(extra)}: ${r.body}`).toBe(400);
        expect(fields(r), JSON.stringify(extra)).toEqual([field]);
      }
      expect(await count()).toBe(before);
    });

    it('takes up to 50,000 characters; more, blank or unknown fields are a 400 naming the field', async () => {
      const before = await count();
      const long = await c.author.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-10', body: 'a'.repeat(50_000) });
      expect(long.statusCode, long.body.slice(0, 300)).toBe(201);
      const cases: [Record<string, unknown>, string][] = [
        [{ body: 'a'.repeat(50_001) }, 'body'],
        [{ body: '   ' }, 'body'],
        [{ body: 'bell\u0007' }, 'body'],
        [{ body: 'fine', authorId: s.colleague.id }, 'authorId'],
        [{ body: undefined }, 'body'],
      ];
      for (const [extra, field] of cases) {
        const r = await c.author.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-10', ...extra });
        expect(r.statusCode, field).toBe(400);
        expect(fields(r)).toContain(field);
        expect(r.body).not.toContain('aaaaaaaaaa');
      }
      expect(await count()).toBe(before + 1);
    });

    it('the server’s body limit applies before the contract: an oversize request is a 413 and stores nothing', async () => {
      const before = await count();
      const r = await c.author.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-10', body: 'b'.repeat(t.config.BODY_LIMIT_BYTES + 10) });
      expect(r.statusCode).toBe(413);
      expect(await count()).toBe(before);
    });

    it('is written only by a clinician in person: not by an API token, a supervisor without clinical.write or an admin', async () => {
      const before = await count();
      const body = { patientId: patient, sessionDate: '2027-03-12', body: 'x' };
      expect((await token.post('/api/psychotherapy-notes', body)).statusCode).toBe(403);
      expect((await c.supervisor.post('/api/psychotherapy-notes', body)).statusCode).toBe(403);
      expect((await c.admin.post('/api/psychotherapy-notes', body)).statusCode).toBe(403);
      expect((await c.front.post('/api/psychotherapy-notes', body)).statusCode).toBe(403);
      expect(await count()).toBe(before);
    });

    it('the author rewrites it with the version they read; a stale version is a 409 and changes nothing', async () => {
      t.clock.advance(60_000);
      const r = await put(c.author, noteId, { version: 1, body: 'Second thoughts after supervision.' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ id: noteId, body: 'Second thoughts after supervision.', version: 2, createdAt: NOW.toISOString(), updatedAt: new Date(NOW.getTime() + 60_000).toISOString() });
      const stale = await put(c.author, noteId, { version: 1, body: 'Overwrite from an old tab.' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict');
      const over = await put(c.author, noteId, { version: 2, body: 'z'.repeat(50_001) });
      expect(over.statusCode).toBe(400);
      expect(fields(over)).toEqual(['body']);
      expect(await rowOf(noteId)).toMatchObject({ body: 'Second thoughts after supervision.', version: 2 });
      const audit = (await t.db.query('SELECT detail FROM audit_events WHERE action = $1 AND resource_id = $2', ['psychotherapy_note.update', noteId])).rows;
      expect(audit).toEqual([{ detail: { version: 2 } }]);
    });

    it('nobody else can read or change it: every other reader gets the answer for an unknown id', async () => {
      const unknownId = '00000000-0000-4000-8000-0000000000ff';
      const unknown = await c.colleague.get(`/api/psychotherapy-notes/${unknownId}`);
      expect(unknown.statusCode).toBe(404);
      // The patient's other clinician, the author's own supervisor, a therapist off the caseload, and a
      // token with every permission: all hold clinical.write, none is the author.
      for (const [who, client] of [['colleague', c.colleague], ['clinicalSupervisor', c.clinicalSupervisor], ['stranger', c.stranger], ['token', token]] as const) {
        const g = await client.get(`/api/psychotherapy-notes/${noteId}`);
        expect({ status: g.statusCode, detail: g.json().detail }, who).toEqual({ status: 404, detail: unknown.json().detail });
        const p = await put(client, noteId, { version: 2, body: 'Hijacked' });
        expect({ status: p.statusCode, detail: p.json().detail }, who).toEqual({ status: 404, detail: unknown.json().detail });
      }
      // Without clinical.write the route itself is closed.
      for (const who of ['admin', 'supervisor', 'front', 'biller'] as const) {
        expect((await c[who].get(`/api/psychotherapy-notes/${noteId}`)).statusCode, who).toBe(403);
        expect((await put(c[who], noteId, { version: 2, body: 'Hijacked' })).statusCode, who).toBe(403);
      }
      expect(await rowOf(noteId)).toMatchObject({ body: 'Second thoughts after supervision.', version: 2 });
      // Each refused attempt on the real note is on record, for the privacy officer.
      const denied = (await t.db.query<{ actor_id: string; action: string }>(`SELECT actor_id, action FROM audit_events WHERE resource_type = 'PsychotherapyNote' AND outcome = 'denied' ORDER BY seq`)).rows;
      expect(denied).toHaveLength(8);
      expect(new Set(denied.map((d) => d.actor_id))).not.toContain(s.author.id);
    });
  });

  describe('reading', () => {
    const ids: string[] = [];

    beforeAll(async () => {
      // Notes on several days; the colleague keeps one of their own about the same patient.
      for (const day of ['2027-01-05', '2027-02-09', '2027-03-02']) {
        const r = await c.author.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: day, body: `Thoughts of ${day}` });
        ids.push(r.json().id);
      }
      await c.colleague.post('/api/psychotherapy-notes', { patientId: patient, sessionDate: '2027-03-14', body: 'The colleague’s own' });
      await c.author.post('/api/psychotherapy-notes', { patientId: otherPatient, sessionDate: '2027-03-14', body: 'About someone else' });
    });

    it('lists the reader’s own notes about that patient, newest session first, paged', async () => {
      const all = (await c.author.get(`/api/psychotherapy-notes?patientId=${patient}&pageSize=100`)).json();
      const dates = all.items.map((n: { sessionDate: string }) => n.sessionDate);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(all.items.every((n: { patientId: string }) => n.patientId === patient)).toBe(true);
      expect(all.items.map((n: { body: string }) => n.body)).not.toContain('The colleague’s own');
      expect(all.total).toBe(all.items.length);
      const page2 = (await c.author.get(`/api/psychotherapy-notes?patientId=${patient}&page=2&pageSize=2`)).json();
      expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
      expect(page2.items.map((n: { id: string }) => n.id)).toEqual(all.items.slice(2, 4).map((n: { id: string }) => n.id));
      expect(all.items.slice(-3).map((n: { id: string }) => n.id)).toEqual([...ids].reverse());
    });

    it('shows every other reader only their own: the colleague sees theirs, a token and a stranger see none', async () => {
      const colleague = (await c.colleague.get(`/api/psychotherapy-notes?patientId=${patient}`)).json();
      expect(colleague.items.map((n: { body: string }) => n.body)).toEqual(['The colleague’s own']);
      expect(colleague.total).toBe(1);
      for (const who of [c.stranger, c.clinicalSupervisor, token]) {
        const r = await who.get(`/api/psychotherapy-notes?patientId=${patient}`);
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual({ items: [], page: 1, pageSize: 25, total: 0 });
      }
      for (const who of ['admin', 'supervisor', 'front', 'biller'] as const) {
        expect((await c[who].get(`/api/psychotherapy-notes?patientId=${patient}`)).statusCode, who).toBe(403);
      }
    });

    it('needs a valid patientId and page', async () => {
      for (const [q, field] of [['', 'patientId'], ['?patientId=nope', 'patientId'], [`?patientId=${patient}&pageSize=500`, 'pageSize'], [`?patientId=${patient}&q=x`, 'q']]) {
        const r = await c.author.get(`/api/psychotherapy-notes${q}`);
        expect(r.statusCode, q).toBe(400);
        expect(fields(r), q).toContain(field);
      }
    });

    it('audits each read and list with ids and counts, never the text', async () => {
      expect((await c.author.get(`/api/psychotherapy-notes/${ids[0]}`)).json().body).toBe('Thoughts of 2027-01-05');
      const read = (await t.db.query('SELECT actor_id, patient_id, resource_type, outcome FROM audit_events WHERE action = $1 AND resource_id = $2', ['psychotherapy_note.read', ids[0]])).rows;
      expect(read).toEqual([{ actor_id: s.author.id, patient_id: patient, resource_type: 'PsychotherapyNote', outcome: 'success' }]);
      const list = (await t.db.query<{ detail: { count: number; noteIds: string[] } }>('SELECT detail FROM audit_events WHERE action = $1 AND actor_id = $2 ORDER BY seq DESC LIMIT 1', ['psychotherapy_note.list', s.author.id])).rows[0]!;
      expect(list.detail.count).toBe(list.detail.noteIds.length);
      const texts = (await t.db.query<{ body: string }>('SELECT body FROM psychotherapy_notes')).rows.map((r) => r.body.slice(0, 24));
      const audit = (await t.db.query<{ row: string }>('SELECT t::text AS row FROM audit_events t')).rows.map((r) => r.row).join('\n');
      for (const x of texts) expect(audit).not.toContain(x);
    });
  });

  it('no code outside the psychotherapy repository queries the psychotherapy_notes table', () => {
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|sql)$/.test(name) && !p.endsWith(join('documentation', 'psychotherapy.repo.ts'))) {
          if (/\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+psychotherapy_notes\b/i.test(readFileSync(p, 'utf8'))) offenders.push(p.slice(src.length));
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});

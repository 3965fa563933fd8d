import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, anAppointment } from './engagement-builders.js';
import { TEST_CODES, aTemplate, anIntervention, completeProgressContent, icd10, progressDefinition } from './documentation-builders.js';

// Co-signature: an associate's signed note waits for their supervisor, who co-signs it (final, and
// the appointment completes) or returns it with a comment (editable again, signed again). Nobody
// co-signs their own note, and only the supervisor named on the note co-signs it.
const NOW = new Date('2027-03-15T22:00:00Z');

describe('notes co-signature', () => {
  let t: TestApp;
  let s: Record<'supervisor' | 'associate' | 'unsupervised' | 'otherSupervisor' | 'therapist' | 'dual', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let template: { id: string; version: number };
  let patient: string;
  let appt: string;
  let noteId: string;

  const put = (cl: Client, id: string, body: unknown) => cl.request('PUT', `/api/notes/${id}`, body);
  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const row = async (id: string) => (await t.db.query('SELECT n::text AS row FROM notes n WHERE id = $1', [id])).rows[0];
  const apptStatus = async () => (await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [appt])).rows[0]!.status;

  /** A complete draft by `who`, signed; returns its id (pending co-signature for associates). */
  const signedDraft = async (who: Client, extra: Record<string, unknown> = {}) => {
    const created = await who.post('/api/notes', { patientId: patient, templateId: template.id, encounter: { startTime: '09:00', endTime: '09:50', participants: [{ role: 'patient' }] }, ...extra });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await put(who, id, { version: 1, content: completeProgressContent() })).statusCode).toBe(200);
    const signed = await who.post(`/api/notes/${id}/sign`, { version: 2, attestation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor'] });
    s = {
      supervisor,
      associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      unsupervised: await aStaff(t.db, { roles: ['associate'] }),
      otherSupervisor: await aStaff(t.db, { roles: ['supervisor', 'therapist'] }),
      therapist: await aStaff(t.db, { roles: ['therapist'] }),
      // Supervises others and is supervised: may co-sign, but never their own note.
      dual: await aStaff(t.db, { roles: ['associate', 'supervisor'], supervisorId: supervisor.id }),
    };
    await t.db.query(`UPDATE users SET first_name = 'Ines', last_name = 'Park', credentials = 'PhD, LP' WHERE id = $1`, [s.supervisor.id]);
    await t.db.query(`UPDATE users SET first_name = 'Leo', last_name = 'Marsh', credentials = 'LMSW' WHERE id = $1`, [s.associate.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt');
    template = await aTemplate(t.db, { definition: progressDefinition(), billable: true, kind: 'progress' });
    const loc = await aLocation(t.db, 'America/Chicago');
    patient = (await aPatient(t.db, { careTeam: [s.associate.id, s.unsupervised.id, s.otherSupervisor.id, s.therapist.id, s.dual.id] })).id;
    await t.db.query(`INSERT INTO patient_problems(id, patient_id, code, title, is_primary) VALUES (gen_random_uuid(), $1, 'F41.1', 'Generalized anxiety disorder', true)`, [patient]);
    appt = await anAppointment(t.db, { patientId: patient, clinicianId: s.associate.id, locationId: loc, start: '2027-03-15T15:00', minutes: 53 });
  });
  afterAll(() => t.close());

  it('an associate\u2019s note is marked for co-signature from the start, and signing leaves it pending, locked and not final', async () => {
    const created = await c.associate.post('/api/notes', { patientId: patient, templateId: template.id, appointmentId: appt });
    expect(created.statusCode, created.body).toBe(201);
    noteId = created.json().id;
    expect(created.json()).toMatchObject({ cosignRequired: true, supervisorId: s.supervisor.id, supervisorName: 'Ines Park' });
    expect((await put(c.associate, noteId, { version: 1, content: completeProgressContent() })).statusCode).toBe(200);
    const r = await c.associate.post(`/api/notes/${noteId}/sign`, { version: 2, attestation: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'pending_cosign', cosignRequired: true, supervisorId: s.supervisor.id, signedAt: NOW.toISOString(), finalizedAt: null, version: 3 });
    expect(r.json().signatures).toMatchObject([{ kind: 'author', userId: s.associate.id, signerName: 'Leo Marsh', credentials: 'LMSW' }]);
    expect(await apptStatus()).toBe('scheduled');
    const edit = await put(c.associate, noteId, { version: 3, content: {} });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toBe('Signed notes cannot be edited; add an addendum.');
  });

  it('the supervisor sees it; colleagues do not until it is final', async () => {
    expect((await c.supervisor.get(`/api/notes/${noteId}`)).statusCode).toBe(200);
    expect((await c.therapist.get(`/api/notes/${noteId}`)).statusCode).toBe(404);
    const list = (await c.therapist.get(`/api/patients/${patient}/notes`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(noteId);
    const theirs = (await c.supervisor.get(`/api/patients/${patient}/notes?status=pending_cosign`)).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).toEqual([noteId]);
  });

  it('an associate without a supervisor cannot sign, and is told why', async () => {
    const created = await c.unsupervised.post('/api/notes', { patientId: patient, templateId: template.id, encounter: { startTime: '09:00', endTime: '09:50', participants: [{ role: 'patient' }] } });
    expect((await put(c.unsupervised, created.json().id, { version: 1, content: completeProgressContent() })).statusCode).toBe(200);
    const before = await row(created.json().id);
    const r = await c.unsupervised.post(`/api/notes/${created.json().id}/sign`, { version: 2, attestation: true });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ field: 'supervisor', message: 'Your notes need a co-signature: ask an admin to name your supervisor' }]);
    expect(await row(created.json().id)).toEqual(before);
  });

  it('refuses co-signature by anyone but the note\u2019s supervisor, changing nothing', async () => {
    const before = await row(noteId);
    expect((await c.therapist.post(`/api/notes/${noteId}/cosign`, { version: 3 })).statusCode).toBe(403);
    const other = await c.otherSupervisor.post(`/api/notes/${noteId}/cosign`, { version: 3 });
    expect(other.statusCode).toBe(404);
    expect((await c.associate.post(`/api/notes/${noteId}/cosign`, { version: 3 })).statusCode).toBe(403);
    expect((await c.supervisor.post(`/api/notes/${noteId}/cosign`, { version: 2 })).statusCode).toBe(409);
    expect(await row(noteId)).toEqual(before);
    expect(await apptStatus()).toBe('scheduled');
  });

  it('nobody co-signs or returns their own note', async () => {
    const own = await signedDraft(c.dual);
    const before = await row(own);
    for (const action of ['cosign', 'return']) {
      const r = await c.dual.post(`/api/notes/${own}/${action}`, action === 'cosign' ? { version: 3 } : { version: 3, comment: 'Looks fine' });
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json().detail).toBe(action === 'cosign' ? 'You cannot co-sign your own note.' : 'You cannot return your own note.');
    }
    expect(await row(own)).toEqual(before);
  });

  it('the supervisor returns it with a comment: editable again, the signature kept in the history', async () => {
    const empty = await c.supervisor.post(`/api/notes/${noteId}/return`, { version: 3, comment: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['comment']);
    t.clock.advance(120_000);
    const r = await c.supervisor.post(`/api/notes/${noteId}/return`, { version: 3, comment: 'Add the safety plan you discussed to the plan.' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'returned', signedAt: null, contentHash: null, finalizedAt: null, version: 4 });
    expect(r.json().signatures.map((x: { kind: string; comment: string | null; signerName: string }) => [x.kind, x.signerName, x.comment])).toEqual([
      ['author', 'Leo Marsh', null],
      ['returned', 'Ines Park', 'Add the safety plan you discussed to the plan.'],
    ]);
    const audit = (await t.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE action = 'note.return' AND resource_id = $1`, [noteId])).rows;
    expect(audit).toEqual([{ detail: { status: 'returned', commentLength: 46 } }]);
    // Returned, not pending: co-signing it now is a conflict.
    expect((await c.supervisor.post(`/api/notes/${noteId}/cosign`, { version: 4 })).statusCode).toBe(409);
  });

  it('the author corrects and signs again; the supervisor co-signs: final, and the appointment completes', async () => {
    const content = completeProgressContent();
    const fixed = await put(c.associate, noteId, { version: 4, content: { ...content, plan: { plan: 'Continue weekly CBT; safety plan reviewed and copy given.' } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resigned = await c.associate.post(`/api/notes/${noteId}/sign`, { version: 5, attestation: true });
    expect(resigned.json()).toMatchObject({ status: 'pending_cosign', version: 6 });
    t.clock.advance(120_000);
    const r = await c.supervisor.post(`/api/notes/${noteId}/cosign`, { version: 6 });
    expect(r.statusCode, r.body).toBe(200);
    const n = r.json();
    const at = new Date(NOW.getTime() + 2 * 120_000).toISOString();
    expect(n).toMatchObject({ status: 'signed', finalizedAt: at, signedAt: new Date(NOW.getTime() + 120_000).toISOString(), version: 7 });
    expect(n.signatures.map((x: { kind: string }) => x.kind)).toEqual(['author', 'returned', 'author', 'cosign']);
    expect(n.signatures[3]).toMatchObject({ userId: s.supervisor.id, signerName: 'Ines Park', credentials: 'PhD, LP', signedAt: at, contentHash: n.contentHash });
    expect(n.signatures[2].contentHash).toBe(n.contentHash);
    expect(await apptStatus()).toBe('completed');
    // Final now: the care team reads it; it cannot be co-signed or returned again.
    expect((await c.therapist.get(`/api/notes/${noteId}`)).statusCode).toBe(200);
    expect((await c.supervisor.post(`/api/notes/${noteId}/cosign`, { version: 7 })).statusCode).toBe(409);
    expect((await c.supervisor.post(`/api/notes/${noteId}/return`, { version: 7, comment: 'x' })).statusCode).toBe(409);
    const audit = (await t.db.query<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_events WHERE resource_id = $1 AND action LIKE 'note.%' AND action <> 'note.read' ORDER BY arrival`, [noteId])).rows;
    expect(audit.map((a) => a.action)).toEqual(['note.create', 'note.save', 'note.sign', 'note.return', 'note.save', 'note.sign', 'note.cosign']);
    expect(audit.at(-1)!.actor_id).toBe(s.supervisor.id);
  });

  it('a supervisor adds no addenda (no clinical.write), but reads the final note', async () => {
    expect((await c.supervisor.post(`/api/notes/${noteId}/addenda`, { reason: 'clarification', body: 'x' })).statusCode).toBe(403);
    expect((await c.supervisor.get(`/api/notes/${noteId}`)).json().status).toBe('signed');
  });
});

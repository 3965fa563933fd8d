import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aLocation, anAppointment } from './engagement-builders.js';
import {
  TEST_CODES, aNote, aProblem, aTemplate, anIntervention, completeProgressContent, icd10, progressDefinition, RISK_LOW,
} from './documentation-builders.js';
import { loadNoteRow } from '../src/modules/documentation/notes.repo.js';
import { hashOf } from '../src/modules/documentation/signing.js';

// A note's life: started from an appointment (linked and prefilled), autosaved with optimistic
// concurrency, refused at signing until every required element is there, signed (hash, signer,
// credentials) and locked, completed appointment, addenda beneath, late entries, copy forward, the
// chart's list, and who may read at all.
const NOW = new Date('2027-03-15T22:00:00Z'); // Monday 17:00 in Chicago, after a 15:00 session

describe('notes lifecycle', () => {
  let t: TestApp;
  let s: Record<'author' | 'colleague' | 'stranger' | 'front' | 'admin' | 'biller', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let template: { id: string; version: number };
  let loc: string;
  let patient: string;
  let other: string;
  let appt: string;
  let noteId: string;
  let signedId: string;

  const fields = (r: { json(): { errors?: { field: string }[] } }) => (r.json().errors ?? []).map((e) => e.field);
  const put = (cl: Client, id: string, body: unknown) => cl.request('PUT', `/api/notes/${id}`, body);
  const audits = async (action: string, resourceId?: string) =>
    (await t.db.query<{ actor_id: string; patient_id: string; detail: Record<string, unknown> }>(
      `SELECT actor_id, patient_id, detail FROM audit_events WHERE action = $1 AND ($2::text IS NULL OR resource_id = $2::text) ORDER BY arrival`, [action, resourceId ?? null],
    )).rows;

  beforeAll(async () => {
    t = await testApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    s = {
      author: await aStaff(t.db, { roles: ['therapist'] }),
      colleague: await aStaff(t.db, { roles: ['therapist'] }),
      stranger: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
      admin: await aStaff(t.db, { roles: ['admin'], mfa: true }),
      biller: await aStaff(t.db, { roles: ['biller'] }),
    };
    await t.db.query(`UPDATE users SET first_name = 'Dana', last_name = 'Reyes', credentials = 'LCSW' WHERE id = $1`, [s.author.id]);
    await t.db.query(`UPDATE users SET first_name = 'Sam', last_name = 'Okafor', credentials = 'LPC' WHERE id = $1`, [s.colleague.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt', 'Cognitive restructuring (test)');
    template = await aTemplate(t.db, { definition: progressDefinition(), billable: true, kind: 'progress', name: 'DAP progress note' });
    loc = await aLocation(t.db, 'America/Chicago');
    await t.db.query(`UPDATE locations SET place_of_service = '53' WHERE id = $1`, [loc]);
    patient = (await aPatient(t.db, { careTeam: [s.author.id, s.colleague.id], data: { legalFirstName: 'Rosa', legalLastName: 'Lind' } })).id;
    other = (await aPatient(t.db, { careTeam: [s.stranger.id] })).id;
    await aProblem(t.db, patient, { code: 'F41.1', title: 'Generalized anxiety disorder', addedAt: '2026-01-01T00:00:00Z' });
    await aProblem(t.db, patient, { code: 'F32.1', title: 'Major depressive disorder, single episode, moderate', primary: true, addedAt: '2026-02-01T00:00:00Z' });
    await aProblem(t.db, patient, { code: 'Z63.0', title: 'Problems in relationship with spouse or partner', status: 'resolved' });
    appt = await anAppointment(t.db, { patientId: patient, clinicianId: s.author.id, locationId: loc, start: '2027-03-15T15:00', minutes: 53, typeCode: 'individual-53' });
  });
  afterAll(() => t.close());

  describe('starting a note', () => {
    it('from an appointment: linked, with date, times, place of service, the patient present and the active problems, primary first', async () => {
      const r = await c.author.post('/api/notes', { patientId: patient, templateId: template.id, appointmentId: appt });
      expect(r.statusCode, r.body).toBe(201);
      const n = r.json();
      noteId = n.id;
      expect(n).toMatchObject({
        patientId: patient, patientName: 'Rosa Lind', authorId: s.author.id, authorName: 'Dana Reyes', templateId: template.id, templateVersion: 1,
        templateName: 'DAP progress note', kind: 'progress', billable: true, status: 'draft', appointmentId: appt, groupNoteId: null,
        encounter: {
          serviceDate: '2027-03-15', startTime: '15:00', endTime: '15:53', timeZone: 'America/Chicago', placeOfService: 'in_person', posCode: '53',
          telehealthMode: null, patientLocation: null, participants: [{ role: 'patient' }],
          diagnoses: [{ code: 'F32.1', title: 'Major depressive disorder, single episode, moderate' }, { code: 'F41.1', title: 'Generalized anxiety disorder' }],
        },
        content: {}, enabledSections: [], carriedForward: [], copiedFrom: null, cosignRequired: false, supervisorId: null, lateEntry: false,
        contentHash: null, signedAt: null, finalizedAt: null, signatures: [], addenda: [], version: 1,
      });
      expect(n.definition.sections.map((x: { key: string }) => x.key)).toEqual(['data', 'assessment', 'plan', 'psychotherapy']);
      expect(n.missing.map((m: { field: string }) => m.field)).toEqual(['content.data.subjective', 'content.data.interventions', 'content.assessment.response', 'content.plan.plan', 'content.assessment.goals']);
      expect(await audits('note.create', noteId)).toEqual([{ actor_id: s.author.id, patient_id: patient, detail: expect.objectContaining({ appointmentId: appt, templateVersion: 1 }) }]);
      // The schedule's view of the session: its note and state.
      const summary = await c.author.get(`/api/appointments/${appt}/note`);
      expect(summary.statusCode, summary.body).toBe(200);
      expect(summary.json()).toMatchObject({ id: noteId, status: 'draft', serviceDate: '2027-03-15', overdue: false, dueAt: '2027-03-18T20:53:00.000Z' });
    });

    it('one note per appointment: a second start answers 409 with the existing note id', async () => {
      const before = await t.db.query('SELECT count(*)::int AS n FROM notes');
      const r = await c.colleague.post('/api/notes', { patientId: patient, templateId: template.id, appointmentId: appt });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toMatchObject({ code: 'conflict', noteId });
      expect((await t.db.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual(before.rows);
    });

    it('a telehealth appointment is prefilled as telehealth from home (POS 10)', async () => {
      const tele = await anAppointment(t.db, { patientId: patient, clinicianId: s.author.id, locationId: loc, start: '2027-03-16T09:00', minutes: 45, telehealth: true });
      const r = await c.author.post('/api/notes', { patientId: patient, templateId: template.id, appointmentId: tele });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().encounter).toMatchObject({ serviceDate: '2027-03-16', startTime: '09:00', endTime: '09:45', placeOfService: 'telehealth', posCode: '10' });
    });

    it('refuses a patient off the caseload, an unknown template and another patient\u2019s appointment, naming each', async () => {
      const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes')).rows[0]!.n;
      const off = await c.author.post('/api/notes', { patientId: other, templateId: template.id });
      expect(off.statusCode).toBe(400);
      expect(fields(off)).toEqual(['patientId']);
      const unknown = await c.author.post('/api/notes', { patientId: patient, templateId: '00000000-0000-4000-8000-000000000001' });
      expect(fields(unknown)).toEqual(['templateId']);
      const otherAppt = await anAppointment(t.db, { patientId: other, clinicianId: s.stranger.id, locationId: loc, start: '2027-03-15T09:00' });
      const wrong = await c.author.post('/api/notes', { patientId: patient, templateId: template.id, appointmentId: otherAppt });
      expect(wrong.statusCode).toBe(400);
      expect(fields(wrong)).toEqual(['appointmentId']);
      expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes')).rows[0]!.n).toBe(before);
    });
  });

  describe('autosave', () => {
    it('saves the whole draft and bumps the version; a stale version is a 409 that changes nothing', async () => {
      const r = await put(c.author, noteId, { version: 1, content: { data: { subjective: 'Slept better', mood: 'stable' } }, encounter: { psychotherapyMinutes: 53 } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: 2, content: { data: { subjective: 'Slept better', mood: 'stable' } }, encounter: { psychotherapyMinutes: 53, startTime: '15:00' } });
      const stale = await put(c.author, noteId, { version: 1, content: { data: { subjective: 'Overwritten by a stale tab' } } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict');
      const now = (await c.author.get(`/api/notes/${noteId}`)).json();
      expect(now).toMatchObject({ version: 2, content: { data: { subjective: 'Slept better' } } });
      // The audit row says what was saved, not what it says.
      const saves = await audits('note.save', noteId);
      expect(saves).toHaveLength(1);
      expect(saves[0]!.detail).toEqual({ fields: ['content', 'encounter'], status: 'draft', carried: 0 });
      expect(JSON.stringify(saves)).not.toContain('Slept');
    });

    it('only the author edits a draft; colleagues do not even see it', async () => {
      expect((await c.colleague.get(`/api/notes/${noteId}`)).statusCode).toBe(404);
      expect((await put(c.colleague, noteId, { version: 2, content: {} })).statusCode).toBe(404);
    });
  });

  describe('signing', () => {
    it('names every missing element and changes nothing', async () => {
      const before = (await c.author.get(`/api/notes/${noteId}`)).json();
      const r = await c.author.post(`/api/notes/${noteId}/sign`, { version: 2, attestation: true });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors).toEqual([
        { field: 'content.data.interventions', message: 'Interventions is required' },
        { field: 'content.assessment.response', message: 'Response to treatment is required' },
        { field: 'content.plan.plan', message: 'Plan is required' },
        { field: 'content.assessment.goals', message: 'Goal progress is required' },
      ]);
      const after = (await c.author.get(`/api/notes/${noteId}`)).json();
      expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
      expect(after.version).toBe(2);
      expect(await audits('note.sign', noteId)).toEqual([]);
    });

    it('a draft without diagnoses, times or participants lists those too', async () => {
      const bare = await c.author.post('/api/notes', { patientId: patient, templateId: template.id, encounter: { diagnoses: [], participants: [] } });
      expect(bare.statusCode, bare.body).toBe(201);
      const r = await c.author.post(`/api/notes/${bare.json().id}/sign`, { version: 1, attestation: true });
      expect(r.statusCode).toBe(400);
      expect(fields(r)).toEqual([
        'encounter.diagnoses', 'encounter.startTime', 'encounter.endTime', 'encounter.participants', 'content.data.subjective', 'content.data.interventions',
        'content.assessment.response', 'content.plan.plan', 'content.assessment.goals',
      ]);
    });

    it('signs: records signer, credentials, time and hash, locks the note and completes the appointment', async () => {
      const content = { ...completeProgressContent(), data: { ...completeProgressContent().data, next_date: '2027-03-22' } };
      const saved = await put(c.author, noteId, { version: 2, content });
      expect(saved.json().missing).toEqual([]);
      const r = await c.author.post(`/api/notes/${noteId}/sign`, { version: 3, attestation: true });
      expect(r.statusCode, r.body).toBe(200);
      const n = r.json();
      expect(n).toMatchObject({ status: 'signed', signedAt: NOW.toISOString(), finalizedAt: NOW.toISOString(), lateEntry: false, missing: [], version: 4 });
      expect(n.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(n.signatures).toEqual([{ kind: 'author', userId: s.author.id, signerName: 'Dana Reyes', credentials: 'LCSW', signedAt: NOW.toISOString(), contentHash: n.contentHash, comment: null }]);
      // Anyone can recompute the hash from the stored note.
      expect(hashOf((await loadNoteRow(t.db, noteId))!)).toBe(n.contentHash);
      const a = (await t.db.query<{ status: string; version: number; status_changed_by: string }>('SELECT status, version, status_changed_by FROM appointments WHERE id = $1', [appt])).rows[0]!;
      expect(a).toEqual({ status: 'completed', version: 2, status_changed_by: s.author.id });
      const ev = (await t.db.query<{ from_status: string; to_status: string }>(`SELECT from_status, to_status FROM appointment_events WHERE appointment_id = $1`, [appt])).rows;
      expect(ev).toEqual([{ from_status: 'scheduled', to_status: 'completed' }]);
      expect(await audits('note.sign', noteId)).toEqual([{ actor_id: s.author.id, patient_id: patient, detail: { status: 'signed', lateEntry: false, cosignRequired: false } }]);
      expect((await audits('appointment.status', appt)).map((x) => x.detail)).toEqual([{ from: 'scheduled', to: 'completed', via: 'note' }]);
      signedId = noteId;
    });

    it('a signed note cannot be edited or signed again, and nothing changes', async () => {
      const before = (await t.db.query('SELECT n::text AS row FROM notes n WHERE id = $1', [signedId])).rows[0];
      const sigs = (await t.db.query('SELECT count(*)::int AS n FROM note_signatures WHERE note_id = $1', [signedId])).rows[0];
      const edit = await put(c.author, signedId, { version: 4, content: { data: { subjective: 'Changed after signing' } } });
      expect(edit.statusCode).toBe(409);
      expect(edit.json()).toMatchObject({ code: 'conflict', detail: 'Signed notes cannot be edited; add an addendum.', reason: 'locked' });
      const again = await c.author.post(`/api/notes/${signedId}/sign`, { version: 4, attestation: true });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('This note is already signed.');
      expect((await t.db.query('SELECT n::text AS row FROM notes n WHERE id = $1', [signedId])).rows[0]).toEqual(before);
      expect((await t.db.query('SELECT count(*)::int AS n FROM note_signatures WHERE note_id = $1', [signedId])).rows[0]).toEqual(sigs);
    });

    it('a note signed after the practice\u2019s 72 hours is labelled a late entry', async () => {
      const late = await c.author.post('/api/notes', {
        patientId: patient, templateId: template.id,
        encounter: { serviceDate: '2027-03-10', startTime: '10:00', endTime: '10:50', participants: [{ role: 'patient' }] },
      });
      expect(late.statusCode, late.body).toBe(201);
      expect((await put(c.author, late.json().id, { version: 1, content: completeProgressContent() })).statusCode).toBe(200);
      // Due 72 hours after 10:50 Chicago time on the 10th (16:50 UTC, still standard time): the 13th, 16:50 UTC.
      const summary = (await c.author.get(`/api/patients/${patient}/notes?status=draft`)).json().items.find((i: { id: string }) => i.id === late.json().id);
      expect(summary).toMatchObject({ overdue: true, dueAt: '2027-03-13T16:50:00.000Z', lateEntry: false });
      const r = await c.author.post(`/api/notes/${late.json().id}/sign`, { version: 2, attestation: true });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'signed', lateEntry: true });
      const listed = (await c.author.get(`/api/patients/${patient}/notes`)).json().items.find((i: { id: string }) => i.id === late.json().id);
      expect(listed).toMatchObject({ lateEntry: true, overdue: false, status: 'signed' });
    });
  });

  describe('addenda', () => {
    it('are signed, dated and shown beneath the note, by any clinician of the patient', async () => {
      const r = await c.author.post(`/api/notes/${signedId}/addenda`, { reason: 'correction', body: 'The PHQ-9 was 12, not 21.' });
      expect(r.statusCode, r.body).toBe(201);
      t.clock.advance(60_000);
      const r2 = await c.colleague.post(`/api/notes/${signedId}/addenda`, { reason: 'additional_information', body: 'Spoke with the patient by phone the next day.' });
      expect(r2.statusCode, r2.body).toBe(201);
      const n = r2.json();
      expect(n.status).toBe('signed');
      expect(n.addenda).toEqual([
        { id: expect.any(String), authorId: s.author.id, signerName: 'Dana Reyes', credentials: 'LCSW', reason: 'correction', body: 'The PHQ-9 was 12, not 21.', signedAt: NOW.toISOString(), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { id: expect.any(String), authorId: s.colleague.id, signerName: 'Sam Okafor', credentials: 'LPC', reason: 'additional_information', body: 'Spoke with the patient by phone the next day.', signedAt: new Date(NOW.getTime() + 60_000).toISOString(), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
      // The note itself is unchanged (its hash still verifies).
      expect(hashOf((await loadNoteRow(t.db, signedId))!)).toBe(n.contentHash);
      expect((await audits('note.addendum', signedId)).map((a) => a.detail.reason)).toEqual(['correction', 'additional_information']);
      expect(JSON.stringify(await audits('note.addendum', signedId))).not.toContain('PHQ');
      const summary = (await c.author.get(`/api/patients/${patient}/notes`)).json().items.find((i: { id: string }) => i.id === signedId);
      expect(summary.addendaCount).toBe(2);
    });

    it('are refused on drafts (edit the draft), and for a clinician without the patient', async () => {
      const draft = (await c.author.post('/api/notes', { patientId: patient, templateId: template.id })).json();
      const r = await c.author.post(`/api/notes/${draft.id}/addenda`, { reason: 'correction', body: 'x' });
      expect(r.statusCode).toBe(409);
      expect((await c.stranger.post(`/api/notes/${signedId}/addenda`, { reason: 'correction', body: 'x' })).statusCode).toBe(404);
      expect((await c.front.post(`/api/notes/${signedId}/addenda`, { reason: 'correction', body: 'x' })).statusCode).toBe(403);
      expect((await t.db.query('SELECT count(*)::int AS n FROM note_addenda WHERE note_id = ANY($1::uuid[])', [[draft.id, signedId]])).rows[0]).toEqual({ n: 2 });
    });
  });

  describe('copy forward', () => {
    it('copies the previous signed note of the template except dates, marking fields until edited', async () => {
      const r = await c.author.post('/api/notes', { patientId: patient, templateId: template.id, copyForward: true });
      expect(r.statusCode, r.body).toBe(201);
      const n = r.json();
      // The newest signed note by date of service (the 15th), not the late entry signed after it (the 10th).
      expect(n.copiedFrom).toBe(signedId);
      const expected = completeProgressContent();
      expect(n.content).toEqual(expected);
      expect(n.content.data.next_date).toBeUndefined();
      expect(n.carriedForward).toEqual(['data.subjective', 'data.mood', 'data.interventions', 'assessment.response', 'assessment.goals', 'assessment.risk', 'plan.plan']);
      const edited = await put(c.author, n.id, { version: 1, content: { ...expected, data: { ...expected.data, subjective: 'New this week: started a job' } } });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().carriedForward).toEqual(['data.mood', 'data.interventions', 'assessment.response', 'assessment.goals', 'assessment.risk', 'plan.plan']);
      // Typing the old words back does not make them "carried" again; reordered keys of a value do not unmark it.
      const back = await put(c.author, n.id, {
        version: 2,
        content: { ...expected, assessment: { ...expected.assessment, risk: Object.fromEntries(Object.entries(RISK_LOW).reverse()) } },
      });
      expect(back.json().carriedForward).toEqual(['data.mood', 'data.interventions', 'assessment.response', 'assessment.goals', 'assessment.risk', 'plan.plan']);
      expect(back.json().content.data.subjective).toBe(expected.data!.subjective);
      expect((await audits('note.create', n.id))[0]!.detail).toMatchObject({ copiedFrom: signedId, carried: 7 });
    });

    it('without a previous signed note there is nothing to copy', async () => {
      const fresh = await aTemplate(t.db, { definition: progressDefinition(), kind: 'progress' });
      const r = await c.author.post('/api/notes', { patientId: patient, templateId: fresh.id, copyForward: true });
      expect(r.json()).toMatchObject({ copiedFrom: null, carriedForward: [], content: {} });
    });
  });

  describe('reading', () => {
    it('front desk, admins and billers never read notes', async () => {
      for (const who of ['front', 'admin', 'biller'] as const) {
        for (const url of [`/api/notes/${signedId}`, `/api/patients/${patient}/notes`, `/api/appointments/${appt}/note`]) {
          const r = await c[who].get(url);
          expect(r.statusCode, `${who} ${url}`).toBe(403);
          expect(r.body).not.toContain('Slept better');
        }
      }
    });

    it('a clinician without the patient gets the same 404 as for an unknown note', async () => {
      const r = await c.stranger.get(`/api/notes/${signedId}`);
      const unknown = await c.stranger.get('/api/notes/00000000-0000-4000-8000-000000000000');
      expect([r.statusCode, r.json().detail]).toEqual([unknown.statusCode, unknown.json().detail]);
      expect(r.statusCode).toBe(404);
      expect((await c.stranger.get(`/api/patients/${patient}/notes`)).statusCode).toBe(404);
      expect((await c.stranger.get(`/api/appointments/${appt}/note`)).statusCode).toBe(404);
    });

    it('colleagues read signed notes (audited) but not others\u2019 drafts', async () => {
      const r = await c.colleague.get(`/api/notes/${signedId}`);
      expect(r.statusCode).toBe(200);
      expect(await audits('note.read', signedId)).toContainEqual({ actor_id: s.colleague.id, patient_id: patient, detail: { status: 'signed' } });
      const list = (await c.colleague.get(`/api/patients/${patient}/notes`)).json();
      expect(list.items.every((i: { status: string }) => i.status === 'signed')).toBe(true);
      const mine = (await c.author.get(`/api/patients/${patient}/notes`)).json();
      expect(mine.total).toBeGreaterThan(list.total);
    });

    it('lists the chart newest first, filtered and paged, with one audit row per page', async () => {
      const all = (await c.author.get(`/api/patients/${patient}/notes?pageSize=100`)).json();
      const dates = all.items.map((i: { serviceDate: string }) => i.serviceDate);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(all.items[0]).toMatchObject({ patientName: 'Rosa Lind', authorName: 'Dana Reyes', templateName: 'DAP progress note', kind: 'progress' });
      const signed = (await c.author.get(`/api/patients/${patient}/notes?status=signed`)).json();
      expect(signed.items.map((i: { status: string }) => i.status)).toEqual(signed.items.map(() => 'signed'));
      expect(signed.total).toBe(2);
      expect((await c.author.get(`/api/patients/${patient}/notes?kind=crisis`)).json()).toMatchObject({ items: [], total: 0 });
      const p2 = (await c.author.get(`/api/patients/${patient}/notes?pageSize=2&page=2`)).json();
      expect(p2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
      expect(p2.items.map((i: { id: string }) => i.id)).toEqual(all.items.slice(2, 4).map((i: { id: string }) => i.id));
      expect((await c.author.get(`/api/patients/${patient}/notes?page=99`)).json()).toMatchObject({ items: [], total: all.total });
      const listed = await audits('note.list');
      expect(listed.at(-1)).toEqual({ actor_id: s.author.id, patient_id: patient, detail: { status: null, kind: null, page: 99, count: 0, total: all.total } });
      expect((await c.author.get(`/api/patients/${patient}/notes?status=final`)).statusCode).toBe(400);
    });

    it('a chart with 500 signed notes pages through all of them in order (the bench times it: p95 under 50 ms)', async () => {
      const busy = (await aPatient(t.db, { careTeam: [s.author.id] })).id;
      const first = await aNote(t.db, { patientId: busy, authorId: s.author.id, template, serviceDate: '2020-01-01' });
      await t.db.query(
        `INSERT INTO notes(id, patient_id, author_id, template_id, template_version, kind, billable, status, service_date, content, content_hash, signed_at, finalized_at)
         SELECT gen_random_uuid(), n.patient_id, n.author_id, n.template_id, n.template_version, n.kind, n.billable, 'signed', date '2020-01-02' + g, n.content, n.content_hash, n.signed_at, n.signed_at
           FROM notes n, generate_series(0, 498) g WHERE n.id = $1`,
        [first],
      );
      const seen: string[] = [];
      let last = '9999-12-31';
      for (let page = 1; page <= 20; page++) {
        const r = await c.author.get(`/api/patients/${busy}/notes?page=${page}&pageSize=25`);
        expect(r.statusCode).toBe(200);
        const body = r.json() as { total: number; items: { id: string; serviceDate: string }[] };
        expect(body.total).toBe(500);
        expect(body.items).toHaveLength(25);
        for (const i of body.items) {
          expect(i.serviceDate <= last).toBe(true);
          last = i.serviceDate;
          seen.push(i.id);
        }
      }
      expect(new Set(seen).size).toBe(500);
      expect(last).toBe('2020-01-01');
    });
  });
});

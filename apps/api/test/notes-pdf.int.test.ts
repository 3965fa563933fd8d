import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aNote, aTemplate, anIntervention, completeProgressContent, icd10, progressDefinition, RISK_LOW, TEST_CODES } from './documentation-builders.js';
import { newId } from '../src/platform/ids.js';
import { notesExtraApp, pdfPageCount, pdfText } from './notes-extra-support.js';

// The printed note for release of information: a real PDF with the practice's letterhead, the
// patient's identifiers, the encounter, every answered field in words, signatures with hashes,
// co-signature, "Late entry", addenda beneath, page numbers and a confidentiality footer; drafts
// watermarked; a file name without PHI; the same access rule as opening the note; audited.
const NOW = new Date('2027-03-15T22:00:00Z');

describe('note PDF export', () => {
  let t: TestApp;
  let s: Record<'author' | 'associate' | 'supervisor' | 'colleague' | 'stranger' | 'front', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let template: { id: string; version: number };
  let patient: string;
  let mrn: string;
  let signedId: string;
  let signedHash: string;
  let cosignedId: string;

  const pdf = async (cl: Client, id: string) => cl.get(`/api/notes/${id}/pdf`);
  /** The drawn text, with a label and its value (two runs on one line) put back together. */
  const textOf = (body: Buffer) => pdfText(body).replace(/: \n/g, ': ');

  beforeAll(async () => {
    t = await notesExtraApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    await t.db.query(`UPDATE practice SET name = 'Hearthside Counseling', phone = '(312) 555-0100', address = $1::jsonb`, [
      JSON.stringify({ line1: '200 Lake St', line2: 'Suite 4', city: 'Chicago', state: 'IL', postalCode: '60601' }),
    ]);
    const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    s = {
      author: await aStaff(t.db, { roles: ['therapist'] }),
      associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      supervisor,
      colleague: await aStaff(t.db, { roles: ['therapist'] }),
      stranger: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
    };
    await t.db.query(`UPDATE users SET first_name = 'Dana', last_name = 'Reyes', credentials = 'LCSW' WHERE id = $1`, [s.author.id]);
    await t.db.query(`UPDATE users SET first_name = 'Ari', last_name = 'Stone', credentials = 'LPC-A' WHERE id = $1`, [s.associate.id]);
    await t.db.query(`UPDATE users SET first_name = 'Mae', last_name = 'Ortiz', credentials = 'LCSW-S' WHERE id = $1`, [s.supervisor.id]);
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt', 'Cognitive restructuring');
    template = await aTemplate(t.db, { definition: progressDefinition(), name: 'DAP progress note' });
    patient = (await aPatient(t.db, {
      careTeam: [s.author.id, s.colleague.id, s.associate.id],
      data: { legalFirstName: 'Rosa', legalMiddleName: 'Q', legalLastName: 'Lind', preferredName: 'Ro', dateOfBirth: '1985-04-12' },
    })).id;
    mrn = (await t.db.query<{ mrn: string }>('SELECT mrn FROM patients WHERE id = $1', [patient])).rows[0]!.mrn;

    const content = completeProgressContent();
    content.data!.next_date = '2027-03-22';
    content.assessment!.mse = { appearance: { normal: true }, mood: { normal: false, finding: 'Anxious, worried about work' } };
    content.assessment!.phq9 = 14;
    content.assessment!.risk = { ...RISK_LOW, suicidalIdeation: 'passive', protectiveFactors: 'Her daughter' };
    signedId = await aNote(t.db, {
      patientId: patient, authorId: s.author.id, template, content, serviceDate: '2027-03-01', endedAt: '2027-03-01T20:53:00Z',
      diagnoses: [TEST_CODES[1]!, TEST_CODES[0]!], participants: [{ role: 'patient' }, { role: 'guardian', name: 'Mother' }],
    });
    await t.db.query('UPDATE notes SET late_entry = true, psychotherapy_minutes = 53 WHERE id = $1', [signedId]);
    signedHash = (await t.db.query<{ content_hash: string }>('SELECT content_hash FROM notes WHERE id = $1', [signedId])).rows[0]!.content_hash;
    await t.db.query(
      `INSERT INTO note_addenda(id, note_id, author_id, signer_name, credentials, reason, body, signed_at, content_hash)
       VALUES ($1,$2,$3,'Dana Reyes','LCSW','correction','The PHQ-9 was given at the start of the session.','2027-03-05T16:00:00Z',$4)`,
      [newId(), signedId, s.author.id, 'a'.repeat(64)],
    );

    // An associate's note, co-signed by the supervisor.
    cosignedId = await aNote(t.db, { patientId: patient, authorId: s.associate.id, template, status: 'pending_cosign', supervisorId: s.supervisor.id, serviceDate: '2027-03-08', startedAt: '2027-03-08T20:00:00Z', endedAt: '2027-03-08T20:45:00Z' });
    const h = (await t.db.query<{ content_hash: string }>('SELECT content_hash FROM notes WHERE id = $1', [cosignedId])).rows[0]!.content_hash;
    await t.db.query(`UPDATE notes SET status = 'signed', finalized_at = '2027-03-09T15:00:00Z' WHERE id = $1`, [cosignedId]);
    await t.db.query(
      `INSERT INTO note_signatures(id, note_id, kind, user_id, signer_name, credentials, signed_at, content_hash) VALUES ($1,$2,'cosign',$3,'Mae Ortiz','LCSW-S','2027-03-09T15:00:00Z',$4)`,
      [newId(), cosignedId, s.supervisor.id, h],
    );
  });
  afterAll(() => t.close());

  it('is a PDF attachment named by the note id only, with every part of the note in words', async () => {
    const r = await pdf(c.author, signedId);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="note-${signedId}.pdf"`);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = r.rawPayload;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.subarray(-6).toString('latin1')).toContain('%%EOF');
    // The addendum's signature runs onto a second page.
    expect(pdfPageCount(body)).toBe(2);
    const text = textOf(body);
    for (const expected of [
      // Letterhead and patient.
      'Hearthside Counseling', '200 Lake St', 'Suite 4', 'Chicago, IL 60601', 'Phone (312) 555-0100',
      'DAP progress note', 'Late entry', 'Patient: Rosa Q Lind', 'Date of birth: 1985-04-12', `MRN: ${mrn}`,
      // Encounter.
      'Service date: 2027-03-01', 'Time: 14:00 – 14:53 (America/Chicago)', 'Psychotherapy minutes: 53', 'Place of service: In person — POS 11',
      'Participants: Patient; Guardian (Mother)', '1. F32.1 Major depressive disorder, single episode, moderate', '2. F41.1 Generalized anxiety disorder',
      // Sections and fields: choices by label, interventions by name, MSE by domain, risk in words, goals.
      'Data', 'What the patient reported:', 'Slept better; practised breathing daily', 'Mood: Stable', 'Interventions: Cognitive restructuring',
      'Next session: 2027-03-22', 'Response to treatment:', 'Engaged and receptive', 'Sleep 7 hours: some progress',
      'Suicidal ideation: passive', 'Homicidal ideation: denied', 'Overall risk level: low', 'Protective factors: Her daughter', 'Safety plan: not indicated',
      'Appearance: Appropriately groomed, dressed for weather, good hygiene', 'Mood: Anxious, worried about work', 'PHQ-9 score: 14',
      'Continue weekly CBT',
      // Signature, addenda, footer.
      'Electronically signed by Dana Reyes, LCSW on 2027-03-01 14:53 CST', `Content hash (SHA-256): ${signedHash}`,
      'Addenda', 'Correction — 2027-03-05 10:00 CST', 'The PHQ-9 was given at the start of the session.', `Content hash (SHA-256): ${'a'.repeat(64)}`,
      'Page 1 of 2', 'Page 2 of 2', 'Confidential: protected health information. Printed 2027-03-15 17:00 CDT.',
    ]) expect(text, expected).toContain(expected);
    // The optional section was not switched on, and drafts' marks are absent from a signed note.
    expect(text).not.toContain('Psychotherapy summary');
    expect(text).not.toContain('DRAFT');
    // PDF metadata carries no PHI.
    expect(body.toString('latin1')).not.toMatch(/Rosa|Lind/);
  });

  it('prints the co-signature, and only the signatures of the final text', async () => {
    // Signed once, returned with a comment, then signed again and co-signed.
    await t.db.query(
      `INSERT INTO note_signatures(id, note_id, kind, user_id, signer_name, credentials, signed_at, content_hash, comment) VALUES
         ($1,$3,'author',$4,'Ari Stone','LPC-A','2027-03-08T20:30:00Z',$6,NULL), ($2,$3,'returned',$5,'Mae Ortiz','LCSW-S','2027-03-08T20:40:00Z',$6,'Add the plan')`,
      [newId(), newId(), cosignedId, s.associate.id, s.supervisor.id, 'b'.repeat(64)],
    );
    const text = textOf((await pdf(c.author, cosignedId)).rawPayload);
    expect(text).not.toContain('b'.repeat(64));
    expect(text).not.toContain('Add the plan');
    expect(text.match(/Electronically signed by/g)).toHaveLength(1);
    expect(text).toContain('Electronically signed by Ari Stone, LPC-A on 2027-03-08 14:45 CST');
    expect(text).toContain('Co-signed by Mae Ortiz, LCSW-S on 2027-03-09 09:00 CST');
  });

  it('numbers the pages of a long note and repeats the footer on each', async () => {
    const content = completeProgressContent();
    content.data!.subjective = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: ${'She talked about the week, her sleep and her plans for the spring. '.repeat(4)}`).join('\n').slice(0, 20_000);
    const id = await aNote(t.db, { patientId: patient, authorId: s.author.id, template, content });
    const body = (await pdf(c.author, id)).rawPayload;
    const pages = pdfPageCount(body);
    expect(pages).toBeGreaterThan(2);
    const text = textOf(body);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text.match(/Confidential: protected health information/g)).toHaveLength(pages);
    expect(text).toContain('Paragraph 60:');
  });

  it("watermarks a draft on every page, and only its author (or supervisor) may print it", async () => {
    const draft = await aNote(t.db, { patientId: patient, authorId: s.author.id, template, status: 'draft' });
    const r = await pdf(c.author, draft);
    expect(r.statusCode).toBe(200);
    const text = textOf(r.rawPayload);
    expect(text.match(/DRAFT — not signed/g)?.length).toBe(pdfPageCount(r.rawPayload) + 1);
    expect(text).toContain('Status: DRAFT — not signed');
    expect(text).toContain('Not signed.');
    expect((await pdf(c.colleague, draft)).statusCode).toBe(404);
    const pending = await aNote(t.db, { patientId: patient, authorId: s.associate.id, template, status: 'pending_cosign', supervisorId: s.supervisor.id });
    const sup = await pdf(c.supervisor, pending);
    expect(sup.statusCode).toBe(200);
    const supText = textOf(sup.rawPayload);
    expect(supText).toContain('awaiting supervisor co-signature (not final)');
    expect(supText).toContain('Co-signature required from Mae Ortiz.');
    expect(supText).not.toContain('DRAFT');
  });

  it('prints characters the standard font cannot draw as "?", never as wrong letters', async () => {
    const content = completeProgressContent();
    content.data!.subjective = 'Quoted her: «Жить» — José said 😀';
    const id = await aNote(t.db, { patientId: patient, authorId: s.author.id, template, content });
    expect(textOf((await pdf(c.author, id)).rawPayload)).toContain('Quoted her: «????» — José said ?');
  });

  it('follows the access rule of the note, and is audited without PHI', async () => {
    expect((await pdf(c.colleague, signedId)).statusCode).toBe(200);
    const stranger = await pdf(c.stranger, signedId);
    const unknown = await pdf(c.stranger, '00000000-0000-4000-8000-000000000000');
    expect(stranger.statusCode).toBe(404);
    expect({ status: unknown.statusCode, detail: unknown.json().detail }).toEqual({ status: 404, detail: stranger.json().detail });
    expect((await pdf(c.front, signedId)).statusCode).toBe(403);
    expect((await c.author.get('/api/notes/not-a-uuid/pdf')).statusCode).toBe(400);
    const rows = (await t.db.query<{ actor_id: string; patient_id: string; resource_id: string; detail: Record<string, unknown> }>(
      `SELECT actor_id, patient_id, resource_id, detail FROM audit_events WHERE action = 'note.export' AND resource_id = $1 ORDER BY arrival`, [signedId],
    )).rows;
    expect(rows.map((x) => x.actor_id)).toEqual([s.author.id, s.colleague.id]);
    expect(rows[0]).toMatchObject({ patient_id: patient, detail: { format: 'pdf', status: 'signed', addenda: 1 } });
    expect(JSON.stringify(rows)).not.toMatch(/Rosa|Lind|PHQ/);
  });
});

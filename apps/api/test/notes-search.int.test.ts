import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from './harness.js';
import { aPatient, aPractice, aStaff, signedIn, type StaffFixture } from './builders.js';
import { aNote, aTemplate, anIntervention, completeProgressContent, icd10, progressDefinition, TEST_CODES } from './documentation-builders.js';
import { newId } from '../src/platform/ids.js';
import { searchNoteSql } from '../src/modules/documentation/search.repo.js';
import { notesExtraApp } from './notes-extra-support.js';

// Full-text search over notes: matches, newest session first, with « » snippets, only over notes the reader may read
// (their own by default; one author's on the reader's caseload; unsigned notes only for their author
// and supervisor), addenda included, never psychotherapy notes, audited without the search terms,
// and fast over a clinician with 5,000 notes.
const NOW = new Date('2027-03-15T22:00:00Z');

describe('note search', () => {
  let t: TestApp;
  let s: Record<'author' | 'colleague' | 'associate' | 'supervisor' | 'stranger' | 'front', StaffFixture>;
  let c: Record<keyof typeof s, Client>;
  let template: { id: string; version: number };
  let shared: string;
  let ownOnly: string;
  let colleagueOnly: string;
  let ofAssociate: string;
  const ids: Record<string, string> = {};

  const search = (cl: Client, body: Record<string, unknown>) => cl.post('/api/notes/search', body);
  const hitIds = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
  const withText = (subjective: string) => {
    const content = completeProgressContent();
    content.data!.subjective = subjective;
    return content;
  };

  beforeAll(async () => {
    t = await notesExtraApp({ now: NOW });
    await aPractice(t.db, { timeZone: 'America/Chicago' });
    const supervisor = await aStaff(t.db, { roles: ['supervisor', 'therapist'] });
    s = {
      author: await aStaff(t.db, { roles: ['therapist'] }),
      colleague: await aStaff(t.db, { roles: ['therapist'] }),
      associate: await aStaff(t.db, { roles: ['associate'], supervisorId: supervisor.id }),
      supervisor,
      stranger: await aStaff(t.db, { roles: ['therapist'] }),
      front: await aStaff(t.db, { roles: ['front_desk'] }),
    };
    c = {} as typeof c;
    for (const [k, v] of Object.entries(s)) c[k as keyof typeof c] = await signedIn(t, v);
    await icd10(t.db, TEST_CODES);
    await anIntervention(t.db, 'test_cbt');
    template = await aTemplate(t.db, { definition: progressDefinition(), name: 'DAP progress note' });
    shared = (await aPatient(t.db, { careTeam: [s.author.id, s.colleague.id], data: { legalFirstName: 'Rosa', legalLastName: 'Lind' } })).id;
    ownOnly = (await aPatient(t.db, { careTeam: [s.author.id] })).id;
    colleagueOnly = (await aPatient(t.db, { careTeam: [s.colleague.id] })).id;
    ofAssociate = (await aPatient(t.db, { careTeam: [s.associate.id] })).id;
    const note = (o: Partial<Parameters<typeof aNote>[1]> & { patientId: string; authorId: string; text: string }) =>
      aNote(t.db, { template, content: withText(o.text), ...o });
    ids.strong = await note({ patientId: shared, authorId: s.author.id, text: 'Insomnia again. The insomnia worsened; insomnia keeps her up.', serviceDate: '2027-03-01' });
    ids.weak = await note({ patientId: ownOnly, authorId: s.author.id, text: 'Mentioned mild insomnia once; mostly talked about work', serviceDate: '2027-03-08' });
    ids.ownDraft = await note({ patientId: shared, authorId: s.author.id, text: 'Draft: insomnia and nightmares', status: 'draft', serviceDate: '2027-03-12' });
    ids.unrelated = await note({ patientId: shared, authorId: s.author.id, text: 'Discussed the new job and commute' });
    ids.colleagueShared = await note({ patientId: shared, authorId: s.colleague.id, text: 'Her insomnia improved with sleep hygiene' });
    ids.colleagueDraft = await note({ patientId: shared, authorId: s.colleague.id, text: 'Unfinished insomnia note', status: 'draft' });
    ids.colleagueOther = await note({ patientId: colleagueOnly, authorId: s.colleague.id, text: 'Insomnia with early waking' });
    ids.assocDraft = await note({ patientId: ofAssociate, authorId: s.associate.id, text: 'Insomnia since the move', status: 'draft' });
    ids.assocPending = await note({ patientId: ofAssociate, authorId: s.associate.id, text: 'Insomnia and panic at night', status: 'pending_cosign', supervisorId: s.supervisor.id });
    // A word only in an addendum.
    await t.db.query(
      `INSERT INTO note_addenda(id, note_id, author_id, signer_name, reason, body, signed_at, content_hash) VALUES ($1,$2,$3,'Test Author','clarification',$4,$5,'x')`,
      [newId(), ids.unrelated, s.author.id, 'Clarification: she also reported bruxism at night.', NOW.toISOString()],
    );
    // A psychotherapy note with the same words lives apart and is never searched.
    await t.db.query(
      `INSERT INTO psychotherapy_notes(id, author_id, patient_id, session_date, body) VALUES ($1,$2,$3,'2027-03-01',$4)`,
      [newId(), s.author.id, shared, 'Process note: insomnia bruxism zanzibarmarker'],
    );
  });
  afterAll(() => t.close());

  it("finds the reader's own notes by default, newest session first, with a plain-text snippet marking the words", async () => {
    const r = await search(c.author, { q: 'insomnia' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.total).toBe(3);
    expect(hitIds(r)).toEqual([ids.ownDraft, ids.weak, ids.strong]);
    const strong = body.items[2];
    expect(strong).toMatchObject({ id: ids.strong, patientId: shared, patientName: 'Rosa Lind', authorId: s.author.id, templateName: 'DAP progress note', status: 'signed' });
    expect(strong.snippet).toContain('«Insomnia»');
    expect(strong.snippet).not.toMatch(/<\/?b>/);
    // Stemming: "nightmare" finds "nightmares".
    expect(hitIds(await search(c.author, { q: 'nightmare' }))).toEqual([ids.ownDraft]);
  });

  it('understands web search syntax: phrases, OR and exclusions', async () => {
    expect(hitIds(await search(c.author, { q: '"mild insomnia"' }))).toEqual([ids.weak]);
    expect(new Set(hitIds(await search(c.author, { q: 'insomnia -nightmares' })))).toEqual(new Set([ids.strong, ids.weak]));
    expect(new Set(hitIds(await search(c.author, { q: 'commute or nightmares' })))).toEqual(new Set([ids.unrelated, ids.ownDraft]));
    // Stop words alone match nothing rather than everything.
    expect((await search(c.author, { q: 'the and' })).json()).toMatchObject({ items: [], total: 0 });
  });

  it('searches addenda too', async () => {
    const r = await search(c.author, { q: 'bruxism' });
    expect(hitIds(r)).toEqual([ids.unrelated]);
    expect(r.json().items[0].snippet).toContain('«bruxism»');
    expect(r.json().items[0].addendaCount).toBe(1);
  });

  it('never searches psychotherapy notes', async () => {
    for (const cl of [c.author, c.colleague, c.supervisor]) {
      const r = await search(cl, { q: 'zanzibarmarker' });
      expect(r.json()).toMatchObject({ items: [], total: 0 });
      expect(r.body).not.toContain('zanzibarmarker');
    }
  });

  it("another author's notes: only signed ones, only for patients on the reader's caseload", async () => {
    const r = await search(c.author, { q: 'insomnia', authorId: s.colleague.id });
    expect(r.statusCode, r.body).toBe(200);
    // Not the colleague's draft, and not their patient the author does not treat.
    expect(hitIds(r)).toEqual([ids.colleagueShared]);
    expect(hitIds(await search(c.stranger, { q: 'insomnia', authorId: s.colleague.id }))).toEqual([]);
    expect(hitIds(await search(c.stranger, { q: 'insomnia', authorId: s.author.id }))).toEqual([]);
  });

  it("a supervisor sees their supervisee's notes, unsigned ones included", async () => {
    const r = await search(c.supervisor, { q: 'insomnia', authorId: s.associate.id });
    expect(new Set(hitIds(r))).toEqual(new Set([ids.assocDraft, ids.assocPending]));
    expect(hitIds(await search(c.colleague, { q: 'insomnia', authorId: s.associate.id }))).toEqual([]);
  });

  it('filters by patient, and pages', async () => {
    expect(new Set(hitIds(await search(c.author, { q: 'insomnia', patientId: shared })))).toEqual(new Set([ids.strong, ids.ownDraft]));
    expect(hitIds(await search(c.author, { q: 'insomnia', patientId: colleagueOnly }))).toEqual([]);
    const p1 = await search(c.author, { q: 'insomnia', pageSize: 2 });
    const p2 = await search(c.author, { q: 'insomnia', pageSize: 2, page: 2 });
    expect(p1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(hitIds(p1)).toHaveLength(2);
    expect(hitIds(p2)).toHaveLength(1);
    expect(new Set([...hitIds(p1), ...hitIds(p2)])).toEqual(new Set([ids.strong, ids.weak, ids.ownDraft]));
    expect((await search(c.author, { q: 'insomnia', pageSize: 2, page: 5 })).json()).toMatchObject({ items: [], total: 3 });
  });

  it('audits the number of results, never the terms', async () => {
    await search(c.author, { q: 'bruxism', patientId: shared });
    const rows = (await t.db.query<{ detail: unknown; patient_id: string | null }>(
      `SELECT detail, patient_id FROM audit_events WHERE action = 'note.search' AND actor_id = $1 ORDER BY arrival DESC LIMIT 1`, [s.author.id],
    )).rows;
    expect(rows).toEqual([{ detail: { count: 1 }, patient_id: shared }]);
    const all = JSON.stringify((await t.db.query(`SELECT detail FROM audit_events WHERE action = 'note.search'`)).rows);
    for (const word of ['insomnia', 'bruxism', 'nightmare', 'zanzibarmarker']) expect(all).not.toContain(word);
  });

  it('refuses short or missing terms and unknown fields, naming them; clinical.read is required', async () => {
    for (const [body, field] of [[{ q: 'a' }, 'q'], [{}, 'q'], [{ q: 'insomnia', sort: 'x' }, 'sort'], [{ q: 'insomnia', authorId: 'nobody' }, 'authorId'], [{ q: 'in\u0000somnia' }, 'q'], [{ q: 'insomnia', pageSize: '10' }, 'pageSize']] as const) {
      const r = await search(c.author, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await search(c.front, { q: 'insomnia' })).statusCode).toBe(403);
    // Terms never travel in the URL.
    expect((await c.author.get('/api/notes/search?q=insomnia')).statusCode).not.toBe(200);
  });

  it('searches a clinician with 5,000 notes through the author-and-words index, a page of snippets', async () => {
    const busy = await aStaff(t.db, { roles: ['therapist'] });
    const cl = await signedIn(t, busy);
    const patients: string[] = [];
    for (let i = 0; i < 50; i++) patients.push((await aPatient(t.db, { careTeam: [busy.id] })).id);
    const words = ['anxiety', 'sleep', 'panic', 'grief', 'anger', 'work', 'school', 'family', 'trauma', 'relapse', 'craving', 'mood'];
    await t.db.query(
      `INSERT INTO notes(id, patient_id, author_id, template_id, template_version, kind, billable, status, service_date, started_at, ended_at, content, signed_at, finalized_at, content_hash)
       SELECT gen_random_uuid(), ($3::uuid[])[1 + i % 50], $1, $2, 1, 'progress', true, 'signed', DATE '2020-01-01' + (i % 2000),
              TIMESTAMPTZ '2020-01-01 15:00Z' + make_interval(days => i % 2000), TIMESTAMPTZ '2020-01-01 15:50Z' + make_interval(days => i % 2000),
              jsonb_build_object(
                'data', jsonb_build_object('subjective', 'Session ' || i || ': talked about ' || ($4::text[])[1 + i % 12] || ' and ' || ($4::text[])[1 + (i / 12) % 12]
                                           || '. ' || repeat('She described her week in detail, the good days and the hard ones. ', 12), 'mood', 'stable'),
                'assessment', jsonb_build_object('response', 'Engaged; practised ' || ($4::text[])[1 + (i / 7) % 12] || ' skills'),
                'plan', jsonb_build_object('plan', 'Continue weekly sessions')),
              TIMESTAMPTZ '2020-01-02Z' + make_interval(days => i % 2000), TIMESTAMPTZ '2020-01-02Z' + make_interval(days => i % 2000), 'x'
         FROM generate_series(1, 5000) i`,
      [busy.id, template.id, patients, words],
    );
    // What autovacuum does after a bulk load: statistics, and the GIN index's pending entries merged.
    await t.db.query('VACUUM ANALYZE notes');
    const terms = ['panic', 'grief trauma', '"relapse"', 'craving -school', 'sleep', 'anger or mood', 'family', 'session 4321'];
    for (const q of terms) {
      const r = await search(cl, { q, pageSize: 25 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items.length, q).toBeGreaterThan(0);
    }
    const panic = (await search(cl, { q: 'panic', pageSize: 25 })).json();
    expect(panic.total).toBeGreaterThan(400);
    expect(panic.items).toHaveLength(25);
    expect(panic.items[0].snippet).toContain('«panic»');
    // The matches come from the author-and-words GIN index, never from reading every note. (Speed is
    // measured by `npm run bench -- --only=notes`, not here.)
    const { sql, params } = searchNoteSql('panic', { readerId: busy.id, authorId: busy.id, patientId: null, caseload: 'care_team' }, NOW, 25, 0);
    const plan = (await t.db.query<Record<string, string>>(`EXPLAIN ${sql}`, params)).rows.map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toMatch(/Bitmap Index Scan on notes_author_search_idx/);
    expect(plan).not.toMatch(/Seq Scan on notes\b/);
  }, 180_000);
});

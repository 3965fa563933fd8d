import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/db.js';
import { fixedClock } from '../src/platform/clock.js';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { addendumHash, hashOf, loadNoteRow, signingGaps, validateContent } from '../src/modules/documentation/index.js';
import { loadSigner } from '../src/modules/documentation/notes.repo.js';
import { knownInterventionCodes } from '../src/modules/documentation/interventions.js';
import { freshDb } from './harness.js';

// The demo practice's notes (seed-notes.ts) hold to the API's own rules: every signed note would
// pass the signing checks against its template, its hash recomputes as the API computes it, signed
// session notes sit on completed appointments, and the demo shows exactly the states it promises.
const NOW = new Date('2026-11-25T20:00:00Z'); // a Wednesday, 14:00 in Chicago
const HOUR = 3_600_000;

describe('demo practice notes', () => {
  let db: Db;
  let staff: Map<string, string>;
  beforeAll(async () => {
    db = await freshDb();
    await seedDemoIfEmpty(db, fixedClock(NOW), { demoMfa: 'preenrolled' });
    staff = new Map((await db.query<{ email: string; id: string }>('SELECT email, id FROM users')).rows.map((u) => [u.email.split('@')[0]!, u.id]));
  }, 120_000);
  afterAll(() => db.close());

  const rows = <T>(sql: string, params: unknown[] = []) => db.query<T>(sql, params).then((r) => r.rows);

  it('writes signed notes for past sessions, and every one passes the signing checks and hashes as the API hashes it', async () => {
    const codes = await knownInterventionCodes(db);
    const ids = await rows<{ id: string; status: string }>('SELECT id, status FROM notes');
    expect(ids.length).toBeGreaterThan(800);
    expect(ids.filter((n) => n.status === 'signed').length / ids.length).toBeGreaterThan(0.95);
    const problems: string[] = [];
    for (const { id } of ids) {
      const row = (await loadNoteRow(db, id))!;
      if (row.status === 'draft') {
        const shape = validateContent(row.definition, row.content, { interventionCodes: codes });
        if (shape.length) problems.push(`${row.kind} draft: ${JSON.stringify(shape)}`);
        continue;
      }
      const gaps = await signingGaps(db, row, await loadSigner(db, row.author_id), codes);
      if (gaps.length) problems.push(`${row.kind} ${row.status}: ${JSON.stringify(gaps)}`);
      const hash = hashOf(row);
      if (row.status !== 'returned' && row.content_hash !== hash) problems.push(`${row.kind} ${row.status}: note hash differs`);
      const sigs = await rows<{ content_hash: string }>('SELECT content_hash FROM note_signatures WHERE note_id = $1', [id]);
      if (!sigs.length || sigs.some((s) => s.content_hash !== hash)) problems.push(`${row.kind} ${row.status}: signature hash differs`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('links signed session notes to completed appointments; missed-appointment notes to the missed ones', async () => {
    const off = await rows<{ status: string; kind: string }>(
      `SELECT a.status, n.kind FROM notes n JOIN appointments a ON a.id = n.appointment_id WHERE n.status = 'signed' AND a.status <> 'completed'`,
    );
    expect(off.length).toBeGreaterThan(0);
    for (const o of off) {
      expect(o.kind).toBe('missed_appointment');
      expect(['no_show', 'late_cancel']).toContain(o.status);
    }
    const future = await rows(`SELECT 1 FROM notes WHERE created_at > $1 OR updated_at > $1 OR signed_at > $1 OR finalized_at > $1`, [NOW.toISOString()]);
    expect(future).toEqual([]);
    const sigFuture = await rows(`SELECT 1 FROM note_signatures WHERE signed_at > $1 UNION ALL SELECT 1 FROM note_addenda WHERE signed_at > $1`, [NOW.toISOString()]);
    expect(sigFuture).toEqual([]);
  });

  it('uses each clinician\'s template: prescribers write evaluations and medication notes, therapists their progress layout', async () => {
    const byAuthor = await rows<{ email: string; template: string; n: number }>(
      `SELECT split_part(u.email, '@', 1) AS email, t.builtin_key AS template, count(*)::int AS n
         FROM notes n JOIN users u ON u.id = n.author_id JOIN note_templates t ON t.id = n.template_id GROUP BY 1, 2`,
    );
    const templates = (who: string) => new Set(byAuthor.filter((r) => r.email === who).map((r) => r.template));
    for (const who of ['marcus', 'priya']) {
      expect([...templates(who)].every((t) => ['psychiatric_evaluation', 'medication_management', 'missed_appointment'].includes(t))).toBe(true);
      expect(templates(who).has('medication_management')).toBe(true);
    }
    expect(templates('elena').has('progress_dap')).toBe(true);
    expect(templates('james').has('progress_soap')).toBe(true);
    expect(templates('aisha').has('progress_birp')).toBe(true);
    expect(templates('aisha').has('family_session')).toBe(true);
    const all = new Set(byAuthor.map((r) => r.template));
    for (const t of ['intake_assessment', 'group_therapy', 'crisis_note', 'collateral_contact', 'treatment_plan_review', 'discharge_summary', 'missed_appointment']) {
      expect(all.has(t)).toBe(true);
    }
  });

  it("shows one overdue note, an associate's note awaiting co-signature, a returned note, drafts for recent sessions and a late entry", async () => {
    const unsigned = await rows<{ status: string; email: string; ended_at: Date | null; supervisor_id: string | null; cosign_required: boolean }>(
      `SELECT n.status, split_part(u.email, '@', 1) AS email, n.ended_at, n.supervisor_id, n.cosign_required
         FROM notes n JOIN users u ON u.id = n.author_id WHERE n.status <> 'signed'`,
    );
    const overdue = unsigned.filter((n) => n.ended_at && NOW.getTime() - new Date(n.ended_at).getTime() > 72 * HOUR);
    expect(overdue).toEqual([expect.objectContaining({ status: 'draft', email: 'james' })]);
    const pending = unsigned.filter((n) => n.status === 'pending_cosign');
    expect(pending).toEqual([expect.objectContaining({ email: 'sam', supervisor_id: staff.get('elena'), cosign_required: true })]);
    expect(unsigned.filter((n) => n.status === 'returned')).toEqual([expect.objectContaining({ email: 'sam' })]);
    const returnedBy = await rows<{ kind: string; user_id: string; comment: string | null }>(
      `SELECT s.kind, s.user_id, s.comment FROM note_signatures s JOIN notes n ON n.id = s.note_id WHERE n.status = 'returned' ORDER BY s.signed_at`,
    );
    expect(returnedBy.map((s) => s.kind)).toEqual(['author', 'returned']);
    expect(returnedBy[1]).toMatchObject({ user_id: staff.get('elena') });
    expect(returnedBy[1]!.comment).toBeTruthy();
    expect(unsigned.filter((n) => n.status === 'draft' && n.ended_at && NOW.getTime() - new Date(n.ended_at).getTime() < 30 * HOUR).length).toBeGreaterThan(0);
    // Sam's signed notes are final only with Elena's co-signature.
    const sam = await rows<{ kinds: string[]; finalized: boolean }>(
      `SELECT array_agg(s.kind ORDER BY s.signed_at) AS kinds, n.finalized_at IS NOT NULL AS finalized
         FROM notes n JOIN note_signatures s ON s.note_id = n.id WHERE n.author_id = $1 AND n.status = 'signed' GROUP BY n.id, n.finalized_at`,
      [staff.get('sam')],
    );
    expect(sam.length).toBeGreaterThan(10);
    for (const n of sam) expect(n).toEqual({ kinds: ['author', 'cosign'], finalized: true });
    const late = await rows<{ late: boolean; hours: number }>(
      `SELECT late_entry AS late,
              extract(epoch FROM signed_at - coalesce(ended_at, (service_date + 1)::timestamp AT TIME ZONE 'America/Chicago')) / 3600 AS hours
         FROM notes WHERE status = 'signed'`,
    );
    expect(late.filter((n) => n.late).length).toBe(1);
    for (const n of late) expect(n.late).toBe(n.hours > 72);
  });

  it('signs addenda over the note they amend, and keeps a therapist\'s psychotherapy notes apart', async () => {
    const addenda = await rows<{ id: string; note_id: string; note_hash: string; author_id: string; reason: string; body: string; signed_at: Date; content_hash: string }>(
      `SELECT ad.*, n.content_hash AS note_hash FROM note_addenda ad JOIN notes n ON n.id = ad.note_id`,
    );
    expect(addenda.length).toBe(2);
    for (const a of addenda) {
      expect(a.content_hash).toBe(addendumHash({
        noteId: a.note_id, noteContentHash: a.note_hash, authorId: a.author_id, reason: a.reason, body: a.body, signedAt: new Date(a.signed_at).toISOString(),
      }));
    }
    const process = await rows<{ author_id: string; patient_id: string }>('SELECT author_id, patient_id FROM psychotherapy_notes');
    expect(process.length).toBeGreaterThan(0);
    expect(new Set(process.map((p) => p.author_id))).toEqual(new Set([staff.get('james')]));
  });

  it('writes group notes with a signed note for each member who attended', async () => {
    const groups = await rows<{ status: string; members: number; signed: number; attended: number }>(
      `SELECT g.status, count(n.id)::int AS members, count(n.id) FILTER (WHERE n.status = 'signed')::int AS signed,
              (SELECT count(*)::int FROM group_attendance ga WHERE ga.appointment_id = g.appointment_id AND ga.status = 'completed') AS attended
         FROM group_notes g LEFT JOIN notes n ON n.group_note_id = g.id GROUP BY g.id`,
    );
    expect(groups.filter((g) => g.status === 'signed').length).toBeGreaterThan(10);
    for (const g of groups) {
      expect(g.members).toBe(g.attended);
      expect(g.signed).toBe(g.status === 'signed' ? g.members : 0);
    }
  });

  it('gives every patient in care a problem list, and notes take their diagnoses from it', async () => {
    const lists = await rows<{ patient_id: string; primaries: number; codes: string[] }>(
      `SELECT patient_id, count(*) FILTER (WHERE is_primary)::int AS primaries, array_agg(code) AS codes FROM patient_problems GROUP BY patient_id`,
    );
    const byPatient = new Map(lists.map((l) => [l.patient_id, l]));
    for (const l of lists) expect(l.primaries).toBe(1);
    expect((await rows(`SELECT 1 FROM patient_problems WHERE code NOT IN (SELECT code FROM icd10_codes)`))).toEqual([]);
    const notes = await rows<{ patient_id: string; diagnoses: { code: string }[] }>(`SELECT patient_id, diagnoses FROM notes WHERE status = 'signed' AND billable`);
    for (const n of notes) {
      expect(n.diagnoses.length).toBeGreaterThan(0);
      for (const d of n.diagnoses) expect(byPatient.get(n.patient_id)?.codes).toContain(d.code);
    }
  });
});

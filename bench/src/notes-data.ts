// Bulk generation of clinical notes for the documentation benchmark, with set-based SQL
// (generate_series, INSERT ... SELECT), on top of the practice from data.ts (PostgreSQL).
//
// The reader is a demo therapist (Elena Vasquez). She is on the care team of
//   - 5 "long-term" patients with 500 signed notes each (weekly for about ten years; three in four
//     hers, one in four a prescriber's medication-management note): the chart that is opened;
//   - 300 more patients with 10 of her notes each (every two weeks),
// so her notes (about 4,900) span 305 patients. The rest of the notes (to `total`) are spread over
// the generated patients, each written by the patient's primary clinician over the last three years;
// notes of the last two days are still drafts. Signed notes have an author signature; one in 256 an
// addendum. The text is composed from the demo practice's sentence banks (apps/api/src/seed/notes-themes*.ts)
// in the shape of the built-in DAP progress note and medication-management templates, so full-text
// search sees a realistic clinical vocabulary.
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { ADULT_THEMES, type Theme } from '../../apps/api/src/seed/notes-themes.js';
import { DBT_THEME, YOUTH_THEMES } from '../../apps/api/src/seed/notes-themes-youth.js';
import { ICD10CM_CODES } from '../../packages/content/src/index.js';
import { patientId, sqlId } from './data.js';

export const THEMES: readonly Theme[] = [...ADULT_THEMES, DBT_THEME, ...YOUTH_THEMES];
export const HEAVY_PATIENTS = [1, 2, 3, 5, 6];
export const NOTES_PER_HEAVY_PATIENT = 500;
const SPREAD_FIRST = 101;
const SPREAD_PATIENTS = 300;
const SPREAD_NOTES = 10;
/** Generated patients from this number on get the practice's other notes. */
const OTHERS_FIRST = 7;
const TIME_ZONE = 'America/Chicago';

export const benchNoteId = (j: number) => `b0000030-0000-7000-8000-${j.toString(16).padStart(12, '0')}`;

export interface NotesShape {
  readerId: string;
  notesPerHeavyPatient: number;
  /** The long-term patients and the id of each one's newest note. */
  heavy: { patientId: string; newestNoteId: string }[];
}

export interface NotesResult extends NotesShape {
  notes: number;
  readerNotes: number;
  readerPatients: number;
  seconds: number;
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(',')}]::text[]`;
const intArray = (xs: readonly number[]) => `ARRAY[${xs.join(',')}]::int[]`;

/** A sentence bank flattened over the themes, with each theme's offset and length, as SQL arrays. */
function bank(name: string, of: (t: Theme) => readonly string[]): string {
  const all: string[] = [];
  const off: number[] = [];
  const len: number[] = [];
  for (const t of THEMES) {
    off.push(all.length);
    len.push(of(t).length);
    all.push(...of(t));
  }
  return `${textArray(all)} AS ${name}, ${intArray(off)} AS ${name}_off, ${intArray(len)} AS ${name}_len`;
}

/** The `shift`-th sentence after position `h` of theme `t` in bank `name` (row alias b). */
const pick = (name: string, h: string, shift = 0) =>
  `b.${name}[b.${name}_off[t] + 1 + ((${h}) + ${shift}) % b.${name}_len[t]]`;

/**
 * Words of the banks, most frequent first: what the search measurement asks for. Words in nearly
 * every note ("week", "client") are left out: nobody searches for them.
 */
export const SEARCH_WORDS: string[] = (() => {
  const candidates = [
    'sleep',
    'work',
    'mood',
    'worry',
    'anxiety',
    'partner',
    'skills',
    'routine',
    'coping',
    'cravings',
    'nightmares',
    'driving',
    'school',
    'parent',
    'family',
    'friends',
    'conflict',
    'breathing',
    'exposure',
    'homework',
    'relapse',
    'diary',
    'urges',
    'anger',
    'avoidance',
    'grounding',
    'medication',
    'stress',
    'thoughts',
    'energy',
    'motivation',
    'teacher',
    'lunch',
    'meeting',
    'evening',
    'morning',
    'tension',
    'self-blame',
    'impulsive',
  ];
  const text = THEMES.flatMap((t) => [
    ...t.report,
    ...t.observed,
    ...t.assessment,
    ...t.response,
    ...t.plan,
    ...t.homework,
  ])
    .join(' ')
    .toLowerCase();
  const count = (w: string) => text.split(w).length - 1;
  return candidates.filter((w) => count(w) > 0).sort((a, b) => count(b) - count(a) || a.localeCompare(b));
})();

const LOW_RISK = JSON.stringify({
  suicidalIdeation: 'denied',
  suicideAttemptHistory: 'none',
  homicidalIdeation: 'denied',
  selfHarm: 'denied',
  riskLevel: 'low',
  safetyPlan: 'not_indicated',
});
const MSE_NORMAL = JSON.stringify(
  Object.fromEntries(
    [
      'appearance',
      'behavior',
      'speech',
      'mood',
      'affect',
      'thought_process',
      'thought_content',
      'perception',
      'cognition',
      'orientation',
      'insight',
      'judgment',
    ].map((k) => [k, { normal: true }]),
  ),
);

/**
 * The INSERT for notes numbered lo..hi, whose patient, author, date and template come from the
 * SQL expressions in `s` (in terms of j, the note number). Theme t follows the patient.
 */
function insertNotes(
  lo: number,
  hi: number,
  s: { p: string; patient: string; author: string; date: string; med: string; status: string },
  tpl: { dap: { id: string; version: number }; med: { id: string; version: number } },
): string {
  const titles = new Map(ICD10CM_CODES.map((c) => [c.code, c.title]));
  const dx = THEMES.map((t) =>
    lit(JSON.stringify(t.problems.map((code) => ({ code, title: titles.get(code) ?? code })))),
  );
  const h = '((j * 7919 + 104729) % 1000003)';
  const dap = `jsonb_build_object(
      'data', jsonb_build_object(
        'data', ${pick('report', h)} || ' ' || ${pick('report', h, 1)} || ' ' || ${pick('observed', h)} || ' ' || b.measure[t] || ' today: ' || (b.floor[t] + ${h} % (b.start[t] - b.floor[t])) || '.',
        'interventions', jsonb_build_array(${pick('iv', h)}, ${pick('iv', h, 1)})),
      'assessment', jsonb_build_object(
        'assessment', ${pick('assessment', h)},
        'response', ${pick('response', h)},
        'goal_progress', jsonb_build_array(jsonb_build_object('goal', ${pick('goals', h)}, 'rating', (ARRAY['no_change','some_progress','some_progress','significant_progress'])[1 + ${h} % 4]))),
      'risk', jsonb_build_object('risk_assessment', ${lit(LOW_RISK)}::jsonb),
      'plan', jsonb_build_object('plan', ${pick('plan', h)}, 'homework', ${pick('homework', h)}, 'next_session', 'Weekly; next at the usual time.'))`;
  const med = `jsonb_build_object(
      'interval_history', jsonb_build_object('interval_history', ${pick('report', h)} || ' ' || b.measure[t] || ' today: ' || (b.floor[t] + ${h} % (b.start[t] - b.floor[t])) || '.'),
      'current_medications', jsonb_build_object('current_medications', 'Sertraline 100 mg by mouth daily.', 'allergies', 'No known drug allergies.'),
      'side_effects', jsonb_build_object('side_effects', jsonb_build_array('none')),
      'adherence', jsonb_build_object('adherence', 'full'),
      'mental_status', jsonb_build_object('mse', ${lit(MSE_NORMAL)}::jsonb),
      'risk', jsonb_build_object('risk_assessment', ${lit(LOW_RISK)}::jsonb),
      'assessment', jsonb_build_object('assessment', ${pick('assessment', h, 2)}),
      'plan', jsonb_build_object('medication_plan', 'Continue sertraline 100 mg daily; reassess in four weeks.',
        'interventions', jsonb_build_array('medication_education', 'supportive'),
        'response', 'Understands the plan and agrees.', 'plan', 'Follow up in four weeks; continue therapy.'))`;
  return `
    INSERT INTO notes(id, patient_id, author_id, template_id, template_version, kind, billable, status, service_date, started_at, ended_at,
                      psychotherapy_minutes, medical_minutes, place_of_service, pos_code, participants, diagnoses, content, content_hash,
                      signed_at, finalized_at, created_at, updated_at, version)
    SELECT id, patient_id, author_id, template_id, template_version, kind, true, status, service_date, started_at, ended_at,
           CASE WHEN med THEN NULL ELSE 53 END, CASE WHEN med THEN 30 END, 'in_person', '11', '[{"role":"patient"}]'::jsonb, diagnoses, content,
           CASE WHEN status = 'signed' THEN encode(sha256(convert_to(content::text, 'UTF8')), 'hex') END,
           CASE WHEN status = 'signed' THEN signed_at END, CASE WHEN status = 'signed' THEN signed_at END,
           ended_at + interval '2 minutes', CASE WHEN status = 'signed' THEN signed_at ELSE ended_at + interval '20 minutes' END,
           CASE WHEN status = 'signed' THEN 4 ELSE 2 END
      FROM (
        SELECT ${sqlId('b0000030', 'j')} AS id, patient_id, author_id, med, status, service_date, started_at, started_at + CASE WHEN med THEN interval '30 minutes' ELSE interval '53 minutes' END AS ended_at,
               started_at + CASE WHEN med THEN interval '30 minutes' ELSE interval '53 minutes' END + make_interval(mins => 20 + (j * 37) % 1400) AS signed_at,
               CASE WHEN med THEN '${tpl.med.id}'::uuid ELSE '${tpl.dap.id}'::uuid END AS template_id,
               CASE WHEN med THEN ${tpl.med.version} ELSE ${tpl.dap.version} END AS template_version,
               CASE WHEN med THEN 'medication_management' ELSE 'progress' END AS kind,
               (ARRAY[${dx.join(',')}]::jsonb[])[t] AS diagnoses,
               CASE WHEN med THEN ${med} ELSE ${dap} END AS content
          FROM (SELECT j, p, ${s.patient} AS patient_id, ${s.author} AS author_id, (${s.med}) AS med, ${s.date} AS service_date, ${s.status} AS status,
                       1 + p % ${THEMES.length} AS t,
                       ((${s.date}) + time '09:00' + make_interval(hours => (j % 8))) AT TIME ZONE '${TIME_ZONE}' AS started_at
                  FROM (SELECT j, ${s.p} AS p FROM generate_series(${lo}, ${hi}) j) jj) x,
               (SELECT ${bank('report', (t) => t.report)}, ${bank('observed', (t) => t.observed)}, ${bank('assessment', (t) => t.assessment)},
                       ${bank('response', (t) => t.response)}, ${bank('plan', (t) => t.plan)}, ${bank('homework', (t) => t.homework)},
                       ${bank('goals', (t) => t.goals)}, ${bank('iv', (t) => t.interventions)},
                       ${textArray(THEMES.map((t) => t.measure.name))} AS measure, ${intArray(THEMES.map((t) => t.measure.start))} AS start,
                       ${intArray(THEMES.map((t) => t.measure.floor))} AS floor) b
      ) n`;
}

/**
 * Writes the notes; `patients` is how many generated patients there are (data.ts). Returns the
 * reader's long-term patients and their newest note, for the measurements.
 */
export async function generateNotes(
  db: Db,
  opts: { total: number; patients: number; reader: string; log?: (s: string) => void },
): Promise<NotesResult> {
  const t0 = performance.now();
  const reader = (
    await db.query<{ id: string }>('SELECT id FROM users WHERE email_lower = $1', [opts.reader])
  ).rows[0]?.id;
  if (!reader) throw new Error(`notes bench: reader ${opts.reader} not found (is the demo seeded?)`);
  const tpl = async (key: string) => {
    const r = await db.query<{ id: string; version: number }>(
      `SELECT t.id, max(v.version)::int AS version FROM note_templates t JOIN note_template_versions v ON v.template_id = t.id AND v.status = 'published'
        WHERE t.builtin_key = $1 GROUP BY t.id`,
      [key],
    );
    if (!r.rows[0]) throw new Error(`notes bench: built-in template ${key} is missing (syncBuiltinContent)`);
    return r.rows[0];
  };
  const templates = { dap: await tpl('progress_dap'), med: await tpl('medication_management') };
  const heavyCount = HEAVY_PATIENTS.length * NOTES_PER_HEAVY_PATIENT;
  const spreadCount = SPREAD_PATIENTS * SPREAD_NOTES;
  const othersFirst = heavyCount + spreadCount + 1;
  if (opts.total < othersFirst) throw new Error(`notes bench: total must be at least ${othersFirst}`);
  // The generated text is picked by int4 arithmetic on the note number (j * 7919 stays below 2^31).
  if (opts.total > 270_000) throw new Error('notes bench: at most 270,000 notes');
  if (opts.patients < SPREAD_FIRST + SPREAD_PATIENTS)
    throw new Error('notes bench: too few generated patients');
  const readerSql = `'${reader}'::uuid`;
  const prescriber = (p: string) => sqlId('b0000002', `9 + (${p}) % 12`);
  const primary = (p: string) => sqlId('b0000002', `21 + ((${p}) * 7) % 140`);
  const heavyArr = intArray(HEAVY_PATIENTS);

  await db.exec(`
    INSERT INTO care_team(patient_id, user_id, role, since)
    SELECT ${sqlId('b0000001', 'p')}, ${readerSql}, 'therapist', current_date - 3650
      FROM unnest(${heavyArr} || ARRAY(SELECT generate_series(${SPREAD_FIRST}, ${SPREAD_FIRST + SPREAD_PATIENTS - 1}))) p
    ON CONFLICT (patient_id, user_id) DO NOTHING`);

  const parts: { name: string; lo: number; hi: number; s: Parameters<typeof insertNotes>[2] }[] = [
    {
      name: 'long-term charts',
      lo: 1,
      hi: heavyCount,
      s: {
        p: `(${heavyArr})[1 + (j - 1) / ${NOTES_PER_HEAVY_PATIENT}]`,
        patient: sqlId('b0000001', 'p'),
        author: `CASE WHEN (j - 1) % 4 = 3 THEN ${prescriber('p')} ELSE ${readerSql} END`,
        date: `(current_date - 1 - 7 * ((j - 1) % ${NOTES_PER_HEAVY_PATIENT}))`,
        med: '(j - 1) % 4 = 3',
        status: `'signed'`,
      },
    },
    {
      name: "the reader's other patients",
      lo: heavyCount + 1,
      hi: heavyCount + spreadCount,
      s: {
        p: `${SPREAD_FIRST} + (j - ${heavyCount + 1}) / ${SPREAD_NOTES}`,
        patient: sqlId('b0000001', 'p'),
        author: readerSql,
        date: `(current_date - 3 - 14 * ((j - ${heavyCount + 1}) % ${SPREAD_NOTES}) - p % 7)`,
        med: 'false',
        status: `'signed'`,
      },
    },
  ];
  // The practice's other notes, in statements of at most 100,000.
  for (let lo = othersFirst; lo <= opts.total; lo += 100_000) {
    const hi = Math.min(opts.total, lo + 99_999);
    parts.push({
      name: `other notes ${lo.toLocaleString('en-US')}-${hi.toLocaleString('en-US')}`,
      lo,
      hi,
      s: {
        p: `${OTHERS_FIRST} + (j * 7919) % ${opts.patients - OTHERS_FIRST + 1}`,
        patient: sqlId('b0000001', 'p'),
        author: `CASE WHEN p % 3 = 0 AND j % 4 = 0 THEN ${prescriber('p')} ELSE ${primary('p')} END`,
        date: `(current_date - 1 - (j * 37) % 1095)`,
        med: 'p % 3 = 0 AND j % 4 = 0',
        status: `CASE WHEN (current_date - 1 - (j * 37) % 1095) >= current_date - 2 THEN 'draft' ELSE 'signed' END`,
      },
    });
  }
  // The full-text index is built once after the load: far faster than growing it row by row.
  const gin = (
    await db.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'notes' AND indexdef ILIKE '%USING gin%'`,
    )
  ).rows;
  for (const i of gin) await db.exec(`DROP INDEX "${i.name}"`);
  try {
    for (const part of parts) {
      const t = performance.now();
      await db.exec(insertNotes(part.lo, part.hi, part.s, templates));
      opts.log?.(`notes: ${part.name} written (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
  } finally {
    const t = performance.now();
    await db.tx(async (q) => {
      await q.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const i of gin) await q.exec(i.def);
    });
    opts.log?.(`notes: full-text index rebuilt (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const idRange = `n.id BETWEEN '${benchNoteId(1)}' AND '${benchNoteId(opts.total)}'`;
  await db.exec(`
    INSERT INTO note_signatures(id, note_id, kind, user_id, signer_name, credentials, signed_at, content_hash)
    SELECT gen_random_uuid(), n.id, 'author', n.author_id, trim(u.first_name || ' ' || u.last_name), nullif(u.credentials, ''), n.signed_at, n.content_hash
      FROM notes n JOIN users u ON u.id = n.author_id
     WHERE ${idRange} AND n.status = 'signed';
    INSERT INTO note_addenda(id, note_id, author_id, signer_name, credentials, reason, body, signed_at, content_hash)
    SELECT gen_random_uuid(), n.id, n.author_id, trim(u.first_name || ' ' || u.last_name), nullif(u.credentials, ''), 'additional_information',
           'Client called the next day to report that the plan discussed in session was helping; no change to the plan.',
           n.signed_at + interval '1 day', encode(sha256(convert_to(n.id::text || n.content_hash, 'UTF8')), 'hex')
      FROM notes n JOIN users u ON u.id = n.author_id
     WHERE ${idRange} AND n.status = 'signed' AND right(n.id::text, 2) = '2a';`);
  opts.log?.('notes: signatures and addenda written; analyzing');
  for (const t of ['notes', 'note_signatures', 'note_addenda', 'care_team'])
    await db.exec(`VACUUM ANALYZE ${t}`);

  const counts = (
    await db.query<{ notes: number; reader_notes: number; reader_patients: number }>(
      `SELECT count(*)::int AS notes, count(*) FILTER (WHERE author_id = $1)::int AS reader_notes,
              count(DISTINCT patient_id) FILTER (WHERE author_id = $1)::int AS reader_patients
         FROM notes n WHERE ${idRange}`,
      [reader],
    )
  ).rows[0]!;
  // Each long-term chart's newest note: note 1 + 500 k is the newest (yesterday's) of patient k.
  const heavy = HEAVY_PATIENTS.map((p, k) => ({
    patientId: patientId(p),
    newestNoteId: benchNoteId(1 + k * NOTES_PER_HEAVY_PATIENT),
  }));
  return {
    readerId: reader,
    notesPerHeavyPatient: NOTES_PER_HEAVY_PATIENT,
    heavy,
    notes: counts.notes,
    readerNotes: counts.reader_notes,
    readerPatients: counts.reader_patients,
    seconds: (performance.now() - t0) / 1000,
  };
}

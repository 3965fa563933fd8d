import type { Queryable } from '../../platform/db/db.js';

// SQL for ICD-10-CM codes and the content_releases bookkeeping. Codes are never deleted: a code
// a newer release drops gets effective_to, so old notes and problem lists keep their titles.

export interface Icd10Row {
  code: string;
  title: string;
  billable: boolean;
  effective_from: string;
  effective_to: string | null;
  release: string;
}

export interface Icd10Input {
  code: string;
  title: string;
  billable: boolean;
  /** Clinical names people search by; '' keeps the synonyms already stored. */
  synonyms: string;
}

const cols = 'c.code, c.title, c.billable, c.effective_from, c.effective_to, c.release';
const effectiveOn = (p: string) => `c.effective_from <= ${p}::date AND (c.effective_to IS NULL OR c.effective_to >= ${p}::date)`;

/** Codes starting with `prefix` (upper case, without the dot), in code order. */
export async function codesByPrefix(q: Queryable, prefix: string, on: string, billableOnly: boolean, limit: number): Promise<Icd10Row[]> {
  const r = await q.query<Icd10Row>(
    `SELECT ${cols} FROM icd10_codes c
      WHERE replace(c.code, '.', '') LIKE $1 || '%' AND ${effectiveOn('$2')} AND (NOT $3::boolean OR c.billable)
      ORDER BY length(c.code), c.code LIMIT $4`,
    [prefix, on, billableOnly, limit],
  );
  return r.rows;
}

/**
 * Codes whose title, code or synonyms match the words (full text), or whose title is close to them
 * (trigram word similarity, for typos such as "depresion"). Full-text hits rank first, by rank; the
 * rest by similarity. Runs in a transaction so the similarity threshold is local to it.
 */
export async function codesByWords(q: Queryable, words: string, on: string, billableOnly: boolean, limit: number): Promise<Icd10Row[]> {
  await q.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
  const r = await q.query<Icd10Row>(
    `SELECT ${cols}
       FROM icd10_codes c, websearch_to_tsquery('english', $1) AS query
      WHERE (c.search @@ query OR $1 <% c.title) AND ${effectiveOn('$2')} AND (NOT $3::boolean OR c.billable)
      ORDER BY (c.search @@ query) DESC, ts_rank(c.search, query) DESC, word_similarity($1, c.title) DESC, c.billable DESC, c.code
      LIMIT $4`,
    [words, on, billableOnly, limit],
  );
  return r.rows;
}

export async function loadCode(q: Queryable, code: string): Promise<Icd10Row | null> {
  return (await q.query<Icd10Row>(`SELECT ${cols} FROM icd10_codes c WHERE c.code = $1`, [code])).rows[0] ?? null;
}

/** The code when it is valid on the date, else null. */
export async function effectiveCode(q: Queryable, code: string, on: string): Promise<Icd10Row | null> {
  return (await q.query<Icd10Row>(`SELECT ${cols} FROM icd10_codes c WHERE c.code = $1 AND ${effectiveOn('$2')}`, [code, on])).rows[0] ?? null;
}

/**
 * Inserts new codes and updates changed ones in one statement (a JSON array expanded by
 * jsonb_to_recordset, so a release of tens of thousands of codes is one round trip). A new code is
 * effective from the release date; a current code keeps its start date; a retired code that returns
 * starts again at the release date. Returns how many were added and how many changed.
 */
export async function upsertCodes(q: Queryable, codes: Icd10Input[], effectiveFrom: string, release: string): Promise<{ added: number; updated: number }> {
  if (!codes.length) return { added: 0, updated: 0 };
  const r = await q.query<{ added: number; updated: number }>(
    `WITH incoming AS (
       SELECT DISTINCT ON (i.code) i.code, i.title, i.billable, coalesce(i.synonyms, '') AS synonyms
         FROM jsonb_to_recordset($1::jsonb) AS i(code text, title text, billable boolean, synonyms text)
        ORDER BY i.code
     ), changed AS (
       SELECT i.code FROM incoming i JOIN icd10_codes c ON c.code = i.code
        WHERE c.title <> i.title OR c.billable <> i.billable OR c.effective_to IS NOT NULL OR (i.synonyms <> '' AND c.synonyms <> i.synonyms)
     ), up AS (
       INSERT INTO icd10_codes AS c (code, title, billable, synonyms, effective_from, release)
       SELECT i.code, i.title, i.billable, i.synonyms, $2::date, $3 FROM incoming i
       ON CONFLICT (code) DO UPDATE SET
         title = excluded.title,
         billable = excluded.billable,
         synonyms = CASE WHEN excluded.synonyms <> '' THEN excluded.synonyms ELSE c.synonyms END,
         effective_from = CASE WHEN c.effective_to IS NOT NULL THEN excluded.effective_from ELSE c.effective_from END,
         effective_to = NULL,
         release = excluded.release
       RETURNING (xmax = 0) AS inserted
     )
     SELECT (SELECT count(*) FROM up WHERE inserted)::int AS added, (SELECT count(*) FROM changed)::int AS updated`,
    [JSON.stringify(codes), effectiveFrom, release],
  );
  return { added: Number(r.rows[0]!.added), updated: Number(r.rows[0]!.updated) };
}

/**
 * Retires current codes the release no longer lists: valid until the day before it takes effect.
 * `billableOnly` limits this to billable codes (a file that lists only billable codes says nothing
 * about the category headers).
 */
export async function retireMissing(q: Queryable, present: string[], effectiveFrom: string, billableOnly: boolean): Promise<number> {
  const r = await q.query(
    `UPDATE icd10_codes SET effective_to = $2::date - 1
      WHERE effective_to IS NULL AND (billable OR NOT $3::boolean)
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($1::jsonb) AS p(code) WHERE p.code = icd10_codes.code)`,
    [JSON.stringify(present), effectiveFrom, billableOnly],
  );
  return r.rowCount;
}

export async function readRelease(q: Queryable, content: string): Promise<string | null> {
  return (await q.query<{ release: string }>('SELECT release FROM content_releases WHERE content = $1', [content])).rows[0]?.release ?? null;
}

export async function recordRelease(q: Queryable, content: string, release: string): Promise<void> {
  await q.query(
    `INSERT INTO content_releases(content, release, loaded_at) VALUES ($1, $2, now())
     ON CONFLICT (content) DO UPDATE SET release = excluded.release, loaded_at = excluded.loaded_at`,
    [content, release],
  );
}

/** One key for every load of built-in or imported content, so two processes booting together take turns. */
export async function lockContent(q: Queryable): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('hearth.content-releases'))`);
}

/** The content_releases keys: the ICD-10-CM release's name and the date it takes effect. */
export const ICD_RELEASE = 'icd10cm';
export const ICD_EFFECTIVE = 'icd10cm.effective_from';
/** 'shipped' (the subset in packages/content) or 'imported' (a full CMS release file). */
export const ICD_SOURCE = 'icd10cm.source';
export const TEMPLATES_RELEASE = 'note_templates';

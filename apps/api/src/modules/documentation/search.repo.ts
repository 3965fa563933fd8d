import type { Queryable } from '../../platform/db/db.js';
import { summaryColumns, SUMMARY_JOINS, type NoteSummaryRow } from './queue.repo.js';

// Full-text search over notes. The matches come from the (author, words) GIN index on notes.search
// (the content's strings) plus the addenda and group-session shared sections of the notes in scope,
// newest session first: a clinician looking for "the session where we talked about the move" thinks
// in time, and ordering by date needs no per-match relevance score (which would read every matching
// note's word list). Only the page's rows are then joined for display and get a ts_headline snippet.

export interface SearchScope {
  readerId: string;
  authorId: string;
  patientId: string | null;
  /** 'care_team': patients on the reader's or their supervisees' care teams; 'all': no patient filter. */
  caseload: 'care_team' | 'all';
}

/**
 * A group member's note holds its member sections; the session's shared sections are on the group
 * note (written once). They are searched too, on the group notes of the author (the member notes' author).
 */
const SHARED_TSV = `jsonb_to_tsvector('english', g.shared_content, '["string"]')`;

const strings = (json: string) => `coalesce((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(${json}, 'strict $.** ? (@.type() == "string")') v), '')`;

/** Every string in the note's content (with its group note's shared sections), then its addenda: the text a snippet is cut from. */
const SNIPPET_TEXT = `
  ${strings('n.content')} || ' ' || ${strings(`coalesce((SELECT g.shared_content FROM group_notes g WHERE g.id = n.group_note_id), '{}'::jsonb)`)}
  || ' ' || coalesce((SELECT string_agg(ad.body, ' ' ORDER BY ad.signed_at) FROM note_addenda ad WHERE ad.note_id = n.id), '')`;

const HEADLINE_OPTIONS = 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1';

/** The page query and its parameters, and the filter (for counting past the last page). */
export function searchNoteSql(text: string, scope: SearchScope, now: Date, limit: number, offset: number) {
  const params: unknown[] = [text, scope.authorId];
  const conds = ['n.author_id = $2'];
  // The reader's own notes are all theirs to read (the author keeps sight of them even off the care
  // team). Anyone else's follow the rule of opening a note (canSeeNote): unsigned ones only for their
  // supervisor, and the patient on the reader's caseload (their care teams and their supervisees').
  if (scope.authorId !== scope.readerId) {
    const reader = `$${params.push(scope.readerId)}`;
    conds.push(`(n.status = 'signed' OR n.supervisor_id = ${reader} OR n.author_id IN (SELECT id FROM users WHERE supervisor_id = ${reader}))`);
    if (scope.caseload === 'care_team') {
      conds.push(`EXISTS (SELECT 1 FROM care_team ct WHERE ct.patient_id = n.patient_id
                    AND (ct.user_id = ${reader} OR ct.user_id IN (SELECT id FROM users WHERE supervisor_id = ${reader})))`);
    }
  }
  if (scope.patientId) conds.push(`n.patient_id = $${params.push(scope.patientId)}`);
  const where = conds.join(' AND ');
  const filterParams = [...params];
  params.push(now.toISOString(), limit, offset);
  const sql = `
    WITH query AS (SELECT websearch_to_tsquery('english', $1) AS tsq),
    hits AS MATERIALIZED (
      SELECT DISTINCT id, service_date FROM (
        SELECT n.id, n.service_date
          FROM notes n, query
         WHERE n.search @@ query.tsq AND ${where}
        UNION ALL
        SELECT n.id, n.service_date
          FROM note_addenda ad JOIN notes n ON n.id = ad.note_id, query
         WHERE to_tsvector('english', ad.body) @@ query.tsq AND ${where}
        UNION ALL
        SELECT n.id, n.service_date
          FROM group_notes g JOIN notes n ON n.group_note_id = g.id, query
         WHERE g.author_id = $2 AND ${SHARED_TSV} @@ query.tsq AND ${where}
      ) m
    ),
    page AS (
      SELECT id, service_date, count(*) OVER ()::int AS total FROM hits
       ORDER BY service_date DESC, id
       LIMIT $${params.length - 1} OFFSET $${params.length}
    )
    SELECT ${summaryColumns(`$${params.length - 2}`)}, page.total,
           ts_headline('english', ${SNIPPET_TEXT}, query.tsq, '${HEADLINE_OPTIONS}') AS snippet
      FROM page JOIN notes n ON n.id = page.id ${SUMMARY_JOINS}
      CROSS JOIN query
     ORDER BY n.service_date DESC, n.id`;
  return { sql, params, where, filterParams };
}

export async function searchNotePage(
  q: Queryable,
  text: string,
  scope: SearchScope,
  now: Date,
  limit: number,
  offset: number,
): Promise<{ rows: (NoteSummaryRow & { snippet: string | null })[]; total: number }> {
  const { sql, params, where, filterParams } = searchNoteSql(text, scope, now, limit, offset);
  const r = await q.query<NoteSummaryRow & { snippet: string | null; total: number }>(sql, params);
  let total = r.rows[0]?.total ?? 0;
  if (!r.rows.length && offset > 0) {
    const c = await q.query<{ n: number }>(
      `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS tsq)
       SELECT count(DISTINCT id)::int AS n FROM (
         SELECT n.id FROM notes n, query WHERE n.search @@ query.tsq AND ${where}
         UNION ALL
         SELECT n.id FROM note_addenda ad JOIN notes n ON n.id = ad.note_id, query WHERE to_tsvector('english', ad.body) @@ query.tsq AND ${where}
         UNION ALL
         SELECT n.id FROM group_notes g JOIN notes n ON n.group_note_id = g.id, query WHERE g.author_id = $2 AND ${SHARED_TSV} @@ query.tsq AND ${where}
       ) m`,
      filterParams,
    );
    total = c.rows[0]?.n ?? 0;
  }
  return { rows: r.rows, total: Number(total) };
}

import type { TNoteKind, TTemplateDefinition } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';

// SQL for note templates and their versions. A template's published versions never change; at most
// one draft exists per template (a partial unique index), and only practice templates get drafts.

export interface TemplateRow {
  id: string;
  builtin_key: string | null;
  name: string;
  kind: TNoteKind;
  billable: boolean;
  active: boolean;
  duplicated_from: string | null;
  published_version: number | null;
  draft_version: number | null;
}

export interface VersionRow {
  template_id: string;
  builtin_key: string | null;
  name: string;
  kind: TNoteKind;
  billable: boolean;
  active: boolean;
  version: number;
  status: 'draft' | 'published';
  published_at: Date | null;
  definition: TTemplateDefinition;
}

const templateSelect = `
  SELECT t.id, t.builtin_key, t.name, t.kind, t.billable, t.active, t.duplicated_from,
         (SELECT max(v.version) FROM note_template_versions v WHERE v.template_id = t.id AND v.status = 'published') AS published_version,
         (SELECT v.version FROM note_template_versions v WHERE v.template_id = t.id AND v.status = 'draft') AS draft_version
    FROM note_templates t`;

export interface TemplateFilter {
  kind?: TNoteKind;
  includeInactive: boolean;
  /** Writers see only templates a note can be started on (one with a published version). */
  publishedOnly: boolean;
  /** Built-in keys in the order a picker shows them (the shipped order). */
  builtinOrder: string[];
}

export async function listTemplates(q: Queryable, f: TemplateFilter): Promise<TemplateRow[]> {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.kind) {
    params.push(f.kind);
    conds.push(`t.kind = $${params.length}`);
  }
  if (!f.includeInactive) conds.push('t.active');
  if (f.publishedOnly) conds.push(`EXISTS (SELECT 1 FROM note_template_versions v WHERE v.template_id = t.id AND v.status = 'published')`);
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  params.push(JSON.stringify(f.builtinOrder));
  // Built-ins first in their shipped order, then the practice's own by name.
  const order = `(SELECT o.n FROM jsonb_array_elements_text($${params.length}::jsonb) WITH ORDINALITY AS o(key, n) WHERE o.key = t.builtin_key)`;
  return (await q.query<TemplateRow>(`${templateSelect} ${where} ORDER BY (t.builtin_key IS NULL), ${order}, t.name, t.created_at, t.id`, params)).rows;
}

export async function loadTemplate(q: Queryable, id: string, forUpdate = false): Promise<TemplateRow | null> {
  // The row lock serialises publishing and draft saves of one template (the aggregates stay outside FOR UPDATE).
  if (forUpdate) await q.query('SELECT id FROM note_templates WHERE id = $1 FOR UPDATE', [id]);
  return (await q.query<TemplateRow>(`${templateSelect} WHERE t.id = $1`, [id])).rows[0] ?? null;
}

const versionSelect = `
  SELECT v.template_id, t.builtin_key, t.name, t.kind, t.billable, t.active, v.version, v.status, v.published_at, v.definition
    FROM note_template_versions v JOIN note_templates t ON t.id = v.template_id`;

export async function loadVersion(q: Queryable, id: string, version: number): Promise<VersionRow | null> {
  return (await q.query<VersionRow>(`${versionSelect} WHERE v.template_id = $1 AND v.version = $2`, [id, version])).rows[0] ?? null;
}

export async function insertTemplate(
  q: Queryable,
  t: { id: string; builtinKey: string | null; name: string; kind: TNoteKind; billable: boolean; duplicatedFrom: string | null; createdBy: string | null; at: Date | null },
): Promise<void> {
  await q.query(
    `INSERT INTO note_templates(id, builtin_key, name, kind, billable, duplicated_from, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,coalesce($8::timestamptz, now()))`,
    [t.id, t.builtinKey, t.name, t.kind, t.billable, t.duplicatedFrom, t.createdBy, t.at?.toISOString() ?? null],
  );
}

export async function insertVersion(
  q: Queryable,
  v: { templateId: string; version: number; definition: TTemplateDefinition; status: 'draft' | 'published'; publishedBy: string | null; at: Date | null },
): Promise<void> {
  await q.query(
    `INSERT INTO note_template_versions(template_id, version, definition, status, published_at, published_by, updated_at)
     VALUES ($1,$2,$3::jsonb,$4,CASE WHEN $4 = 'published' THEN coalesce($6::timestamptz, now()) END,$5,coalesce($6::timestamptz, now()))`,
    [v.templateId, v.version, JSON.stringify(v.definition), v.status, v.publishedBy, v.at?.toISOString() ?? null],
  );
}

export async function updateDraft(q: Queryable, id: string, definition: TTemplateDefinition, at: Date): Promise<void> {
  await q.query(`UPDATE note_template_versions SET definition = $2::jsonb, updated_at = $3 WHERE template_id = $1 AND status = 'draft'`, [id, JSON.stringify(definition), at.toISOString()]);
}

export async function nextVersion(q: Queryable, id: string): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT coalesce(max(version), 0) + 1 AS n FROM note_template_versions WHERE template_id = $1', [id]);
  return Number(r.rows[0]!.n);
}

export async function publishDraft(q: Queryable, id: string, by: string, at: Date): Promise<number | null> {
  const r = await q.query<{ version: number }>(
    `UPDATE note_template_versions SET status = 'published', published_at = $3, published_by = $2, updated_at = $3
      WHERE template_id = $1 AND status = 'draft' RETURNING version`,
    [id, by, at.toISOString()],
  );
  return r.rows[0]?.version ?? null;
}

export async function updateTemplate(q: Queryable, id: string, set: { name?: string; active?: boolean; billable?: boolean; kind?: TNoteKind }): Promise<void> {
  await q.query(
    `UPDATE note_templates SET name = coalesce($2, name), active = coalesce($3, active), billable = coalesce($4, billable), kind = coalesce($5, kind) WHERE id = $1`,
    [id, set.name ?? null, set.active ?? null, set.billable ?? null, set.kind ?? null],
  );
}

/** Built-in templates by key, with their newest version (for syncing shipped content). */
export async function builtinTemplates(q: Queryable): Promise<Map<string, { id: string; latest: number }>> {
  const r = await q.query<{ id: string; builtin_key: string; latest: number | null }>(
    `SELECT t.id, t.builtin_key, (SELECT max(v.version) FROM note_template_versions v WHERE v.template_id = t.id) AS latest
       FROM note_templates t WHERE t.builtin_key IS NOT NULL`,
  );
  return new Map(r.rows.map((x) => [x.builtin_key, { id: x.id, latest: Number(x.latest ?? 0) }]));
}

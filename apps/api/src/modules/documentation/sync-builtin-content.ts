import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_RELEASE, ICD10CM_CODES, ICD10CM_RELEASE } from '@hearth/content';
import { ZBuiltinTemplate } from '@hearth/contracts';
import type { Db, Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/ids.js';
import {
  ICD_EFFECTIVE, ICD_RELEASE, ICD_SOURCE, TEMPLATES_RELEASE, lockContent, readRelease, recordRelease, retireMissing, upsertCodes, type Icd10Input,
} from './icd10.repo.js';
import { builtinTemplates, insertTemplate, insertVersion, updateTemplate } from './templates.repo.js';

// Loads the built-in content shipped in packages/content (ICD-10-CM codes, note templates) into the
// database after migrations, once per content release. Called at boot by every process: the advisory
// lock makes the second process wait and then find nothing to do.

export interface SyncLog {
  info(obj: object, msg?: string): void;
}

export interface SyncResult {
  icd10: { release: string; added: number; updated: number; retired: number } | null;
  templates: { release: string; templatesAdded: number; versionsAdded: number } | null;
}

export async function syncBuiltinContent(db: Db, log?: SyncLog): Promise<SyncResult> {
  const result = await db.tx(async (q) => {
    await lockContent(q);
    const out: SyncResult = { icd10: null, templates: null };
    if (await icdNeedsLoad(q)) out.icd10 = await loadShippedIcd(q);
    if ((await readRelease(q, TEMPLATES_RELEASE)) !== BUILTIN_TEMPLATES_RELEASE) out.templates = await loadShippedTemplates(q);
    if (out.icd10 || out.templates) {
      await appendAudit(q, {
        at: new Date(), actorId: null, actorKind: 'system', actorRole: null, outcome: 'success', action: 'content.sync', resourceType: 'ContentRelease',
        detail: { icd10: out.icd10, templates: out.templates },
      });
    }
    return out;
  });
  if (result.icd10) log?.info({ ...result.icd10 }, 'loaded the shipped ICD-10-CM release');
  if (result.templates) log?.info({ ...result.templates }, 'loaded the shipped note templates');
  return result;
}

/**
 * The shipped ICD-10-CM release is loaded when none is, or when it is newer than the loaded one: a CMS
 * release imported with `npm run icd10:import` (the full code set) is never replaced by the shipped
 * subset of the same or an older year.
 */
async function icdNeedsLoad(q: Queryable): Promise<boolean> {
  const loaded = await readRelease(q, ICD_RELEASE);
  if (loaded === null) return true;
  if (loaded === ICD10CM_RELEASE.name) return false;
  const loadedFrom = await readRelease(q, ICD_EFFECTIVE);
  return loadedFrom === null || ICD10CM_RELEASE.effectiveFrom > loadedFrom;
}

async function loadShippedIcd(q: Queryable): Promise<NonNullable<SyncResult['icd10']>> {
  const { name, effectiveFrom } = ICD10CM_RELEASE;
  const codes: Icd10Input[] = ICD10CM_CODES.map((c) => ({ code: c.code, title: c.title, billable: c.billable, synonyms: c.synonyms ?? '' }));
  const { added, updated } = await upsertCodes(q, codes, effectiveFrom, name);
  // Over an imported full release the shipped subset only adds and updates: the codes it lacks are not
  // retired (they are real codes the practice loaded, not ones the newer release dropped).
  const imported = (await readRelease(q, ICD_SOURCE)) === 'imported';
  const retired = imported ? 0 : await retireMissing(q, codes.map((c) => c.code), effectiveFrom, false);
  await recordRelease(q, ICD_RELEASE, name);
  await recordRelease(q, ICD_EFFECTIVE, effectiveFrom);
  return { release: name, added, updated, retired };
}

/**
 * Creates each built-in template that is missing and adds the shipped definition as a new published
 * version when its `version` is newer than the newest stored one. Version numbers follow the shipped
 * ones, so "DAP note v3" means the same thing in every practice.
 */
async function loadShippedTemplates(q: Queryable): Promise<NonNullable<SyncResult['templates']>> {
  const existing = await builtinTemplates(q);
  let templatesAdded = 0;
  let versionsAdded = 0;
  for (const shipped of BUILTIN_TEMPLATES) {
    // Parsed so the stored definition carries every default (required, scope, optional) explicitly.
    const b = ZBuiltinTemplate.parse(shipped);
    let row = existing.get(b.key);
    if (!row) {
      row = { id: newId(), latest: 0 };
      await insertTemplate(q, { id: row.id, builtinKey: b.key, name: b.name, kind: b.kind, billable: b.billable, duplicatedFrom: null, createdBy: null, at: null });
      templatesAdded++;
    }
    if (b.version > row.latest) {
      await insertVersion(q, { templateId: row.id, version: b.version, definition: b.definition, status: 'published', publishedBy: null, at: null });
      await updateTemplate(q, row.id, { name: b.name, billable: b.billable, kind: b.kind });
      versionsAdded++;
    }
  }
  await recordRelease(q, TEMPLATES_RELEASE, BUILTIN_TEMPLATES_RELEASE);
  return { release: BUILTIN_TEMPLATES_RELEASE, templatesAdded, versionsAdded };
}

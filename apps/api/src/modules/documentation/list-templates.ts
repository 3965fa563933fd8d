import { BUILTIN_TEMPLATES } from '@hearth/content';
import type { TTemplateListQuery, TTemplateSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { listTemplates as listTemplateRows } from './templates.repo.js';
import { toTemplateSummary } from './template-view.js';

const BUILTIN_ORDER = BUILTIN_TEMPLATES.map((b) => b.key);

/**
 * Templates a writer can start a note on: active ones with a published version. `includeInactive`
 * also lists retired ones (an old note's template still needs a name).
 */
export async function listTemplatesForWriters(deps: Deps, query: TTemplateListQuery): Promise<TTemplateSummary[]> {
  const rows = await listTemplateRows(deps.db, { kind: query.kind, includeInactive: query.includeInactive === 'true', publishedOnly: true, builtinOrder: BUILTIN_ORDER });
  return rows.map(toTemplateSummary);
}

/** Every template for the administrator, drafts and inactive ones included unless `includeInactive=false`. */
export async function listTemplatesForAdmin(deps: Deps, query: TTemplateListQuery): Promise<TTemplateSummary[]> {
  const rows = await listTemplateRows(deps.db, { kind: query.kind, includeInactive: query.includeInactive !== 'false', publishedOnly: false, builtinOrder: BUILTIN_ORDER });
  return rows.map(toTemplateSummary);
}

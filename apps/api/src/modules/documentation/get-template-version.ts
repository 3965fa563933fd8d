import type { TTemplateVersion } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { loadVersion } from './templates.repo.js';
import { toTemplateVersion } from './template-view.js';

/**
 * One version of a template. Writers see published versions only (a draft is the administrator's
 * work in progress); administrators see drafts too. Old versions stay readable so old notes render as written.
 */
export async function getTemplateVersion(deps: Deps, id: string, version: number, opts: { includeDraft: boolean }): Promise<TTemplateVersion> {
  const row = await loadVersion(deps.db, id, version);
  if (!row || (row.status === 'draft' && !opts.includeDraft)) throw new DomainError('not_found', 'That template version was not found.');
  return toTemplateVersion(row);
}

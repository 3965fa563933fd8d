import type { TDuplicateTemplateRequest, TTemplateSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { auditEvent } from './content-audit.js';
import { insertTemplate, insertVersion, loadTemplate, loadVersion } from './templates.repo.js';
import { toTemplateSummary } from './template-view.js';

/**
 * Copies a template (built-in or the practice's own) into a new practice template whose version 1 is
 * a draft of the source's newest published version (its draft, when it was never published). The copy
 * is how a practice changes a built-in: built-ins are updated only by shipped content.
 */
export async function duplicateTemplate(deps: Deps, actor: Actor, sourceId: string, input: TDuplicateTemplateRequest, ip: string): Promise<TTemplateSummary> {
  const { db, clock } = deps;
  const now = clock.now();
  const id = newId();
  await db.tx(async (q) => {
    const src = await loadTemplate(q, sourceId);
    if (!src) throw new DomainError('not_found', 'That template was not found.');
    const from = src.published_version ?? src.draft_version;
    const version = from === null ? null : await loadVersion(q, sourceId, Number(from));
    if (!version) throw new DomainError('conflict', 'That template has no version to copy.');
    await insertTemplate(q, { id, builtinKey: null, name: input.name, kind: src.kind, billable: src.billable, duplicatedFrom: sourceId, createdBy: actor.userId, at: now });
    await insertVersion(q, { templateId: id, version: 1, definition: version.definition, status: 'draft', publishedBy: null, at: now });
    await auditEvent(q, actor, ip, now, {
      action: 'template.duplicate', resourceType: 'NoteTemplate', resourceId: id,
      detail: { sourceId, sourceVersion: version.version },
    });
  });
  return toTemplateSummary((await loadTemplate(db, id))!);
}

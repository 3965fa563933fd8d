import type { TTemplateVersion } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { checkTemplateDefinition } from './domain/template-rules.js';
import { auditEvent } from './content-audit.js';
import { loadTemplate, loadVersion, publishDraft } from './templates.repo.js';
import { toTemplateVersion } from './template-view.js';

/**
 * Publishes the draft: it becomes the version new notes use. Notes already written keep the version
 * they were written on. The draft is checked again, in case the rules grew since it was saved.
 */
export async function publishTemplate(deps: Deps, actor: Actor, id: string, ip: string): Promise<TTemplateVersion> {
  const { db, clock } = deps;
  const now = clock.now();
  const version = await db.tx(async (q) => {
    const t = await loadTemplate(q, id, true);
    if (!t) throw new DomainError('not_found', 'That template was not found.');
    if (t.draft_version === null) throw new DomainError('conflict', 'There is no draft to publish. Save a draft first.');
    const draft = (await loadVersion(q, id, Number(t.draft_version)))!;
    const issues = checkTemplateDefinition(draft.definition, { billable: t.billable, kind: t.kind });
    if (issues.length) throw new DomainError('validation', `Please correct the template before publishing: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`.slice(0, 500), issues);
    const v = await publishDraft(q, id, actor.userId, now);
    if (v === null) throw new DomainError('conflict', 'There is no draft to publish. Save a draft first.');
    await auditEvent(q, actor, ip, now, {
      action: 'template.publish', resourceType: 'NoteTemplate', resourceId: id,
      detail: { version: v, previousVersion: t.published_version === null ? null : Number(t.published_version) },
    });
    return v;
  });
  return toTemplateVersion((await loadVersion(db, id, version))!);
}

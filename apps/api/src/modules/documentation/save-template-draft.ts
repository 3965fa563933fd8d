import type { TSaveTemplateDraftRequest, TTemplateVersion } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { checkTemplateDefinition } from './domain/template-rules.js';
import { auditEvent } from './content-audit.js';
import { insertVersion, loadTemplate, loadVersion, nextVersion, updateDraft, updateTemplate } from './templates.repo.js';
import { toTemplateVersion } from './template-view.js';

export const BUILTIN_EDIT_MESSAGE = 'Duplicate the built-in template to change it.';

/**
 * Saves the practice template's single draft: replaces it, or starts one numbered after the newest
 * version. Published versions are never touched, so notes written on them keep rendering as written.
 */
export async function saveTemplateDraft(deps: Deps, actor: Actor, id: string, input: TSaveTemplateDraftRequest, ip: string): Promise<TTemplateVersion> {
  const { db, clock } = deps;
  const now = clock.now();
  const version = await db.tx(async (q) => {
    const t = await loadTemplate(q, id, true);
    if (!t) throw new DomainError('not_found', 'That template was not found.');
    if (t.builtin_key !== null) throw new DomainError('conflict', BUILTIN_EDIT_MESSAGE);
    const issues = checkTemplateDefinition(input.definition, { billable: t.billable, kind: t.kind });
    if (issues.length) throw new DomainError('validation', `Please correct the template: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`.slice(0, 500), issues);
    let v: number;
    if (t.draft_version !== null) {
      v = Number(t.draft_version);
      await updateDraft(q, id, input.definition, now);
    } else {
      v = await nextVersion(q, id);
      await insertVersion(q, { templateId: id, version: v, definition: input.definition, status: 'draft', publishedBy: null, at: now });
    }
    if (input.name !== undefined && input.name !== t.name) await updateTemplate(q, id, { name: input.name });
    await auditEvent(q, actor, ip, now, {
      action: 'template.draft.save', resourceType: 'NoteTemplate', resourceId: id,
      detail: { version: v, created: t.draft_version === null, renamed: input.name !== undefined && input.name !== t.name, sections: input.definition.sections.length },
    });
    return v;
  });
  return toTemplateVersion((await loadVersion(db, id, version))!);
}

import type { TTemplateSummary, TUpdateTemplateRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditEvent } from './content-audit.js';
import { loadTemplate, updateTemplate as updateTemplateRow } from './templates.repo.js';
import { toTemplateSummary } from './template-view.js';

/**
 * Switches a template on or off for new notes. Built-ins may be retired too (a practice that does not
 * use one). Existing notes are unaffected: they keep their template version.
 */
export async function updateTemplate(deps: Deps, actor: Actor, id: string, input: TUpdateTemplateRequest, ip: string): Promise<TTemplateSummary> {
  const { db, clock } = deps;
  const now = clock.now();
  await db.tx(async (q) => {
    const t = await loadTemplate(q, id, true);
    if (!t) throw new DomainError('not_found', 'That template was not found.');
    await updateTemplateRow(q, id, { active: input.active });
    await auditEvent(q, actor, ip, now, { action: 'template.update', resourceType: 'NoteTemplate', resourceId: id, detail: { active: input.active, was: t.active } });
  });
  return toTemplateSummary((await loadTemplate(db, id))!);
}

import type { TTemplateSummary, TTemplateVersion } from '@hearth/contracts';
import type { TemplateRow, VersionRow } from './templates.repo.js';

export function toTemplateSummary(r: TemplateRow): TTemplateSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    billable: r.billable,
    builtin: r.builtin_key !== null,
    active: r.active,
    publishedVersion: r.published_version === null ? null : Number(r.published_version),
    draftVersion: r.draft_version === null ? null : Number(r.draft_version),
    duplicatedFrom: r.duplicated_from,
  };
}

export function toTemplateVersion(r: VersionRow): TTemplateVersion {
  return {
    templateId: r.template_id,
    name: r.name,
    kind: r.kind,
    billable: r.billable,
    version: r.version,
    status: r.status,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    definition: r.definition,
  };
}

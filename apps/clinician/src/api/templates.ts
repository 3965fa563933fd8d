import type {
  TDuplicateTemplateRequest,
  TIntervention,
  TSaveTemplateDraftRequest,
  TTemplateSummary,
  TTemplateVersion,
  TUpdateTemplateRequest,
} from '@hearth/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

// Template administration (templates.manage): every template with its published and draft versions,
// duplicating one, saving the copy's draft, publishing it and switching templates on and off.
// The writers' list (GET /api/note-templates) is in api/notes.ts.

const id = (v: string) => encodeURIComponent(v);

export const listAdminTemplates = () => api<TTemplateSummary[]>('/api/admin/note-templates');
export const getAdminTemplateVersion = (templateId: string, version: number) =>
  api<TTemplateVersion>(`/api/admin/note-templates/${id(templateId)}/versions/${version}`);
export const duplicateTemplate = (templateId: string, body: TDuplicateTemplateRequest) =>
  api<TTemplateSummary>(`/api/admin/note-templates/${id(templateId)}/duplicate`, { method: 'POST', body });
export const saveTemplateDraft = (templateId: string, body: TSaveTemplateDraftRequest) =>
  api<TTemplateVersion>(`/api/admin/note-templates/${id(templateId)}/draft`, { method: 'PUT', body });
export const publishTemplate = (templateId: string) =>
  api<TTemplateVersion>(`/api/admin/note-templates/${id(templateId)}/publish`, { method: 'POST' });
/** The intervention list as administrators read it (they have no clinical access; the template preview needs it). */
export const listAdminInterventions = () => api<TIntervention[]>('/api/admin/interventions');
export const updateTemplate = (templateId: string, body: TUpdateTemplateRequest) =>
  api<TTemplateSummary>(`/api/admin/note-templates/${id(templateId)}`, { method: 'PATCH', body });

// Under 'note-templates' so changing a template also refreshes the writers' list (api/notes.ts).
export const templateAdminKeys = {
  all: ['note-templates'] as const,
  list: ['note-templates', 'admin'] as const,
  version: (templateId: string, version: number) => ['note-templates', 'admin-version', templateId, version] as const,
};

export const useAdminTemplates = () => useQuery({ queryKey: templateAdminKeys.list, queryFn: listAdminTemplates });

export const useAdminTemplateVersion = (templateId: string, version: number | null) =>
  useQuery({
    queryKey: templateAdminKeys.version(templateId, version ?? 0),
    queryFn: () => getAdminTemplateVersion(templateId, version!),
    enabled: !!templateId && !!version,
  });

/** Every template query (admin and writers') after a change. */
export function useRefreshTemplates() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: templateAdminKeys.all });
}

export function useDuplicateTemplate() {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (v: { templateId: string; name: string }) => duplicateTemplate(v.templateId, { name: v.name }),
    onSuccess: () => refresh(),
  });
}

export function useSetTemplateActive() {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (v: { templateId: string; active: boolean }) => updateTemplate(v.templateId, { active: v.active }),
    onSuccess: () => refresh(),
  });
}

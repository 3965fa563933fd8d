import type { TAuditEvent } from '@hearth/contracts';
import { api, qs } from './client';
import type {
  TAdminSession,
  TApiToken,
  TApiTokenInput,
  TAuditVerify,
  TCreatedApiToken,
  TPageOf,
  TServiceAccount,
} from './types';

export const listSessions = () => api<TAdminSession[]>('/api/admin/sessions');
export const revokeSession = (id: string) =>
  api<unknown>(`/api/admin/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const listServiceAccounts = () => api<TServiceAccount[]>('/api/admin/service-accounts');
export const createServiceAccount = (name: string) =>
  api<TServiceAccount>('/api/admin/service-accounts', { method: 'POST', body: { name } });

export const listApiTokens = () => api<TApiToken[]>('/api/admin/api-tokens');
export const createApiToken = (body: TApiTokenInput) =>
  api<TCreatedApiToken>('/api/admin/api-tokens', { method: 'POST', body });
export const revokeApiToken = (id: string) =>
  api<unknown>(`/api/admin/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export interface AuditFilters {
  from?: string;
  to?: string;
  actorId?: string;
  patientId?: string;
  action?: string;
  outcome?: string;
  page?: number;
  pageSize?: number;
}

export const auditQuery = (f: AuditFilters) => qs({ ...f });
export const listAudit = (f: AuditFilters) => api<TPageOf<TAuditEvent>>(`/api/admin/audit${auditQuery(f)}`);
export const auditExportUrl = (f: AuditFilters) =>
  `/api/admin/audit/export.csv${auditQuery({ ...f, page: undefined, pageSize: undefined })}`;
export const verifyAuditChain = () => api<TAuditVerify>('/api/admin/audit/verify');

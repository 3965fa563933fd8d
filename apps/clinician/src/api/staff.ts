import type { TCreateStaffRequest, TStaff } from '@hearth/contracts';
import { api, qs } from './client';
import type { TCreateStaffResponse, TPageOf, TRole, TUpdateStaffRequest } from './types';

export interface StaffSearch {
  q?: string;
  role?: string;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export const listStaff = (s: StaffSearch) => api<TPageOf<TStaff>>(`/api/staff${qs({ ...s })}`);
export const getStaff = (id: string) => api<TStaff>(`/api/staff/${encodeURIComponent(id)}`);
export const createStaff = (body: TCreateStaffRequest) =>
  api<TCreateStaffResponse>('/api/staff', { method: 'POST', body });
export const updateStaff = (id: string, body: TUpdateStaffRequest) =>
  api<TStaff>(`/api/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const unlockStaff = (id: string) =>
  api<unknown>(`/api/staff/${encodeURIComponent(id)}/unlock`, { method: 'POST' });
export const resetStaffMfa = (id: string) =>
  api<unknown>(`/api/staff/${encodeURIComponent(id)}/reset-mfa`, { method: 'POST' });
export const listRoles = () => api<TRole[]>('/api/roles');

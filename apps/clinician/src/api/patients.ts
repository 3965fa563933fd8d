import type {
  TCreatePatientRequest,
  TPatient,
  TPatientSummary,
  TUpdatePatientRequest,
} from '@hearth/contracts';
import { api, qs } from './client';
import type { TPageOf } from './types';

export interface PatientSearch {
  q?: string;
  dob?: string;
  phone?: string;
  mrn?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

export const searchPatients = (s: PatientSearch, signal?: AbortSignal) =>
  api<TPageOf<TPatientSummary>>(`/api/patients${qs({ ...s })}`, { signal });

export const getPatient = (id: string) => api<TPatient>(`/api/patients/${encodeURIComponent(id)}`);

export const createPatient = (body: TCreatePatientRequest) =>
  api<TPatient>('/api/patients', { method: 'POST', body });

export const updatePatient = (id: string, body: TUpdatePatientRequest) =>
  api<TPatient>(`/api/patients/${encodeURIComponent(id)}`, { method: 'PATCH', body });

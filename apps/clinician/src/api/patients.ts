import type {
  TCreatePatientRequest,
  TPatient,
  TPatientSummary,
  TUpdatePatientRequest,
} from '@hearth/contracts';
import { api } from './client';
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

// Search terms go in the body, never the URL (names and birth dates must not reach access logs).
export const searchPatients = (s: PatientSearch, signal?: AbortSignal) => {
  const body = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== ''));
  return api<TPageOf<TPatientSummary>>('/api/patients/search', { method: 'POST', body, signal });
};

export const getPatient = (id: string) => api<TPatient>(`/api/patients/${encodeURIComponent(id)}`);

export const createPatient = (body: TCreatePatientRequest) =>
  api<TPatient>('/api/patients', { method: 'POST', body });

export const updatePatient = (id: string, body: TUpdatePatientRequest) =>
  api<TPatient>(`/api/patients/${encodeURIComponent(id)}`, { method: 'PATCH', body });

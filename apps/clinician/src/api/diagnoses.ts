import type {
  TAddProblemRequest,
  TIcd10Code,
  TIntervention,
  TPatientProblem,
  TUpdateProblemRequest,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';

// ICD-10-CM search, the patient's problem list and the practice's intervention list. The search
// words go in the query string: they are code words ("F43", "PTSD"), never patient details.

export type TAddProblem = TAddProblemRequest;
export type TUpdateProblem = TUpdateProblemRequest;

const id = (v: string) => encodeURIComponent(v);

export const searchIcd10 = (
  p: { q: string; on?: string; billableOnly?: boolean; limit?: number },
  signal?: AbortSignal,
) =>
  api<TIcd10Code[]>(
    `/api/icd10/codes${qs({ q: p.q, on: p.on, billableOnly: p.billableOnly ? 'true' : undefined, limit: p.limit })}`,
    { signal },
  );
export const listProblems = (patientId: string) =>
  api<TPatientProblem[]>(`/api/patients/${id(patientId)}/problems`);
export const addProblem = (patientId: string, body: TAddProblem) =>
  api<TPatientProblem>(`/api/patients/${id(patientId)}/problems`, { method: 'POST', body });
export const updateProblem = (patientId: string, problemId: string, body: TUpdateProblem) =>
  api<TPatientProblem>(`/api/patients/${id(patientId)}/problems/${id(problemId)}`, { method: 'PATCH', body });
export const listInterventions = () => api<TIntervention[]>('/api/interventions');

export const diagnosisKeys = {
  icd: (q: string, on: string) => ['icd10', q, on] as const,
  problems: (patientId: string) => ['patient-problems', patientId] as const,
  interventions: ['interventions'] as const,
};

/** Codes matching `q` (at least one character after trimming), valid on `on` when given. */
export const useIcd10Search = (q: string, on?: string) =>
  useQuery({
    queryKey: diagnosisKeys.icd(q.trim(), on ?? ''),
    queryFn: ({ signal }) => searchIcd10({ q: q.trim(), on, limit: 20 }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });

export const useProblems = (patientId: string | null | undefined) =>
  useQuery({
    queryKey: diagnosisKeys.problems(patientId ?? ''),
    queryFn: () => listProblems(patientId!),
    enabled: !!patientId,
  });

export const useInterventions = () =>
  useQuery({ queryKey: diagnosisKeys.interventions, queryFn: listInterventions, staleTime: 10 * 60_000 });

export function useAddProblem(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TAddProblem) => addProblem(patientId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.problems(patientId) }),
  });
}

export function useUpdateProblem(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { problemId: string; body: TUpdateProblem }) => updateProblem(patientId, v.problemId, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.problems(patientId) }),
  });
}

import type {
  TAtRiskPatient,
  TAttendanceGroupBy,
  TAttendanceReport,
  TOutreachAttempt,
  TPatientAttendance,
  TRecordOutreachRequest,
  TSendOutreachRequest,
  ZSendOutreachResult,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { TPageOf } from './types';

/** The output type of a contract schema, without importing zod into the app. */
type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TSendOutreachResult = Out<typeof ZSendOutreachResult>;

const id = (s: string) => encodeURIComponent(s);

export interface AtRiskParams {
  level?: 'moderate' | 'high';
  clinicianId?: string;
  page?: number;
  pageSize?: number;
}

export interface AttendanceReportParams {
  from: string;
  to: string;
  groupBy: TAttendanceGroupBy;
  interval?: 'week' | 'month';
}

export const getPatientAttendance = (patientId: string) =>
  api<TPatientAttendance>(`/api/patients/${id(patientId)}/attendance`);
export const listAtRisk = (p: AtRiskParams, signal?: AbortSignal) =>
  api<TPageOf<TAtRiskPatient>>(`/api/engagement/at-risk${qs({ ...p })}`, { signal });
export const listOutreach = (patientId: string) =>
  api<TOutreachAttempt[]>(`/api/patients/${id(patientId)}/outreach`);
export const recordOutreach = (patientId: string, body: TRecordOutreachRequest) =>
  api<TOutreachAttempt>(`/api/patients/${id(patientId)}/outreach`, { method: 'POST', body });
export const sendOutreach = (patientId: string, body: TSendOutreachRequest) =>
  api<TSendOutreachResult>(`/api/patients/${id(patientId)}/outreach/send`, { method: 'POST', body });
export const getAttendanceReport = (p: AttendanceReportParams, signal?: AbortSignal) =>
  api<TAttendanceReport>(`/api/reports/attendance${qs({ ...p })}`, { signal });

export const engagementKeys = {
  attendance: (patientId: string) => ['patient-attendance', patientId] as const,
  atRisk: ['at-risk'] as const,
  outreach: (patientId: string) => ['outreach', patientId] as const,
  report: ['attendance-report'] as const,
};

export const usePatientAttendance = (patientId: string, enabled = true) =>
  useQuery({
    queryKey: engagementKeys.attendance(patientId),
    queryFn: () => getPatientAttendance(patientId),
    enabled,
  });

export const useAtRisk = (p: AtRiskParams) =>
  useQuery({
    queryKey: [...engagementKeys.atRisk, p],
    queryFn: ({ signal }) => listAtRisk(p, signal),
    placeholderData: keepPreviousData,
  });

export const useOutreach = (patientId: string, enabled = true) =>
  useQuery({ queryKey: engagementKeys.outreach(patientId), queryFn: () => listOutreach(patientId), enabled });

export const useAttendanceReport = (p: AttendanceReportParams | null) =>
  useQuery({
    queryKey: [...engagementKeys.report, p],
    queryFn: ({ signal }) => getAttendanceReport(p!, signal),
    enabled: !!p,
    placeholderData: keepPreviousData,
  });

/** After any outreach: the worklist's "last contact" and the patient's history change. */
function useRefreshOutreach() {
  const qc = useQueryClient();
  return (patientId: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: engagementKeys.atRisk }),
      qc.invalidateQueries({ queryKey: engagementKeys.outreach(patientId) }),
    ]);
}

export function useRecordOutreach() {
  const refresh = useRefreshOutreach();
  return useMutation({
    mutationFn: (v: { patientId: string; body: TRecordOutreachRequest }) =>
      recordOutreach(v.patientId, v.body),
    onSuccess: (_r, v) => refresh(v.patientId),
  });
}

export function useSendOutreach() {
  const refresh = useRefreshOutreach();
  return useMutation({
    mutationFn: (v: { patientId: string; body: TSendOutreachRequest }) => sendOutreach(v.patientId, v.body),
    onSuccess: (_r, v) => refresh(v.patientId),
  });
}

import type {
  TAppointment,
  TAppointmentType,
  TBookingPreview,
  TBookingRequest,
  TConflict,
  TLocation,
  TMoveAppointmentRequest,
  TSchedulingSettings,
  TSeries,
  TStaff,
  ZAppointmentEvent,
  ZBookingResult,
  ZCreateAppointmentTypeRequest,
  ZEndSeriesRequest,
  ZSkipRequest,
  ZStatusChangeRequest,
  ZUpdateAppointmentTypeRequest,
  ZUpdateSchedulingSettingsRequest,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, qs } from './client';
import { listLocations } from './practice';
import type { TPageOf } from './types';

/** The output type of a contract schema, without importing zod into the app. */
type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;

export type TAppointmentEvent = Out<typeof ZAppointmentEvent>;
export type TBookingResult = Out<typeof ZBookingResult>;
export type TCreateAppointmentType = Out<typeof ZCreateAppointmentTypeRequest>;
export type TUpdateAppointmentType = Out<typeof ZUpdateAppointmentTypeRequest>;
export type TUpdateSchedulingSettings = Out<typeof ZUpdateSchedulingSettingsRequest>;
export type TStatusChange = Out<typeof ZStatusChangeRequest>;
export type TSkip = Out<typeof ZSkipRequest>;
export type TEndSeries = Out<typeof ZEndSeriesRequest>;
export type TSettableStatus = TStatusChange['status'];

/** One conflicting occurrence in a refused booking or move (the 409 problem's `conflicts`). */
export interface OccurrenceConflict {
  occurrence: string;
  start: string;
  conflicts: TConflict[];
}

/** The per-occurrence conflicts carried by a 409 problem, or null for any other error. */
export function conflictsOf(err: unknown): OccurrenceConflict[] | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const raw = err.problem.conflicts;
  // An empty list (a race lost at the last moment) is told in the problem's sentence instead.
  if (!Array.isArray(raw) || raw.length === 0) return null;
  return raw
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
    .map((c) => ({
      occurrence: typeof c.occurrence === 'string' ? c.occurrence : '',
      start: typeof c.start === 'string' ? c.start : typeof c.occurrence === 'string' ? c.occurrence : '',
      conflicts: Array.isArray(c.conflicts) ? (c.conflicts as TConflict[]) : [],
    }));
}

export interface CalendarParams {
  from: string;
  to: string;
  clinicianIds?: string[];
  locationId?: string;
  roomId?: string;
  patientId?: string;
  includeCancelled?: boolean;
}

const id = (v: string) => encodeURIComponent(v);

// ---- requests -----------------------------------------------------------------------------------

export const listAppointmentTypes = () => api<TAppointmentType[]>('/api/appointment-types');
export const createAppointmentType = (body: TCreateAppointmentType) =>
  api<TAppointmentType>('/api/appointment-types', { method: 'POST', body });
export const updateAppointmentType = (typeId: string, body: TUpdateAppointmentType) =>
  api<TAppointmentType>(`/api/appointment-types/${id(typeId)}`, { method: 'PATCH', body });

export const getSchedulingSettings = () => api<TSchedulingSettings>('/api/scheduling/settings');
export const updateSchedulingSettings = (body: TUpdateSchedulingSettings) =>
  api<TSchedulingSettings>('/api/scheduling/settings', { method: 'PATCH', body });

// Ids and dates only: the calendar query never carries anything identifying in the URL.
export const listAppointments = (p: CalendarParams, signal?: AbortSignal) =>
  api<TAppointment[]>(
    `/api/appointments${qs({
      from: p.from,
      to: p.to,
      clinicianIds: p.clinicianIds?.length ? p.clinicianIds.join(',') : undefined,
      locationId: p.locationId,
      roomId: p.roomId,
      patientId: p.patientId,
      includeCancelled: p.includeCancelled ? 'true' : undefined,
    })}`,
    { signal },
  );
export const getAppointment = (apptId: string) => api<TAppointment>(`/api/appointments/${id(apptId)}`);
export const getAppointmentHistory = (apptId: string) =>
  api<TAppointmentEvent[]>(`/api/appointments/${id(apptId)}/history`);
export const previewBooking = (body: TBookingRequest, signal?: AbortSignal) =>
  api<TBookingPreview>('/api/appointments/preview', { method: 'POST', body, signal });
export const createBooking = (body: TBookingRequest) =>
  api<TBookingResult>('/api/appointments', { method: 'POST', body });
export const moveAppointment = (apptId: string, body: TMoveAppointmentRequest) =>
  api<TAppointment>(`/api/appointments/${id(apptId)}`, { method: 'PATCH', body });
export const changeStatus = (apptId: string, body: TStatusChange) =>
  api<TAppointment>(`/api/appointments/${id(apptId)}/status`, { method: 'POST', body });
export const skipOccurrence = (apptId: string, body: TSkip) =>
  api<TAppointment>(`/api/appointments/${id(apptId)}/skip`, { method: 'POST', body });
export const getSeries = (seriesId: string) => api<TSeries>(`/api/series/${id(seriesId)}`);
export const endSeries = (seriesId: string, body: TEndSeries) =>
  api<TSeries>(`/api/series/${id(seriesId)}/end`, { method: 'POST', body });

const CLINICAL_ROLES = new Set(['therapist', 'associate', 'prescriber', 'supervisor']);

/** Active staff who see patients (every page of the directory, clinical roles only). */
export async function listClinicians(): Promise<TStaff[]> {
  const out: TStaff[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await api<TPageOf<TStaff>>(`/api/staff${qs({ active: 'true', page, pageSize: 100 })}`);
    out.push(...res.items.filter((s) => s.roles.some((r) => CLINICAL_ROLES.has(r))));
    if (page * res.pageSize >= res.total || res.items.length === 0) break;
  }
  return out.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
}

// ---- hooks --------------------------------------------------------------------------------------

export const schedulingKeys = {
  types: ['appointment-types'] as const,
  settings: ['scheduling-settings'] as const,
  appointments: ['appointments'] as const,
  appointment: (apptId: string) => ['appointment', apptId] as const,
  history: (apptId: string) => ['appointment-history', apptId] as const,
  series: (seriesId: string) => ['series', seriesId] as const,
  clinicians: ['staff', 'scheduling-clinicians'] as const,
  locations: ['locations'] as const,
};

export const useAppointmentTypes = () =>
  useQuery({ queryKey: schedulingKeys.types, queryFn: listAppointmentTypes, staleTime: 5 * 60_000 });
export const useSchedulingSettings = () =>
  useQuery({ queryKey: schedulingKeys.settings, queryFn: getSchedulingSettings });
export const useClinicians = () =>
  useQuery({ queryKey: schedulingKeys.clinicians, queryFn: listClinicians, staleTime: 5 * 60_000 });
export const useLocations = () =>
  useQuery<TLocation[]>({ queryKey: schedulingKeys.locations, queryFn: listLocations, staleTime: 5 * 60_000 });

export function useAppointments(p: CalendarParams | null) {
  return useQuery({
    queryKey: [...schedulingKeys.appointments, p],
    queryFn: ({ signal }) => listAppointments(p!, signal),
    enabled: !!p,
    placeholderData: keepPreviousData,
  });
}

export const useAppointment = (apptId: string | null) =>
  useQuery({
    queryKey: schedulingKeys.appointment(apptId ?? ''),
    queryFn: () => getAppointment(apptId!),
    enabled: !!apptId,
  });

export const useAppointmentHistory = (apptId: string | null) =>
  useQuery({
    queryKey: schedulingKeys.history(apptId ?? ''),
    queryFn: () => getAppointmentHistory(apptId!),
    enabled: !!apptId,
  });

export const useSeries = (seriesId: string | null) =>
  useQuery({
    queryKey: schedulingKeys.series(seriesId ?? ''),
    queryFn: () => getSeries(seriesId!),
    enabled: !!seriesId,
  });

/** Refreshes every calendar, appointment and history after a change. */
export function useRefreshSchedule() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: schedulingKeys.appointments }),
      qc.invalidateQueries({ queryKey: ['appointment'] }),
      qc.invalidateQueries({ queryKey: ['appointment-history'] }),
      qc.invalidateQueries({ queryKey: ['series'] }),
    ]);
}

export function useStatusChange() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (v: { id: string; body: TStatusChange }) => changeStatus(v.id, v.body),
    onSuccess: () => refresh(),
  });
}

export function useMoveAppointment() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (v: { id: string; body: TMoveAppointmentRequest }) => moveAppointment(v.id, v.body),
    onSuccess: () => refresh(),
  });
}

export function useSkipOccurrence() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (v: { id: string; body: TSkip }) => skipOccurrence(v.id, v.body),
    onSuccess: () => refresh(),
  });
}

export function useEndSeries() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (v: { id: string; body: TEndSeries }) => endSeries(v.id, v.body),
    onSuccess: () => refresh(),
  });
}

export function useCreateBooking() {
  const refresh = useRefreshSchedule();
  return useMutation({ mutationFn: createBooking, onSuccess: () => refresh() });
}

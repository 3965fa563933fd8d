import type {
  TClinicianException,
  TClinicianHours,
  TClinicianSummary,
  TCreateExceptionRequest,
  TOpenSlot,
  TOpenSlotsRequest,
  TReplaceHoursRequest,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';

// Working hours, time off and extra hours, and open slots. Ids and dates only in URLs.

const id = (v: string) => encodeURIComponent(v);

export const listSchedulingClinicians = () => api<TClinicianSummary[]>('/api/clinicians');
export const getHours = (clinicianId: string) => api<TClinicianHours>(`/api/clinicians/${id(clinicianId)}/hours`);
export const replaceHours = (clinicianId: string, body: TReplaceHoursRequest) =>
  api<TClinicianHours>(`/api/clinicians/${id(clinicianId)}/hours`, { method: 'PUT', body });
export const listExceptions = (clinicianId: string, range: { from?: string; to?: string } = {}) =>
  api<TClinicianException[]>(`/api/clinicians/${id(clinicianId)}/exceptions${qs(range)}`);
export const addException = (clinicianId: string, body: TCreateExceptionRequest) =>
  api<TClinicianException>(`/api/clinicians/${id(clinicianId)}/exceptions`, { method: 'POST', body });
export const removeException = (exceptionId: string) =>
  api<{ ok: true }>(`/api/clinician-exceptions/${id(exceptionId)}`, { method: 'DELETE' });
export const findOpenSlots = (body: TOpenSlotsRequest, signal?: AbortSignal) =>
  api<TOpenSlot[]>('/api/scheduling/open-slots', { method: 'POST', body, signal });

export const availabilityKeys = {
  clinicians: ['availability', 'clinicians'] as const,
  hours: (clinicianId: string) => ['availability', 'hours', clinicianId] as const,
  exceptions: (clinicianId: string) => ['availability', 'exceptions', clinicianId] as const,
  openSlots: ['availability', 'open-slots'] as const,
};

/** Active clinicians, marking who keeps weekly hours. */
export const useSchedulingClinicians = () =>
  useQuery({ queryKey: availabilityKeys.clinicians, queryFn: listSchedulingClinicians, staleTime: 60_000 });

export const useClinicianHours = (clinicianId: string | null) =>
  useQuery({ queryKey: availabilityKeys.hours(clinicianId ?? ''), queryFn: () => getHours(clinicianId!), enabled: !!clinicianId });

export const useClinicianExceptions = (clinicianId: string | null) =>
  useQuery({
    queryKey: availabilityKeys.exceptions(clinicianId ?? ''),
    queryFn: () => listExceptions(clinicianId!),
    enabled: !!clinicianId,
  });

/** Open slots for a request; null waits (for example until a clinician or type is chosen). */
export const useOpenSlots = (req: TOpenSlotsRequest | null) =>
  useQuery({
    queryKey: [...availabilityKeys.openSlots, req],
    queryFn: ({ signal }) => findOpenSlots(req!, signal),
    enabled: !!req,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** After a change to hours or exceptions: the lists, and every open-slot answer. */
function useRefreshAvailability() {
  const qc = useQueryClient();
  return (clinicianId: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: availabilityKeys.hours(clinicianId) }),
      qc.invalidateQueries({ queryKey: availabilityKeys.exceptions(clinicianId) }),
      qc.invalidateQueries({ queryKey: availabilityKeys.clinicians }),
      qc.invalidateQueries({ queryKey: availabilityKeys.openSlots }),
    ]);
}

export function useReplaceHours() {
  const refresh = useRefreshAvailability();
  return useMutation({
    mutationFn: (v: { clinicianId: string; body: TReplaceHoursRequest }) => replaceHours(v.clinicianId, v.body),
    onSuccess: (_r, v) => refresh(v.clinicianId),
  });
}

export function useAddException() {
  const refresh = useRefreshAvailability();
  return useMutation({
    mutationFn: (v: { clinicianId: string; body: TCreateExceptionRequest }) => addException(v.clinicianId, v.body),
    onSuccess: (_r, v) => refresh(v.clinicianId),
  });
}

export function useRemoveException() {
  const refresh = useRefreshAvailability();
  return useMutation({
    mutationFn: (v: { clinicianId: string; exceptionId: string }) => removeException(v.exceptionId),
    onSuccess: (_r, v) => refresh(v.clinicianId),
  });
}

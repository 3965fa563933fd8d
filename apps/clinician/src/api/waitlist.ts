import type {
  TCreateWaitlistEntryRequest,
  TUpdateWaitlistEntryRequest,
  TWaitlistEntry,
  TWaitlistStatus,
  TWaitlistSuggestions,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { TPageOf } from './types';

const id = (s: string) => encodeURIComponent(s);

export interface WaitlistParams {
  status?: TWaitlistStatus;
  page?: number;
  pageSize?: number;
}

export const listWaitlist = (p: WaitlistParams, signal?: AbortSignal) =>
  api<TPageOf<TWaitlistEntry>>(`/api/waitlist${qs({ ...p })}`, { signal });
export const getWaitlistEntry = (entryId: string) => api<TWaitlistEntry>(`/api/waitlist/${id(entryId)}`);
export const createWaitlistEntry = (body: TCreateWaitlistEntryRequest) =>
  api<TWaitlistEntry>('/api/waitlist', { method: 'POST', body });
export const updateWaitlistEntry = (entryId: string, body: TUpdateWaitlistEntryRequest) =>
  api<TWaitlistEntry>(`/api/waitlist/${id(entryId)}`, { method: 'PATCH', body });
export const getWaitlistSuggestions = (appointmentId: string) =>
  api<TWaitlistSuggestions>(`/api/waitlist/suggestions${qs({ appointmentId })}`);

export const waitlistKeys = {
  all: ['waitlist'] as const,
  suggestions: (appointmentId: string) => ['waitlist', 'suggestions', appointmentId] as const,
};

export const useWaitlist = (p: WaitlistParams) =>
  useQuery({
    queryKey: [...waitlistKeys.all, 'list', p],
    queryFn: ({ signal }) => listWaitlist(p, signal),
    placeholderData: keepPreviousData,
  });

export const useWaitlistSuggestions = (appointmentId: string | null) =>
  useQuery({
    queryKey: waitlistKeys.suggestions(appointmentId ?? ''),
    queryFn: () => getWaitlistSuggestions(appointmentId!),
    enabled: !!appointmentId,
  });

export function useSaveWaitlistEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      entryId: string | null;
      create?: TCreateWaitlistEntryRequest;
      update?: TUpdateWaitlistEntryRequest;
    }) => (v.entryId ? updateWaitlistEntry(v.entryId, v.update!) : createWaitlistEntry(v.create!)),
    onSuccess: () => qc.invalidateQueries({ queryKey: waitlistKeys.all }),
  });
}

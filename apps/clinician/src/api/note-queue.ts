import type { TNoteQueueCounts, TNoteSummary, ZNoteQueueQuery, ZNotesSettings, ZUpdateNotesSettingsRequest } from '@hearth/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { TPageOf } from './types';

// The note work queues (my unsigned notes, my overdue ones, the co-signature inbox, supervisees'
// overdue notes), their counts for the navigation badges, and the practice's overdue window.

type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TNoteQueueName = Out<typeof ZNoteQueueQuery>['queue'];
export type TNotesSettings = Out<typeof ZNotesSettings>;
export type TUpdateNotesSettings = Out<typeof ZUpdateNotesSettingsRequest>;

export const getNoteQueue = (p: { queue: TNoteQueueName; page: number; pageSize: number }, signal?: AbortSignal) =>
  api<TPageOf<TNoteSummary>>(`/api/notes/queue${qs({ ...p })}`, { signal });
/** Polled for the badges: a background request that does not extend the idle timeout. */
export const getNoteQueueCounts = (background = false) =>
  api<TNoteQueueCounts>('/api/notes/queue/counts', { background });
export const getNotesSettings = () => api<TNotesSettings>('/api/notes/settings');
export const updateNotesSettings = (body: TUpdateNotesSettings) =>
  api<TNotesSettings>('/api/notes/settings', { method: 'PUT', body });

// Under 'notes' so signing, co-signing or returning a note (api/notes.ts refreshes 'notes') updates the queues.
export const noteQueueKeys = {
  all: ['notes', 'queue'] as const,
  page: (queue: TNoteQueueName, page: number, pageSize: number) => ['notes', 'queue', queue, page, pageSize] as const,
  counts: ['notes', 'queue', 'counts'] as const,
  settings: ['notes-settings'] as const,
};

export const useNoteQueue = (queue: TNoteQueueName, page: number, pageSize: number, enabled = true) =>
  useQuery({
    queryKey: noteQueueKeys.page(queue, page, pageSize),
    queryFn: ({ signal }) => getNoteQueue({ queue, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The queue counts, refreshed every two minutes while the app is open (for the navigation badges). */
export const useNoteQueueCounts = (enabled = true) =>
  useQuery({
    queryKey: noteQueueKeys.counts,
    queryFn: () => getNoteQueueCounts(true),
    refetchInterval: 120_000,
    staleTime: 30_000,
    enabled,
  });

export const useNotesSettings = () => useQuery({ queryKey: noteQueueKeys.settings, queryFn: getNotesSettings });

export function useRefreshNoteQueues() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: noteQueueKeys.all });
}

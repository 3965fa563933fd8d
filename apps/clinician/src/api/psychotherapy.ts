import type {
  ZCreatePsychotherapyNoteRequest,
  ZPsychotherapyNote,
  ZUpdatePsychotherapyNoteRequest,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { TPageOf } from './types';

// Psychotherapy (process) notes: the signed-in clinician's own private notes about a patient. The
// server answers only with the reader's own notes, so nothing here can show anyone else's.

/** The output type of a contract schema, without importing zod into the app. */
type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TPsychotherapyNote = Out<typeof ZPsychotherapyNote>;
export type TCreatePsychotherapyNote = Out<typeof ZCreatePsychotherapyNoteRequest>;
export type TUpdatePsychotherapyNote = Out<typeof ZUpdatePsychotherapyNoteRequest>;

const id = (s: string) => encodeURIComponent(s);

export const listPsychotherapyNotes = (patientId: string, page: number, pageSize: number, signal?: AbortSignal) =>
  api<TPageOf<TPsychotherapyNote>>(`/api/psychotherapy-notes${qs({ patientId, page, pageSize })}`, { signal });
export const getPsychotherapyNote = (noteId: string, signal?: AbortSignal) =>
  api<TPsychotherapyNote>(`/api/psychotherapy-notes/${id(noteId)}`, { signal });
export const createPsychotherapyNote = (body: TCreatePsychotherapyNote) =>
  api<TPsychotherapyNote>('/api/psychotherapy-notes', { method: 'POST', body });
export const updatePsychotherapyNote = (noteId: string, body: TUpdatePsychotherapyNote) =>
  api<TPsychotherapyNote>(`/api/psychotherapy-notes/${id(noteId)}`, { method: 'PUT', body });

export const psychotherapyKeys = {
  all: ['psychotherapy-notes'] as const,
  list: (patientId: string, page: number, pageSize: number) => ['psychotherapy-notes', 'list', patientId, page, pageSize] as const,
  one: (noteId: string) => ['psychotherapy-notes', 'one', noteId] as const,
};

/** The reader's own notes about a patient, newest session first (disabled while `patientId` is null). */
export const usePsychotherapyNotes = (patientId: string | null, page = 1, pageSize = 25) =>
  useQuery({
    queryKey: psychotherapyKeys.list(patientId ?? '', page, pageSize),
    queryFn: ({ signal }) => listPsychotherapyNotes(patientId!, page, pageSize, signal),
    enabled: !!patientId,
    placeholderData: keepPreviousData,
  });

export const usePsychotherapyNote = (noteId: string | null) =>
  useQuery({
    queryKey: psychotherapyKeys.one(noteId ?? ''),
    queryFn: ({ signal }) => getPsychotherapyNote(noteId!, signal),
    enabled: !!noteId,
  });

/** Creates (no `noteId`) or rewrites a note; every list and copy of it is refreshed afterwards. */
export function useSavePsychotherapyNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { noteId: string; update: TUpdatePsychotherapyNote } | { noteId: null; create: TCreatePsychotherapyNote }) =>
      v.noteId !== null ? updatePsychotherapyNote(v.noteId, v.update) : createPsychotherapyNote(v.create),
    onSuccess: async (note) => {
      qc.setQueryData(psychotherapyKeys.one(note.id), note);
      await qc.invalidateQueries({ queryKey: [...psychotherapyKeys.all, 'list'] });
    },
  });
}

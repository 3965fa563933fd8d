import type {
  TCreateNoteRequest,
  TNote,
  TNoteKind,
  TNoteStatus,
  TNoteSummary,
  TSaveNoteRequest,
  TTemplateSummary,
  TTemplateVersion,
  ZAddendumRequest,
  ZCosignNoteRequest,
  ZReturnNoteRequest,
  ZSignNoteRequest,
} from '@hearth/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, qs } from './client';
import type { TPageOf } from './types';

// Clinical notes: create (from an appointment or the chart), autosave, sign, co-sign, return,
// addenda, the PDF, and the lists on the chart and the home page. Ids only in URLs.

type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TSignNote = Out<typeof ZSignNoteRequest>;
export type TCosignNote = Out<typeof ZCosignNoteRequest>;
export type TReturnNote = Out<typeof ZReturnNoteRequest>;
export type TAddendumRequest = Out<typeof ZAddendumRequest>;

export interface PatientNotesParams {
  status?: TNoteStatus;
  kind?: TNoteKind;
  page?: number;
  pageSize?: number;
}

const id = (v: string) => encodeURIComponent(v);

// ---- requests -----------------------------------------------------------------------------------

export const createNote = (body: TCreateNoteRequest) => api<TNote>('/api/notes', { method: 'POST', body });
export const getNote = (noteId: string) => api<TNote>(`/api/notes/${id(noteId)}`);
/** Autosave is made by a timer, not a click: it does not extend the idle timeout (typing does not either). */
export const saveNote = (noteId: string, body: TSaveNoteRequest, background = true) =>
  api<TNote>(`/api/notes/${id(noteId)}`, { method: 'PUT', body, background });
export const signNote = (noteId: string, body: TSignNote) =>
  api<TNote>(`/api/notes/${id(noteId)}/sign`, { method: 'POST', body });
export const cosignNote = (noteId: string, body: TCosignNote) =>
  api<TNote>(`/api/notes/${id(noteId)}/cosign`, { method: 'POST', body });
export const returnNote = (noteId: string, body: TReturnNote) =>
  api<TNote>(`/api/notes/${id(noteId)}/return`, { method: 'POST', body });
/** The answer is the note with the new addendum beneath it. */
export const addAddendum = (noteId: string, body: TAddendumRequest) =>
  api<TNote>(`/api/notes/${id(noteId)}/addenda`, { method: 'POST', body });
/** Opened in a new tab: the browser sends the session cookie; the server audits the export. */
export const notePdfUrl = (noteId: string) => `/api/notes/${id(noteId)}/pdf`;

export const listPatientNotes = (patientId: string, p: PatientNotesParams = {}, signal?: AbortSignal) =>
  api<TPageOf<TNoteSummary>>(
    `/api/patients/${id(patientId)}/notes${qs({ status: p.status, kind: p.kind, page: p.page, pageSize: p.pageSize })}`,
    { signal },
  );

/** The note started from an appointment, or null when none has been started. */
export async function getAppointmentNote(appointmentId: string): Promise<TNoteSummary | null> {
  try {
    return await api<TNoteSummary>(`/api/appointments/${id(appointmentId)}/note`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const listTemplates = () => api<TTemplateSummary[]>('/api/note-templates');
export const getTemplateVersion = (templateId: string, version: number) =>
  api<TTemplateVersion>(`/api/note-templates/${id(templateId)}/versions/${version}`);

// ---- hooks --------------------------------------------------------------------------------------

export const noteKeys = {
  all: ['notes'] as const,
  one: (noteId: string) => ['notes', 'one', noteId] as const,
  patient: (patientId: string, p: PatientNotesParams) => ['notes', 'patient', patientId, p] as const,
  appointment: (appointmentId: string) => ['notes', 'appointment', appointmentId] as const,
  templates: ['note-templates', 'list'] as const,
  templateVersion: (templateId: string, version: number) => ['note-templates', 'version', templateId, version] as const,
};

export const useNote = (noteId: string) =>
  useQuery({ queryKey: noteKeys.one(noteId), queryFn: () => getNote(noteId), enabled: !!noteId });

export const usePatientNotes = (patientId: string | null, p: PatientNotesParams) =>
  useQuery({
    queryKey: noteKeys.patient(patientId ?? '', p),
    queryFn: ({ signal }) => listPatientNotes(patientId!, p, signal),
    enabled: !!patientId,
    placeholderData: keepPreviousData,
  });

export const useAppointmentNote = (appointmentId: string | null, enabled = true) =>
  useQuery({
    queryKey: noteKeys.appointment(appointmentId ?? ''),
    queryFn: () => getAppointmentNote(appointmentId!),
    enabled: !!appointmentId && enabled,
  });

export const useTemplates = (enabled = true) =>
  useQuery({ queryKey: noteKeys.templates, queryFn: listTemplates, staleTime: 5 * 60_000, enabled });

export const useTemplateVersion = (templateId: string | null, version: number | null) =>
  useQuery({
    queryKey: noteKeys.templateVersion(templateId ?? '', version ?? 0),
    queryFn: () => getTemplateVersion(templateId!, version!),
    enabled: !!templateId && !!version,
    staleTime: Infinity,
  });

/** After a note changes state: its page, every list that shows it, and the calendar (a finished note completes its appointment). */
export function useRefreshNotes() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: noteKeys.all }),
      qc.invalidateQueries({ queryKey: ['appointments'] }),
      qc.invalidateQueries({ queryKey: ['appointment'] }),
    ]);
}

export function useCreateNote() {
  const refresh = useRefreshNotes();
  return useMutation({ mutationFn: createNote, onSuccess: () => refresh() });
}

/** Sign, co-sign or return: the answer is the note as it now stands. */
export function useNoteAction<B>(call: (noteId: string, body: B) => Promise<TNote>) {
  const qc = useQueryClient();
  const refresh = useRefreshNotes();
  return useMutation({
    mutationFn: (v: { noteId: string; body: B }) => call(v.noteId, v.body),
    onSuccess: (note) => {
      qc.setQueryData(noteKeys.one(note.id), note);
      return refresh();
    },
  });
}

export const useAddAddendum = () => useNoteAction(addAddendum);

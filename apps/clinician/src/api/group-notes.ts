import type { TGroupNote, ZCreateGroupNoteRequest, ZSaveGroupNoteRequest, ZSignGroupNoteRequest } from '@hearth/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';

// A group session's note: the shared sections written once and one member note per attending member,
// saved together and signed together.

type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TCreateGroupNote = Out<typeof ZCreateGroupNoteRequest>;
export type TSaveGroupNote = Out<typeof ZSaveGroupNoteRequest>;
export type TSignGroupNote = Out<typeof ZSignGroupNoteRequest>;

const id = (v: string) => encodeURIComponent(v);

export const createGroupNote = (body: TCreateGroupNote) => api<TGroupNote>('/api/group-notes', { method: 'POST', body });
export const getGroupNote = (groupNoteId: string) => api<TGroupNote>(`/api/group-notes/${id(groupNoteId)}`);
/** Autosave is made by a timer: it does not extend the idle timeout. */
export const saveGroupNote = (groupNoteId: string, body: TSaveGroupNote, background = true) =>
  api<TGroupNote>(`/api/group-notes/${id(groupNoteId)}`, { method: 'PUT', body, background });
export const signGroupNote = (groupNoteId: string, body: TSignGroupNote) =>
  api<TGroupNote>(`/api/group-notes/${id(groupNoteId)}/sign`, { method: 'POST', body });

/** The note of a group session, or null when none has been started. */
export async function getAppointmentGroupNote(appointmentId: string): Promise<TGroupNote | null> {
  try {
    return await api<TGroupNote>(`/api/appointments/${id(appointmentId)}/group-note`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

// Under 'notes' so the member notes' pages and lists refresh with it.
export const groupNoteKeys = {
  one: (groupNoteId: string) => ['notes', 'group', groupNoteId] as const,
  appointment: (appointmentId: string) => ['notes', 'group-appointment', appointmentId] as const,
};

export const useGroupNote = (groupNoteId: string) =>
  useQuery({ queryKey: groupNoteKeys.one(groupNoteId), queryFn: () => getGroupNote(groupNoteId), enabled: !!groupNoteId });

export const useAppointmentGroupNote = (appointmentId: string) =>
  useQuery({
    queryKey: groupNoteKeys.appointment(appointmentId),
    queryFn: () => getAppointmentGroupNote(appointmentId),
    enabled: !!appointmentId,
  });

import type {
  TCreateGroupRequest,
  TDischargeMemberRequest,
  TEndGroupRequest,
  TEnrolMemberRequest,
  TGroup,
  TGroupAttendanceSheet,
  TGroupAttendanceUpdate,
  TGroupMember,
  TGroupSummary,
  TUpdateGroupRequest,
} from '@hearth/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';

// Group programs: the list, one group with its roster and sessions, and a session's attendance.
// Ids only in URLs; member names come back only for readers who may see them.

const id = (v: string) => encodeURIComponent(v);

export const listGroups = (p: { status?: 'active' | 'ended'; facilitatorId?: string } = {}) =>
  api<TGroupSummary[]>(`/api/groups${qs(p)}`);
export const getGroup = (groupId: string) => api<TGroup>(`/api/groups/${id(groupId)}`);
export const createGroup = (body: TCreateGroupRequest) =>
  api<TGroup>('/api/groups', { method: 'POST', body });
export const updateGroup = (groupId: string, body: TUpdateGroupRequest) =>
  api<TGroup>(`/api/groups/${id(groupId)}`, { method: 'PATCH', body });
export const endGroup = (groupId: string, body: TEndGroupRequest) =>
  api<TGroup>(`/api/groups/${id(groupId)}/end`, { method: 'POST', body });
export const enrolMember = (groupId: string, body: TEnrolMemberRequest) =>
  api<TGroupMember>(`/api/groups/${id(groupId)}/members`, { method: 'POST', body });
export const dischargeMember = (memberId: string, body: TDischargeMemberRequest) =>
  api<TGroupMember>(`/api/group-members/${id(memberId)}/discharge`, { method: 'POST', body });
export const getAttendance = (appointmentId: string) =>
  api<TGroupAttendanceSheet>(`/api/appointments/${id(appointmentId)}/group-attendance`);
export const saveAttendance = (appointmentId: string, body: TGroupAttendanceUpdate) =>
  api<TGroupAttendanceSheet>(`/api/appointments/${id(appointmentId)}/group-attendance`, {
    method: 'PUT',
    body,
  });

export const groupKeys = {
  all: ['groups'] as const,
  list: (status: string) => ['groups', 'list', status] as const,
  one: (groupId: string) => ['groups', 'one', groupId] as const,
  attendance: (appointmentId: string) => ['groups', 'attendance', appointmentId] as const,
};

export const useGroups = (status: 'active' | 'ended' | '') =>
  useQuery({ queryKey: groupKeys.list(status), queryFn: () => listGroups(status ? { status } : {}) });
export const useGroup = (groupId: string) =>
  useQuery({ queryKey: groupKeys.one(groupId), queryFn: () => getGroup(groupId), enabled: !!groupId });
export const useAttendance = (appointmentId: string) =>
  useQuery({
    queryKey: groupKeys.attendance(appointmentId),
    queryFn: () => getAttendance(appointmentId),
    enabled: !!appointmentId,
  });

/** After any change to a group: its page, the list and the calendars (sessions may have moved). */
export function useRefreshGroups() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: groupKeys.all }),
      qc.invalidateQueries({ queryKey: ['appointments'] }),
    ]);
}

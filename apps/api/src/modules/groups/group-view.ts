import type { TGroupMember, TGroupSession, TGroupSummary } from '@hearth/contracts';
import { describeRule, instantToLocal, parseRule } from '../scheduling/index.js';
import type { SessionRow } from './attendance.repo.js';
import { tallyAttendance } from './domain/attendance.js';
import { activeOn, rosterOn, type Membership } from './domain/roster.js';
import type { FacilitatorRow, GroupRow, MemberRow } from './groups.repo.js';

export const localDateOf = (at: Date, timeZone: string): string => instantToLocal(new Date(at), timeZone).slice(0, 10);

export function toGroupSummary(r: GroupRow, facilitators: FacilitatorRow[]): TGroupSummary {
  const start = r.start_local ? r.start_local.slice(0, 16) : null;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    appointmentType: { id: r.appointment_type_id, name: r.type_name, color: r.type_color },
    location: { id: r.location_id, name: r.location_name },
    room: r.room_id ? { id: r.room_id, name: r.room_name ?? '' } : null,
    capacity: r.capacity,
    activeMembers: Number(r.active_members),
    facilitators: facilitators.filter((f) => f.group_id === r.id).map((f) => ({ id: f.id, name: f.name, lead: f.lead })),
    schedule:
      r.series_id && start && r.rrule
        ? {
            seriesId: r.series_id, start, durationMinutes: Number(r.duration_minutes), recurrence: r.rrule,
            description: describeRule(parseRule(r.rrule), start), timeZone: r.time_zone,
          }
        : null,
    nextSession:
      r.next_id && r.next_starts_at && r.next_ends_at
        ? {
            appointmentId: r.next_id, start: instantToLocal(new Date(r.next_starts_at), r.time_zone),
            startsAt: new Date(r.next_starts_at).toISOString(), endsAt: new Date(r.next_ends_at).toISOString(),
            status: r.next_status as NonNullable<TGroupSummary['nextSession']>['status'],
          }
        : null,
    version: r.version,
  };
}

export function toMember(m: MemberRow, visible: ReadonlySet<string>, today: string): TGroupMember {
  return {
    id: m.id,
    groupId: m.groupId,
    patient: visible.has(m.patientId) ? { id: m.patientId, name: m.patientName, mrn: m.patientMrn } : null,
    enrolledOn: m.enrolledOn,
    dischargedOn: m.dischargedOn,
    dischargeReason: m.dischargeReason,
    active: activeOn(m, today),
  };
}

export function toSession(s: SessionRow, members: readonly Membership[]): TGroupSession {
  const startsAt = new Date(s.starts_at);
  return {
    appointmentId: s.id,
    start: instantToLocal(startsAt, s.time_zone),
    startsAt: startsAt.toISOString(),
    endsAt: new Date(s.ends_at).toISOString(),
    status: s.status as TGroupSession['status'],
    expected: rosterOn(members, localDateOf(startsAt, s.time_zone)).length,
    ...tallyAttendance(s.statuses ?? []),
  };
}

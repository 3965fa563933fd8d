import type { TDischargeMemberRequest, TGroupMember } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { dropAttendanceAfter, lastRecordedSession } from './attendance.repo.js';
import { checkDischarge } from './domain/roster.js';
import { auditGroup } from './group-audit.js';
import { localDateOf, toMember } from './group-view.js';
import { dischargeMemberRow, loadMember, lockGroup, visiblePatients } from './groups.repo.js';

/**
 * Takes a member off the roster after a last day. Attendance already taken at a later session would
 * be contradicted, so that is refused; placeholders for later sessions are dropped.
 */
export async function dischargeMember(deps: Deps, actor: Actor, memberId: string, input: TDischargeMemberRequest, ip: string): Promise<TGroupMember> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.tx(async (q) => {
    const found = await loadMember(q, memberId);
    // A member the actor may not know by name is, to them, not there.
    if (!found || !(await visiblePatients(q, actor, found.groupId, [found.patientId])).has(found.patientId)) throw notFound('Group member');
    // Lock the group, then read the member again: a discharge racing another change sees its result.
    const g = (await lockGroup(q, found.groupId))!;
    const member = (await loadMember(q, memberId))!;
    checkDischarge({ member, dischargedOn: input.dischargedOn, lastRecordedSession: await lastRecordedSession(q, member.groupId, member.patientId) });
    await dropAttendanceAfter(q, member.groupId, member.patientId, input.dischargedOn);
    await dischargeMemberRow(q, memberId, input.dischargedOn, input.reason);
    await auditGroup(q, actor, ip, now, { action: 'group.member.discharge', resourceType: 'GroupMember', resourceId: memberId, patientId: member.patientId, detail: { groupId: member.groupId } });
    return toMember((await loadMember(q, memberId))!, new Set([member.patientId]), localDateOf(now, g.time_zone));
  });
}

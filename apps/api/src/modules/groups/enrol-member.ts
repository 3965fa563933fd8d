import type { TEnrolMemberRequest, TGroupMember } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient } from '../patients/index.js';
import { checkEnrolment } from './domain/roster.js';
import { auditGroup } from './group-audit.js';
import { localDateOf, toMember } from './group-view.js';
import { insertMember, loadMember, lockGroup, membersOf, patientStatus } from './groups.repo.js';

/**
 * Puts a patient on a group's roster from a date, also when the group is already running (they are
 * expected from their first day on, never at earlier sessions). Capacity is counted on that day and
 * every later one, with the group locked so two enrolments cannot take the last place together.
 */
export async function enrolMember(deps: Deps, actor: Actor, groupId: string, input: TEnrolMemberRequest, ip: string): Promise<TGroupMember> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.tx(async (q) => {
    const g = await lockGroup(q, groupId);
    if (!g) throw notFound('Group');
    const status = await patientStatus(q, input.patientId);
    if (!status || !(await canAccessPatient(q, actor, input.patientId, 'demographics'))) throw invalid('patientId', 'is not a patient you can enrol');
    if (status === 'discharged') throw invalid('patientId', 'is discharged from the practice: change the patient\u2019s status first');
    checkEnrolment({ members: await membersOf(q, groupId), capacity: g.capacity, groupStatus: g.status, patientId: input.patientId, enrolledOn: input.enrolledOn });
    const id = newId();
    await insertMember(q, { id, groupId, patientId: input.patientId, enrolledOn: input.enrolledOn });
    await auditGroup(q, actor, ip, now, { action: 'group.member.enrol', resourceType: 'GroupMember', resourceId: id, patientId: input.patientId, detail: { groupId } });
    return toMember((await loadMember(q, id))!, new Set([input.patientId]), localDateOf(now, g.time_zone));
  });
}

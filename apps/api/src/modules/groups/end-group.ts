import type { TEndGroupRequest, TGroup } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { endSeriesIn } from '../scheduling/index.js';
import { activeSeriesOf } from './attendance.repo.js';
import { auditGroup } from './group-audit.js';
import { groupView } from './get-group.js';
import { localDateOf } from './group-view.js';
import { closeMemberships, lockGroup, markGroupEnded } from './groups.repo.js';

/**
 * Ends a group after a last date: later sessions come off the calendars (as the core ends a series),
 * members still on the roster are discharged on that date, and the group takes no new members.
 */
export async function endGroup(deps: Deps, actor: Actor, id: string, input: TEndGroupRequest, ip: string): Promise<TGroup> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.tx(async (q) => {
    const g = await lockGroup(q, id);
    if (!g) throw notFound('Group');
    if (g.status === 'ended') throw new DomainError('conflict', 'This group has already ended.');
    const lastDate = input.lastDate ?? localDateOf(now, g.time_zone);
    let removed = 0;
    for (const seriesId of await activeSeriesOf(q, id)) {
      removed += (await endSeriesIn(q, actor.userId, now, seriesId, lastDate, input.reason)).removed;
    }
    const closed = await closeMemberships(q, id, lastDate, input.reason);
    for (const m of closed) {
      await auditGroup(q, actor, ip, now, { action: 'group.member.discharge', resourceType: 'GroupMember', resourceId: m.id, patientId: m.patient_id, detail: { groupId: id, groupEnded: true } });
    }
    await markGroupEnded(q, id, lastDate, input.reason);
    await auditGroup(q, actor, ip, now, { action: 'group.end', resourceType: 'Group', resourceId: id, detail: { lastDate, sessionsRemoved: removed, membersDischarged: closed.length } });
    return groupView(q, actor, id, now, ip);
  });
}

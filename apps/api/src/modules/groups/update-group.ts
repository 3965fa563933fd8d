import type { TConflict, TGroup, TUpdateGroupRequest } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isSlotTaken, slotTakenError } from '../scheduling/index.js';
import { findConflicts } from '../scheduling/index.js';
import { insertEvents } from '../scheduling/index.js';
import { instantToLocal } from '../scheduling/index.js';
import { futureSessions, reassignSessions } from './attendance.repo.js';
import { checkCapacityChange } from './domain/roster.js';
import { auditGroup, checkFacilitators } from './group-audit.js';
import { groupView } from './get-group.js';
import { localDateOf } from './group-view.js';
import { facilitatorsOf, lockGroup, membersOf, replaceFacilitators, roomOk, updateGroupFields, type GroupCore } from './groups.repo.js';

/**
 * Edits a group. A new room or a new lead facilitator takes over the sessions that have not started
 * yet (and the ones the series adds later), after the same conflict check as a booking; sessions
 * already held keep who and where they were.
 */
export async function updateGroup(deps: Deps, actor: Actor, id: string, input: TUpdateGroupRequest, ip: string): Promise<TGroup> {
  const { db, clock } = deps;
  const now = clock.now();
  try {
    return await db.tx(async (q) => {
      const g = await lockGroup(q, id);
      if (!g) throw notFound('Group');
      if (g.version !== input.version) throw new DomainError('conflict', 'Someone else changed this group since you opened it. Reload to see their changes.');
      const structural = input.capacity !== undefined || input.roomId !== undefined || input.facilitatorIds !== undefined;
      if (g.status === 'ended' && structural) throw new DomainError('conflict', 'This group has ended: only its name and description can change.');
      if (input.facilitatorIds) await checkFacilitators(q, input.facilitatorIds);
      if (input.roomId && !(await roomOk(q, input.roomId, g.location_id))) throw invalid('roomId', 'is not an active room of the group\u2019s location');
      if (input.capacity !== undefined) checkCapacityChange(await membersOf(q, id), input.capacity, localDateOf(now, g.time_zone));

      const currentLead = (await facilitatorsOf(q, [id])).find((f) => f.lead)?.id ?? null;
      const lead = input.facilitatorIds?.[0] ?? currentLead;
      const roomId = input.roomId !== undefined ? input.roomId : g.room_id;
      let sessionsChanged = 0;
      if (lead && (lead !== currentLead || roomId !== g.room_id)) {
        sessionsChanged = await handOver(q, actor, now, g, { clinicianId: lead, roomId }, lead !== currentLead ? 'facilitatorIds' : 'roomId');
      }
      const ok = await updateGroupFields(q, id, input.version, {
        name: input.name, description: input.description === undefined ? undefined : input.description?.trim() ? input.description : null,
        capacity: input.capacity, roomId: input.roomId,
      });
      if (!ok) throw new DomainError('conflict', 'Someone else changed this group since you opened it. Reload to see their changes.');
      if (input.facilitatorIds) await replaceFacilitators(q, id, input.facilitatorIds);
      await auditGroup(q, actor, ip, now, {
        action: 'group.update', resourceType: 'Group', resourceId: id,
        detail: { fields: Object.keys(input).filter((k) => k !== 'version').sort(), sessionsChanged },
      });
      return groupView(q, actor, id, now, ip);
    });
  } catch (e) {
    if (isSlotTaken(e)) throw slotTakenError();
    throw e;
  }
}

/** Moves the sessions that have not started to the new lead and room; a 409 lists any that would clash. */
async function handOver(q: Queryable, actor: Actor, now: Date, g: GroupCore, to: { clinicianId: string; roomId: string | null }, field: string): Promise<number> {
  const sessions = await futureSessions(q, g.id, now);
  const planned = sessions.map((s) => ({ startsAt: new Date(s.starts_at), endsAt: new Date(s.ends_at) }));
  const found = await findConflicts(q, { ...to, locationId: g.location_id, patientId: null, excludeIds: sessions.map((s) => s.id) }, planned);
  const clashes = sessions
    .map((s, i) => ({ s, conflicts: found[i]!.filter((c: TConflict) => c.blocking) }))
    .filter((x) => x.conflicts.length);
  if (clashes.length) {
    throw new DomainError(
      'conflict',
      `${clashes.length} of the ${sessions.length} coming sessions would clash with other bookings or time off. Choose another ${field === 'roomId' ? 'room' : 'lead facilitator'}.`,
      [{ field, message: `clashes with other bookings on ${clashes.length} coming session${clashes.length === 1 ? '' : 's'}` }],
      {
        conflicts: clashes.map(({ s, conflicts }) => {
          const start = instantToLocal(new Date(s.starts_at), s.time_zone);
          return { occurrence: s.occurrence_local?.slice(0, 16) ?? start, start, conflicts };
        }),
      },
    );
  }
  await reassignSessions(q, g.id, sessions.map((s) => s.id), to);
  await insertEvents(
    q,
    sessions.map((s) => ({ appointmentId: s.id, patientId: null, at: now, actorId: actor.userId, kind: 'edited', detail: { clinicianId: to.clinicianId, roomId: to.roomId, by: 'group' } })),
    newId,
  );
  return sessions.length;
}

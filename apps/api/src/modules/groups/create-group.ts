import type { TCreateGroupRequest, TGroup } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { bookDraft, checkReferences, isSlotTaken, slotTakenError } from '../scheduling/index.js';
import { auditGroup, checkFacilitators } from './group-audit.js';
import { groupView } from './get-group.js';
import { groupTypeInfo, insertGroup, locationTimeZone, replaceFacilitators } from './groups.repo.js';

/**
 * Creates a group and its recurring series of sessions in one transaction: the sessions go on the
 * lead facilitator's calendar (and the room's) with every conflict checked, all or none.
 */
export async function createGroup(deps: Deps, actor: Actor, input: TCreateGroupRequest, ip: string): Promise<TGroup> {
  const { db, clock } = deps;
  const type = await groupTypeInfo(db, input.appointmentTypeId);
  if (!type || !type.active) throw invalid('appointmentTypeId', 'is not an active appointment type');
  if (!type.is_group) throw invalid('appointmentTypeId', 'is not a group appointment type');
  const locationZone = await locationTimeZone(db, input.locationId);
  if (!locationZone) throw invalid('locationId', 'is not an active location');
  await checkFacilitators(db, input.facilitatorIds);
  const lead = input.facilitatorIds[0]!;
  const roomId = input.roomId ?? null;
  const id = newId();
  const now = clock.now();
  try {
    return await db.tx(async (q) => {
      await checkReferences(q, { patientId: null, groupId: id, clinicianId: lead, locationId: input.locationId, roomId, appointmentTypeId: input.appointmentTypeId });
      await insertGroup(q, {
        id, name: input.name, description: input.description?.trim() ? input.description : null, appointmentTypeId: input.appointmentTypeId,
        locationId: input.locationId, roomId, capacity: input.capacity, createdBy: actor.userId, now,
      });
      await replaceFacilitators(q, id, input.facilitatorIds);
      const booked = await bookDraft(q, deps, actor, {
        patientId: null,
        groupId: id,
        clinicianId: lead,
        locationId: input.locationId,
        roomId,
        appointmentTypeId: input.appointmentTypeId,
        telehealth: type.mode === 'telehealth',
        timeZone: input.schedule.timeZone ?? locationZone,
        start: input.schedule.start,
        durationMinutes: input.schedule.durationMinutes ?? type.duration_minutes,
        recurrence: input.schedule.recurrence,
        skip: input.schedule.skip ?? [],
        moves: [],
      });
      await auditGroup(q, actor, ip, now, {
        action: 'group.create', resourceType: 'Group', resourceId: id,
        detail: { sessions: booked.appointmentIds.length, facilitators: input.facilitatorIds.length, seriesId: booked.seriesId },
      });
      return groupView(q, actor, id, now, ip);
    });
  } catch (e) {
    if (isSlotTaken(e)) throw slotTakenError();
    throw underSchedule(e);
  }
}

const SCHEDULE_FIELD = /^(start|recurrence|timeZone|durationMinutes|skip)(\.|$)/;

/** The booking core names its own fields (start, recurrence...); here they live under `schedule`. */
function underSchedule(e: unknown): unknown {
  if (!(e instanceof DomainError) || !e.issues.some((i) => SCHEDULE_FIELD.test(i.field))) return e;
  const issues = e.issues.map((i) => (SCHEDULE_FIELD.test(i.field) ? { ...i, field: `schedule.${i.field}` } : i));
  return new DomainError(e.code, issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues, e.extensions);
}

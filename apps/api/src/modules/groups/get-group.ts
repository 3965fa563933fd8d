import type { TGroup, TGroupSummary } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { sessionsAround } from './attendance.repo.js';
import { sortRoster } from './domain/roster.js';
import { auditRosterRead } from './group-audit.js';
import { localDateOf, toGroupSummary, toMember, toSession } from './group-view.js';
import { facilitatorsOf, listGroupRows, loadGroupRow, membersOf, visiblePatients } from './groups.repo.js';

const PAST_DAYS = 28;
const UPCOMING = 10;

/**
 * A group with its roster and sessions. Names of members appear only for readers who may see them,
 * and each name shown is audited in the same transaction before it leaves.
 */
export async function groupView(q: Queryable, actor: Actor, id: string, now: Date, ip: string): Promise<TGroup> {
  const row = await loadGroupRow(q, now, id);
  if (!row) throw notFound('Group');
  const [facilitators, members, sessions] = [await facilitatorsOf(q, [id]), await membersOf(q, id), await sessionsAround(q, id, now, PAST_DAYS, UPCOMING)];
  const today = localDateOf(now, row.time_zone);
  const visible = await visiblePatients(q, actor, id, [...new Set(members.map((m) => m.patientId))]);
  await auditRosterRead(q, actor, ip, now, 'group.roster.read', { type: 'Group', id }, visible);
  return {
    ...toGroupSummary(row, facilitators),
    endedOn: row.ended_on,
    endReason: row.end_reason,
    members: sortRoster(members, today).map((m) => toMember(m, visible, today)),
    sessions: sessions.map((s) => toSession(s, members)),
  };
}

export async function getGroup(deps: Deps, actor: Actor, id: string, ip: string): Promise<TGroup> {
  return deps.db.tx((q) => groupView(q, actor, id, deps.clock.now(), ip));
}

/** Groups with counts only: no member is named, so nothing about a patient is read. */
export async function listGroups(deps: Deps, q: { status?: 'active' | 'ended'; facilitatorId?: string }): Promise<TGroupSummary[]> {
  const rows = await listGroupRows(deps.db, deps.clock.now(), q);
  const facilitators = await facilitatorsOf(deps.db, rows.map((r) => r.id));
  return rows.map((r) => toGroupSummary(r, facilitators));
}

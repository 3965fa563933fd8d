import type { TGroupAttendanceEntry, TGroupAttendanceSheet } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { instantToLocal } from '../scheduling/index.js';
import { attendanceAt, loadSession, type SessionCore } from './attendance.repo.js';
import { DEFAULT_STATUS } from './domain/attendance.js';
import { rosterOn } from './domain/roster.js';
import { auditRosterRead } from './group-audit.js';
import { localDateOf } from './group-view.js';
import { membersOf, visiblePatients, type MemberRow } from './groups.repo.js';

export interface SessionRoster {
  session: SessionCore & { group_id: string };
  roster: MemberRow[];
  /** Roster members the reader may know by name. */
  visible: Set<string>;
}

/** A group session, the members on its roster that day, and which of them the reader may see. */
export async function sessionRoster(q: Queryable, actor: Actor, appointmentId: string, lock = false): Promise<SessionRoster> {
  const session = await loadSession(q, appointmentId, lock);
  if (!session || !session.group_id) throw notFound('Group session');
  const roster = rosterOn(await membersOf(q, session.group_id), localDateOf(session.starts_at, session.time_zone));
  const visible = await visiblePatients(q, actor, session.group_id, roster.map((m) => m.patientId));
  return { session: session as SessionCore & { group_id: string }, roster, visible };
}

/** The attendance sheet: one line per member on the roster that day, named where the reader may, audited per name shown. */
export async function attendanceSheet(q: Queryable, actor: Actor, r: SessionRoster, now: Date, ip: string, alreadyAudited: ReadonlySet<string> = new Set()): Promise<TGroupAttendanceSheet> {
  const rows = new Map((await attendanceAt(q, r.session.id)).map((a) => [a.patient_id, a]));
  await auditRosterRead(q, actor, ip, now, 'group_attendance.read', { type: 'Appointment', id: r.session.id }, [...r.visible].filter((p) => !alreadyAudited.has(p)));
  const entries: TGroupAttendanceEntry[] = r.roster.map((m) => {
    const a = rows.get(m.patientId);
    const shown = r.visible.has(m.patientId);
    return {
      memberId: m.id,
      patient: shown ? { id: m.patientId, name: m.patientName, mrn: m.patientMrn } : null,
      enrolledOn: m.enrolledOn,
      status: (a?.status ?? DEFAULT_STATUS) as TGroupAttendanceEntry['status'],
      reason: shown ? (a?.status_reason ?? null) : null,
      feeCents: shown ? (a?.fee_cents ?? null) : null,
      recordedAt: a ? new Date(a.recorded_at).toISOString() : null,
      recordedBy: a?.recorded_by_name ?? null,
    };
  });
  // Named members alphabetically, then the ones the reader may not know.
  entries.sort((a, b) => (a.patient && b.patient ? a.patient.name.localeCompare(b.patient.name) : a.patient ? -1 : b.patient ? 1 : a.memberId.localeCompare(b.memberId)));
  const startsAt = new Date(r.session.starts_at);
  return {
    appointmentId: r.session.id,
    group: { id: r.session.group_id, name: r.session.group_name ?? '' },
    start: instantToLocal(startsAt, r.session.time_zone),
    startsAt: startsAt.toISOString(),
    endsAt: new Date(r.session.ends_at).toISOString(),
    timeZone: r.session.time_zone,
    status: r.session.status as TGroupAttendanceSheet['status'],
    entries,
  };
}

export async function getAttendance(deps: Deps, actor: Actor, appointmentId: string, ip: string): Promise<TGroupAttendanceSheet> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => attendanceSheet(q, actor, await sessionRoster(q, actor, appointmentId), now, ip));
}

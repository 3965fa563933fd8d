// The demo's group programs: facilitators, a roster with a late joiner and a discharged member, the
// weekly group series, and each member's attendance at every session they were enrolled for.
import type { Queryable } from '../platform/db/db.js';
import { newId } from '../platform/ids.js';
import { expandLocal, formatRule, localToInstant, parseRule } from '../modules/scheduling/domain/recurrence.js';
import { DEMO_GROUPS } from './demo-data.js';
import { DAY_CODES, onOrAfter, plusDays, type Occupancy } from './schedule-timetable.js';
import type { Appt, Plan } from './schedule-attendance.js';
import { insertRows, type SeriesRow } from './schedule-write.js';

export interface GroupContext {
  now: Date;
  today: string;
  timeZone: string;
  horizonEnd: string;
  staff: Map<string, string>;
  place(location: 0 | 1, room: string): { locationId: string; roomId: string };
  patientId(n: number): string;
  medicaid(n: number): boolean;
  groupType: { id: string; duration: number };
  fees: { noShow: number; lateCancel: number };
  occupancy: Occupancy;
  frontDesk: string;
  rand: () => number;
}

export interface GroupPlan {
  series: SeriesRow[];
  items: { a: Appt; plan: Plan }[];
  /** group_attendance rows, written once the appointments exist. */
  attendance: unknown[][];
}

const HOUR = 3_600_000;

export async function planGroups(q: Queryable, g: GroupContext): Promise<GroupPlan> {
  const out: GroupPlan = { series: [], items: [], attendance: [] };
  const groupRows: unknown[][] = [];
  const facilitatorRows: unknown[][] = [];
  const memberRows: unknown[][] = [];
  for (const def of DEMO_GROUPS) {
    const groupId = newId();
    const lead = g.staff.get(def.facilitators[0]!)!;
    const { locationId, roomId } = g.place(def.location, def.room);
    const first = onOrAfter(plusDays(g.today, -7 * def.weeksRunning), def.weekday);
    const createdAt = new Date(localToInstant(`${first}T12:00`, g.timeZone).getTime() - 21 * 24 * HOUR);
    groupRows.push([groupId, def.name, def.description, g.groupType.id, locationId, roomId, def.capacity, lead, createdAt]);
    def.facilitators.forEach((key, i) => facilitatorRows.push([groupId, g.staff.get(key)!, i === 0]));

    const roster = def.members.map((n) => {
      const enrolled = n === def.joinedLate.member ? plusDays(g.today, -7 * def.joinedLate.weeksAgo) : plusDays(first, -3);
      const left = n === def.discharged.member ? plusDays(g.today, -7 * def.discharged.weeksAgo) : null;
      memberRows.push([newId(), groupId, g.patientId(n), enrolled, left, left ? def.discharged.reason : null]);
      return { n, enrolled, left };
    });

    const rule = formatRule(parseRule(`FREQ=WEEKLY;BYDAY=${DAY_CODES[def.weekday - 1]}`));
    const startLocal = `${first}T${def.time}`;
    const seriesId = newId();
    out.series.push({
      id: seriesId, patientId: null, groupId, clinicianId: lead, locationId, roomId, typeId: g.groupType.id, telehealth: false,
      timeZone: g.timeZone, startLocal, durationMinutes: g.groupType.duration, rrule: rule, materializedThrough: g.horizonEnd,
      openEnded: true, status: 'active', endedOn: null, endReason: null, continuesSeriesId: null, createdBy: lead, createdAt,
    });

    // Co-facilitators are not on the appointment row, but their time is kept free all the same.
    const keys = [...def.facilitators.map((k) => `c:${g.staff.get(k)!}`), `r:${roomId}`];
    expandLocal(parseRule(rule), startLocal, first, g.horizonEnd).forEach((local, i) => {
      const startsAt = localToInstant(local, g.timeZone);
      const endsAt = new Date(startsAt.getTime() + g.groupType.duration * 60_000);
      const past = endsAt <= g.now;
      // One evening was called off by the practice; everything else ran.
      const plan: Plan = past
        ? i === 4
          ? { outcome: 'cancelled_practice', reason: 'Facilitator ill', decidedAt: new Date(startsAt.getTime() - 6 * HOUR) }
          : { outcome: 'completed' }
        : startsAt <= g.now
          ? { outcome: 'in_session' }
          : { outcome: 'upcoming' };
      const a: Appt = {
        id: newId(), seriesId, occurrenceLocal: local, patientId: null, groupId, clinicianId: lead, locationId, roomId,
        typeId: g.groupType.id, telehealth: false, timeZone: g.timeZone, start: local, startsAt, endsAt, status: 'scheduled',
        statusReason: null, statusChangedAt: null, statusChangedBy: null, moved: false, feeCents: null, createdBy: lead, createdAt, version: 1,
      };
      if (plan.outcome !== 'cancelled_practice') g.occupancy.take(keys, startsAt, endsAt, def.name);
      out.items.push({ a, plan });

      const date = local.slice(0, 10);
      for (const m of roster) {
        if (date < m.enrolled || (m.left && date > m.left)) continue;
        const enrolledAt = localToInstant(`${m.enrolled}T09:00`, g.timeZone);
        if (plan.outcome === 'cancelled_practice') {
          out.attendance.push([a.id, g.patientId(m.n), 'cancelled_practice', 'Facilitator ill', null, plan.decidedAt, g.frontDesk]);
        } else if (!past) {
          const status = plan.outcome === 'in_session' ? 'checked_in' : 'scheduled';
          out.attendance.push([a.id, g.patientId(m.n), status, null, null, new Date(Math.max(createdAt.getTime(), enrolledAt.getTime())), g.frontDesk]);
        } else {
          const r = g.rand();
          const status = r < 0.86 ? 'completed' : r < 0.92 ? 'no_show' : r < 0.97 ? 'cancelled_patient' : 'late_cancel';
          const charged = status === 'no_show' || status === 'late_cancel';
          const fee = charged ? (g.medicaid(m.n) ? 0 : status === 'no_show' ? g.fees.noShow : g.fees.lateCancel) : null;
          const reason = status === 'cancelled_patient' ? 'Called ahead' : status === 'late_cancel' ? 'Cancelled within the 24-hour late-cancel window' : null;
          out.attendance.push([a.id, g.patientId(m.n), status, reason, fee, new Date(endsAt.getTime() + 5 * 60_000), lead]);
        }
      }
    });
  }
  await insertRows(q, 'groups',
    [['id', 'uuid'], ['name', 'text'], ['description', 'text'], ['appointment_type_id', 'uuid'], ['location_id', 'uuid'], ['room_id', 'uuid'],
      ['capacity', 'int'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    groupRows);
  await insertRows(q, 'group_facilitators', [['group_id', 'uuid'], ['user_id', 'uuid'], ['lead', 'boolean']], facilitatorRows);
  await insertRows(q, 'group_members',
    [['id', 'uuid'], ['group_id', 'uuid'], ['patient_id', 'uuid'], ['enrolled_on', 'date'], ['discharged_on', 'date'], ['discharge_reason', 'text']],
    memberRows);
  return out;
}

export async function insertAttendance(q: Queryable, rows: unknown[][]): Promise<void> {
  await insertRows(q, 'group_attendance',
    [['appointment_id', 'uuid'], ['patient_id', 'uuid'], ['status', 'text'], ['status_reason', 'text'], ['fee_cents', 'int'],
      ['recorded_at', 'timestamptz'], ['recorded_by', 'uuid']],
    rows);
}

// The demo practice's schedule: working hours and time off, recurring series for most active patients
// (weekly, every 2 weeks, monthly medication management) from months back to the rolling horizon,
// intakes and evaluations, varied attendance with fees, a few patients clearly at risk, two groups,
// reminders with confirmations, and a waitlist. Everything is written in bulk (see schedule-write.ts)
// and fits together: no clinician, room or patient is ever double-booked.
import type { Queryable } from '../platform/db/db.js';
import { newId } from '../platform/ids.js';
import { expandLocal, formatRule, instantToLocal, lastOccurrenceDate, localToInstant, parseRule } from '../modules/scheduling/domain/recurrence.js';
import { AT_RISK, CONTINUED_SERIES_PATIENT, DEMO_WEEK, NEW_PATIENTS, PRESCRIBER_TIMES, THERAPY_TIMES, type DemoWorkday } from './demo-data.js';
import { Cells, DAY_CODES, Occupancy, onOrAfter, plusDays, rng, shuffle, weekParity, weekdayOf, type CellUse } from './schedule-timetable.js';
import { narrate, pastOutcome, type Appt, type Ev, type LinkRow, type Outcome, type Plan, type ReminderRow } from './schedule-attendance.js';
import { insertAppointments, insertEventRows, insertLinkRows, insertReminderRows, insertRows, insertSeries, type SeriesRow } from './schedule-write.js';
import { insertAttendance, planGroups } from './schedule-groups.js';
import { seedWaitlistAndOutreach } from './schedule-extras.js';

export interface DemoPatient {
  n: number;
  id: string;
  status: 'active' | 'waitlist' | 'discharged';
  minor: boolean;
  medicaid: boolean;
  okToText: boolean;
  /** Staff keys (demo-data.ts). */
  therapist: string;
  prescriber: string | null;
}

export interface ScheduleInput {
  now: Date;
  timeZone: string;
  staff: Map<string, string>;
  locations: { id: string; rooms: Map<string, string> }[];
  patients: DemoPatient[];
}

export interface Item {
  a: Appt;
  plan: Plan;
  patient: DemoPatient | null;
  series: SeriesRow | null;
  kind: 'therapy' | 'med' | 'single' | 'group';
}

interface TimeOff {
  userId: string;
  kind: 'time_off' | 'extra_hours';
  locationId: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdAt: Date;
}

const MIN = 60_000;
const DAY = 86_400_000;
const SINGLE_TIME = '16:00';
const HOLDS_SLOT = new Set<Outcome>(['upcoming', 'in_session', 'completed']);
const AT_RISK_PATIENTS = new Set<number>(Object.values(AT_RISK));

export async function seedSchedule(q: Queryable, input: ScheduleInput): Promise<Record<string, number>> {
  const { now, timeZone: tz, staff } = input;
  const today = instantToLocal(now, tz).slice(0, 10);
  const rand = rng(20261128);
  const frontDesk = staff.get('nguyen')!;
  const types = new Map(
    (await q.query<{ code: string; id: string; duration_minutes: number }>('SELECT code, id, duration_minutes FROM appointment_types')).rows.map((r) => [
      r.code, { id: r.id, duration: r.duration_minutes },
    ]),
  );
  const type = (code: string) => {
    const t = types.get(code);
    if (!t) throw new Error(`demo schedule: appointment type ${code} is missing`);
    return t;
  };
  const ruleRows = (await q.query<{ id: string; channel: 'email' | 'sms'; minutes_before: number }>('SELECT id, channel, minutes_before FROM reminder_rules WHERE active')).rows;
  const rule = (channel: 'email' | 'sms') => {
    const r = ruleRows.filter((x) => x.channel === channel).sort((a, b) => b.minutes_before - a.minutes_before)[0];
    if (!r) throw new Error(`demo schedule: no active ${channel} reminder rule`);
    return { id: r.id, minutes: r.minutes_before };
  };
  const policy = (await q.query<{ series_horizon_days: number; no_show_fee_cents: number; late_cancel_fee_cents: number }>(
    'SELECT series_horizon_days, no_show_fee_cents, late_cancel_fee_cents FROM practice LIMIT 1',
  )).rows[0]!;
  const horizonEnd = plusDays(today, policy.series_horizon_days);
  const fees = { noShow: policy.no_show_fee_cents, lateCancel: policy.late_cancel_fee_cents };
  const place = (location: 0 | 1, room: string) => {
    const l = input.locations[location]!;
    return { locationId: l.id, roomId: l.rooms.get(room)! };
  };
  // Many occurrences share a local start (same weekday and hour, different people): convert each once.
  const instants = new Map<string, number>();
  const at = (local: string) => {
    let ms = instants.get(local);
    if (ms === undefined) instants.set(local, (ms = localToInstant(local, tz).getTime()));
    return new Date(ms);
  };
  const occupancy = new Occupancy();
  const cells = new Cells(DEMO_WEEK, (key) => (key === 'osei' || key === 'raman' ? PRESCRIBER_TIMES : THERAPY_TIMES), rand);
  const byNumber = new Map(input.patients.map((p) => [p.n, p]));

  // Working hours, and time off around which the calendar was rearranged.
  const hours = Object.entries(DEMO_WEEK).flatMap(([key, week]) =>
    week.map((d) => [newId(), staff.get(key)!, place(d.location, d.room).locationId, d.weekday, d.from, d.to]),
  );
  const vacation = onOrAfter(plusDays(today, -45), 1);
  const personal = onOrAfter(plusDays(today, -16), 3);
  const training = onOrAfter(plusDays(today, 15), 4);
  const saturday = onOrAfter(plusDays(today, 18), 6);
  const before = (d: Date, days: number) => new Date(Math.min(d.getTime() - days * DAY, now.getTime() - DAY));
  const timeOff: TimeOff[] = [
    { userId: staff.get('park')!, kind: 'time_off', locationId: null, startsAt: at(`${vacation}T00:00`), endsAt: at(`${plusDays(vacation, 5)}T00:00`), reason: 'Vacation', createdAt: before(at(`${vacation}T00:00`), 30) },
    { userId: staff.get('raman')!, kind: 'time_off', locationId: null, startsAt: at(`${personal}T12:00`), endsAt: at(`${personal}T17:00`), reason: 'Personal', createdAt: before(at(`${personal}T12:00`), 10) },
    { userId: staff.get('vasquez')!, kind: 'time_off', locationId: null, startsAt: at(`${training}T00:00`), endsAt: at(`${plusDays(training, 1)}T00:00`), reason: 'Training', createdAt: new Date(now.getTime() - 5 * DAY) },
    { userId: staff.get('osei')!, kind: 'extra_hours', locationId: input.locations[0]!.id, startsAt: at(`${saturday}T09:00`), endsAt: at(`${saturday}T12:00`), reason: 'Saturday clinic', createdAt: new Date(now.getTime() - 3 * DAY) },
  ];
  const awayFor = (userId: string, s: Date, e: Date) => timeOff.find((t) => t.kind === 'time_off' && t.userId === userId && t.startsAt < e && t.endsAt > s);

  const items: Item[] = [];
  const series: SeriesRow[] = [];
  const appt = (f: Pick<Appt, 'seriesId' | 'occurrenceLocal' | 'patientId' | 'clinicianId' | 'locationId' | 'roomId' | 'typeId' | 'telehealth' | 'start'> & { duration: number }): Appt => {
    const startsAt = at(f.start);
    return {
      id: newId(), seriesId: f.seriesId, occurrenceLocal: f.occurrenceLocal, patientId: f.patientId, groupId: null, clinicianId: f.clinicianId,
      locationId: f.locationId, roomId: f.roomId, typeId: f.typeId, telehealth: f.telehealth, timeZone: tz, start: f.start, startsAt,
      endsAt: new Date(startsAt.getTime() + f.duration * MIN), status: 'scheduled', statusReason: null, statusChangedAt: null,
      statusChangedBy: null, moved: false, feeCents: null, createdBy: frontDesk, createdAt: now, version: 1,
    };
  };
  const baseOutcome = (a: Appt, reliability: 'steady' | 'usual' | 'shaky'): Plan => {
    const away = awayFor(a.clinicianId, a.startsAt, a.endsAt);
    if (away) {
      const reason = `Clinician away (${away.reason.toLowerCase()})`;
      return a.endsAt <= now ? { outcome: 'cancelled_practice', reason, decidedAt: away.createdAt } : { outcome: 'skipped', reason, decidedAt: away.createdAt };
    }
    if (a.endsAt <= now) return { outcome: pastOutcome(reliability, rand()) };
    if (a.startsAt <= now) return { outcome: 'in_session' };
    return { outcome: a.startsAt.getTime() > now.getTime() + 3 * DAY && rand() < 0.02 ? 'cancelled_patient' : 'upcoming' };
  };

  interface SeriesOpts {
    clinician: string;
    use: CellUse;
    typeCode: string;
    nominalStart: string;
    telehealth: boolean;
    reliability: 'steady' | 'usual' | 'shaky';
    avoid: Set<number>;
    count?: number;
    until?: string;
    end?: { on: string; reason: string };
    continues?: SeriesRow;
  }
  /** Books a recurring series into a free cell of the clinician's week and plans every occurrence. */
  const addSeries = (p: DemoPatient, kind: 'therapy' | 'med', o: SeriesOpts): { row: SeriesRow; items: Item[]; day: DemoWorkday } => {
    const { cell, slot } = cells.take(o.clinician, o.use, o.avoid);
    const code = DAY_CODES[cell.day.weekday - 1]!;
    let text: string;
    let first: string;
    if (o.use === 'monthly') {
      text = `FREQ=MONTHLY;BYDAY=${slot}${code}`;
      first = expandLocal(parseRule(text), `${o.nominalStart}T${cell.time}`, o.nominalStart, plusDays(o.nominalStart, 62))[0]!.slice(0, 10);
    } else {
      first = onOrAfter(o.nominalStart, cell.day.weekday);
      if (o.use === 'biweekly' && weekParity(first) !== slot) first = plusDays(first, 7);
      text = o.use === 'weekly' ? `FREQ=WEEKLY;BYDAY=${code}` : `FREQ=WEEKLY;INTERVAL=2;BYDAY=${code}`;
    }
    if (o.count) text += `;COUNT=${o.count}`;
    if (o.until) text += `;UNTIL=${o.until.replaceAll('-', '')}`;
    const parsed = parseRule(text);
    const startLocal = `${first}T${cell.time}`;
    const last = lastOccurrenceDate(parsed, startLocal);
    const through = o.end ? [horizonEnd, plusDays(o.end.on, 28)].sort()[0]! : (last ?? horizonEnd);
    const t = type(o.typeCode);
    const where = place(cell.day.location, cell.day.room);
    const row: SeriesRow = {
      id: newId(), patientId: p.id, groupId: null, clinicianId: staff.get(o.clinician)!, locationId: where.locationId,
      roomId: o.telehealth ? null : where.roomId, typeId: t.id, telehealth: o.telehealth, timeZone: tz, startLocal, durationMinutes: t.duration,
      rrule: formatRule(parsed), materializedThrough: through, openEnded: last === null, status: o.end ? 'ended' : 'active',
      endedOn: o.end?.on ?? null, endReason: o.end?.reason ?? null, continuesSeriesId: o.continues?.id ?? null, createdBy: frontDesk, createdAt: now,
    };
    const endedAt = o.end ? at(`${o.end.on}T17:30`) : null;
    const made = expandLocal(parsed, startLocal, first, through).map((local): Item => {
      const a = appt({ seriesId: row.id, occurrenceLocal: local, patientId: p.id, clinicianId: row.clinicianId, locationId: row.locationId, roomId: row.roomId, typeId: t.id, telehealth: o.telehealth, start: local, duration: t.duration });
      const plan: Plan = o.end && local.slice(0, 10) > o.end.on ? { outcome: 'skipped', reason: o.end.reason, decidedAt: endedAt! } : baseOutcome(a, o.reliability);
      return { a, plan, patient: p, series: row, kind };
    });
    series.push(row);
    items.push(...made);
    o.avoid.add(cell.day.weekday);
    return { row, items: made, day: cell.day };
  };

  // Recurring series for everyone in care (waitlisted and brand-new patients have none yet).
  const firstSeries: { p: DemoPatient; clinician: string; typeCode: string; made: Item[]; row: SeriesRow; kind: 'therapy' | 'med' }[] = [];
  for (const p of input.patients) {
    if (p.status === 'waitlist' || NEW_PATIENTS.includes(p.n)) continue;
    const risky = AT_RISK_PATIENTS.has(p.n);
    const r = rand();
    const reliability = risky ? 'usual' : r < 0.45 ? 'steady' : r < 0.9 ? 'usual' : 'shaky';
    const avoid = new Set<number>();
    const typeCode = p.minor && p.therapist === 'bello' ? 'family' : rand() < 0.7 ? 'individual-53' : 'individual-45';
    const telehealth = rand() < 0.2;
    const weeksBack = risky ? 18 + Math.floor(rand() * 10) : 8 + Math.floor(rand() * 29);
    const base = { clinician: p.therapist, typeCode, telehealth, reliability, avoid } as const;
    if (p.status === 'discharged') {
      const made = addSeries(p, 'therapy', { ...base, use: 'weekly', nominalStart: plusDays(today, -7 * (30 + Math.floor(rand() * 10))), end: { on: plusDays(today, -(28 + Math.floor(rand() * 56))), reason: 'Patient discharged' } });
      firstSeries.push({ p, clinician: p.therapist, typeCode: 'intake', made: made.items, row: made.row, kind: 'therapy' });
      continue;
    }
    if (p.n === AT_RISK.stopped) {
      const made = addSeries(p, 'therapy', { ...base, use: 'weekly', nominalStart: plusDays(today, -7 * weeksBack), end: { on: plusDays(today, -35), reason: 'Patient asked to pause sessions' } });
      firstSeries.push({ p, clinician: p.therapist, typeCode: 'intake', made: made.items, row: made.row, kind: 'therapy' });
    } else if (p.n === CONTINUED_SERIES_PATIENT) {
      const endOn = plusDays(today, -43);
      const a = addSeries(p, 'therapy', { ...base, use: 'weekly', nominalStart: plusDays(today, -7 * 26), end: { on: endOn, reason: 'Changed to a new weekly time' } });
      firstSeries.push({ p, clinician: p.therapist, typeCode: 'intake', made: a.items, row: a.row, kind: 'therapy' });
      const b = addSeries(p, 'therapy', { ...base, use: 'weekly', nominalStart: plusDays(endOn, 2), continues: a.row });
      b.row.createdAt = at(`${endOn}T17:30`);
      b.row.createdBy = staff.get(p.therapist)!;
    } else {
      const use: CellUse = p.n === AT_RISK.lateCancels ? 'biweekly' : risky ? 'weekly' : rand() < 0.65 ? 'weekly' : 'biweekly';
      const bounded = !risky && rand() < 0.15;
      const made = addSeries(p, 'therapy', {
        ...base, use, nominalStart: plusDays(today, -7 * weeksBack),
        count: bounded && use === 'weekly' ? weeksBack + 6 + Math.floor(rand() * 10) : undefined,
        until: bounded && use === 'biweekly' ? plusDays(today, 7 * (8 + Math.floor(rand() * 12))) : undefined,
      });
      firstSeries.push({ p, clinician: p.therapist, typeCode: 'intake', made: made.items, row: made.row, kind: 'therapy' });
    }
    if (p.prescriber && p.status === 'active') {
      const made = addSeries(p, 'med', {
        clinician: p.prescriber, use: 'monthly', typeCode: rand() < 0.6 ? 'med-mgmt-30' : 'med-mgmt-20', telehealth: rand() < 0.4,
        reliability, avoid, nominalStart: plusDays(today, -7 * (6 + Math.floor(rand() * 24))),
      });
      firstSeries.push({ p, clinician: p.prescriber, typeCode: 'psych-eval', made: made.items, row: made.row, kind: 'med' });
    }
  }

  // Patients whose recent history should put them on the "at risk" list.
  const overrideLast = (patientN: number, kind: Item['kind'], pattern: Outcome[]) => {
    const past = items.filter((i) => i.patient?.n === patientN && i.kind === kind && i.a.endsAt <= now && i.plan.outcome !== 'skipped' && i.plan.outcome !== 'cancelled_practice');
    past.slice(-pattern.length).forEach((i, k) => (i.plan = { outcome: pattern[k]! }));
  };
  overrideLast(AT_RISK.noShows, 'therapy', ['completed', 'no_show', 'no_show', 'no_show']);
  overrideLast(AT_RISK.growingGaps, 'therapy', ['completed', 'cancelled_patient', 'completed', 'cancelled_patient', 'late_cancel', 'completed', 'cancelled_patient', 'no_show', 'late_cancel', 'cancelled_patient']);
  overrideLast(AT_RISK.lateCancels, 'therapy', ['late_cancel', 'completed', 'late_cancel', 'cancelled_patient', 'late_cancel']);
  overrideLast(AT_RISK.stopped, 'therapy', ['completed', 'completed']);

  const groups = await planGroups(q, {
    now, today, timeZone: tz, horizonEnd, staff, place, fees, occupancy, frontDesk, rand, groupType: type('group'),
    patientId: (n) => byNumber.get(n)!.id, medicaid: (n) => byNumber.get(n)!.medicaid,
  });
  series.push(...groups.series);
  const keysOf = (a: Appt) => [`c:${a.clinicianId}`, ...(a.roomId ? [`r:${a.roomId}`] : []), ...(a.patientId ? [`p:${a.patientId}`] : [])];
  for (const i of items) if (HOLDS_SLOT.has(i.plan.outcome)) occupancy.take(keysOf(i.a), i.a.startsAt, i.a.endsAt, 'a recurring session');

  /** A one-off appointment at 16:00 on a working day of the clinician, searching from `from` in direction `dir`. */
  const placeSingle = (p: DemoPatient, clinician: string, typeCode: string, from: string, dir: 1 | -1): Item | null => {
    const t = type(typeCode);
    for (let k = 0; k < 30; k++) {
      const date = plusDays(from, dir * k);
      const day = DEMO_WEEK[clinician]!.find((d) => d.weekday === weekdayOf(date));
      if (!day || day.weekday === 4) continue; // Thursdays at 16:00 belong to the teen group
      const where = place(day.location, day.room);
      const a = appt({ seriesId: null, occurrenceLocal: null, patientId: p.id, clinicianId: staff.get(clinician)!, locationId: where.locationId, roomId: where.roomId, typeId: t.id, telehealth: false, start: `${date}T${SINGLE_TIME}`, duration: t.duration });
      if (awayFor(a.clinicianId, a.startsAt, a.endsAt) || !occupancy.free(keysOf(a), a.startsAt, a.endsAt)) continue;
      occupancy.take(keysOf(a), a.startsAt, a.endsAt, typeCode);
      const plan: Plan = { outcome: a.endsAt <= now ? 'completed' : a.startsAt <= now ? 'in_session' : 'upcoming' };
      a.createdAt = a.startsAt <= now ? new Date(a.startsAt.getTime() - (5 + Math.floor(rand() * 8)) * DAY) : new Date(now.getTime() - (1 + Math.floor(rand() * 3)) * DAY);
      const item: Item = { a, plan, patient: p, series: null, kind: 'single' };
      items.push(item);
      return item;
    }
    return null;
  };

  // Intake before therapy, a psychiatric evaluation before medication management; the series is booked right after.
  for (const f of firstSeries) {
    if (!f.made.length) continue;
    const firstStart = f.made[0]!.a;
    const single = placeSingle(f.p, f.clinician, f.typeCode, plusDays(firstStart.start.slice(0, 10), f.kind === 'therapy' ? -7 : -10), -1);
    f.row.createdAt = single ? new Date(single.a.endsAt.getTime() + 20 * MIN) : new Date(firstStart.startsAt.getTime() - 5 * DAY);
    f.row.createdBy = single ? staff.get(f.clinician)! : frontDesk;
  }
  for (const i of items) {
    if (i.series) {
      i.a.createdAt = i.series.createdAt;
      i.a.createdBy = i.series.createdBy;
    }
  }
  NEW_PATIENTS.forEach((n, k) => {
    const p = byNumber.get(n)!;
    placeSingle(p, p.therapist, 'intake', plusDays(today, 2 + 2 * k), 1);
  });

  // A few sessions moved to later the same day, past and upcoming.
  const movable = shuffle(
    items.filter((i) => i.kind === 'therapy' && i.series?.rrule.startsWith('FREQ=WEEKLY;BYDAY') && !AT_RISK_PATIENTS.has(i.patient!.n) && i.patient!.n !== CONTINUED_SERIES_PATIENT && weekdayOf(i.a.start) !== 4),
    rand,
  );
  const movedPatients = new Set<number>();
  let pastMoves = 0;
  let futureMoves = 0;
  for (const i of movable) {
    const past = i.plan.outcome === 'completed' && i.a.endsAt.getTime() < now.getTime() - DAY && i.a.startsAt.getTime() > now.getTime() - 70 * DAY;
    const future = i.plan.outcome === 'upcoming' && i.a.startsAt.getTime() > now.getTime() + 3 * DAY && i.a.startsAt.getTime() < now.getTime() + 28 * DAY;
    if ((!past || pastMoves >= 6) && (!future || futureMoves >= 2)) continue;
    if (movedPatients.has(i.patient!.n)) continue;
    const movedAt = past ? new Date(i.a.startsAt.getTime() - 3 * DAY) : new Date(now.getTime() - 2 * DAY);
    if (movedAt.getTime() < i.a.createdAt.getTime() + 60 * MIN) continue;
    const from = i.a.start;
    const start = `${from.slice(0, 10)}T${SINGLE_TIME}`;
    const startsAt = at(start);
    const endsAt = new Date(startsAt.getTime() + (i.a.endsAt.getTime() - i.a.startsAt.getTime()));
    if (awayFor(i.a.clinicianId, startsAt, endsAt) || !occupancy.free(keysOf(i.a), startsAt, endsAt)) continue;
    occupancy.take(keysOf(i.a), startsAt, endsAt, 'a moved session');
    Object.assign(i.a, { start, startsAt, endsAt, moved: true });
    i.plan.move = { from, at: movedAt };
    movedPatients.add(i.patient!.n);
    if (past) pastMoves++;
    else futureMoves++;
  }

  // Tell each appointment's story: events, reminders, confirmations, fees.
  const story = rng(20261129);
  const ctx = {
    now, frontDesk, fees, rand: story, rules: { email: rule('email'), sms: rule('sms') },
    reminderWindow: [new Date(now.getTime() - 21 * DAY), new Date(now.getTime() + 2 * DAY)] as [Date, Date],
  };
  const all = [...items, ...groups.items.map((g) => ({ ...g, patient: null, series: null, kind: 'group' as const }))];
  const events: Ev[] = [];
  const reminders: ReminderRow[] = [];
  const links: LinkRow[] = [];
  for (const i of all) {
    const traits = i.patient
      ? { medicaid: i.patient.medicaid, okToText: i.patient.okToText, confirms: i.patient.n === AT_RISK.lateCancels ? 0 : i.patient.n === AT_RISK.noShows ? 0.1 : 0.6 }
      : null;
    const told = narrate(i.a, i.plan, traits, ctx);
    events.push(...told.events);
    reminders.push(...told.reminders);
    links.push(...told.links);
  }

  await insertRows(q, 'clinician_hours', [['id', 'uuid'], ['user_id', 'uuid'], ['location_id', 'uuid'], ['weekday', 'smallint'], ['start_time', 'time'], ['end_time', 'time']], hours);
  await insertRows(q, 'clinician_exceptions',
    [['id', 'uuid'], ['user_id', 'uuid'], ['kind', 'text'], ['location_id', 'uuid'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['reason', 'text'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    timeOff.map((t) => [newId(), t.userId, t.kind, t.locationId, t.startsAt, t.endsAt, t.reason, staff.get('admin')!, t.createdAt]));
  await insertSeries(q, series);
  await insertAppointments(q, all.map((i) => i.a));
  await insertAttendance(q, groups.attendance);
  await insertEventRows(q, events);
  await insertReminderRows(q, reminders);
  await insertLinkRows(q, links);
  const extras = await seedWaitlistAndOutreach(q, { now, today, timeZone: tz, staff, frontDesk, patient: (n) => byNumber.get(n)!, items: all, types: type, locations: input.locations });

  // Care began with the first appointment, not on the day the demo was created.
  const firstSeen = new Map<string, { patientId: string; userId: string; date: string }>();
  for (const i of all) {
    if (!i.a.patientId) continue;
    const key = `${i.a.patientId}|${i.a.clinicianId}`;
    const date = i.a.start.slice(0, 10);
    const seen = firstSeen.get(key);
    if (!seen || date < seen.date) firstSeen.set(key, { patientId: i.a.patientId, userId: i.a.clinicianId, date });
  }
  const fs = [...firstSeen.values()];
  await q.query(
    `UPDATE care_team ct SET since = x.since FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS x(patient_id, user_id, since)
      WHERE ct.patient_id = x.patient_id AND ct.user_id = x.user_id AND x.since < ct.since`,
    [fs.map((f) => f.patientId), fs.map((f) => f.userId), fs.map((f) => f.date)],
  );

  return {
    appointments: all.length, series: series.length, events: events.length, reminders: reminders.length, confirmations: links.length,
    groupAttendance: groups.attendance.length, ...extras,
  };
}

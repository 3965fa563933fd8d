// Bulk generation of a large appointment book for the scheduling benchmark, with set-based SQL
// (generate_series, INSERT ... SELECT), on top of the practice from data.ts.
//
// Each clinician has a full weekly grid: 96 half-hour slots (Monday to Saturday, 08:00 to 16:00),
// each holding a weekly series. Every 26 weeks a slot passes to a new patient (a bounded series
// ends, an open-ended one starts), staggered over the grid, so 100 clinicians over five years make
// about 2.5 million occurrences and 100,000 series. That is denser than a real caseload, which makes
// each calendar query return more rows than it would in practice.
//
// Nothing overlaps, so the exclusion constraints of 0006_scheduling.sql accept every row: a slot
// belongs to one clinician, each clinician has a room of their own, and a patient holds at most one
// slot at a time (see `patientFor`). Evenings and Sundays stay free for the booking measurement.
import type { Db } from '../../apps/api/src/platform/db/db.js';
import { sqlId, staffId } from './data.js';

export const SLOTS_PER_DAY = 16; // 08:00 to 16:00, 30 minutes each
export const DAYS_PER_WEEK = 6; // Monday to Saturday
export const CELLS_PER_CLINICIAN = SLOTS_PER_DAY * DAYS_PER_WEEK;
export const TURNOVER_WEEKS = 26;
export const CLINICIANS_PER_LOCATION = 10;
/** Bench clinicians are the generated staff from number 21 on (supervisors and therapists). */
export const FIRST_CLINICIAN = 21;
export const TIME_ZONE = 'America/Chicago';
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export const clinicianId = (ci: number) => staffId(FIRST_CLINICIAN + ci);
export const locationId = (li: number) => `b0000020-0000-7000-8000-${li.toString(16).padStart(12, '0')}`;
export const roomId = (ci: number) => `b0000021-0000-7000-8000-${ci.toString(16).padStart(12, '0')}`;

export interface ScheduleShape {
  clinicians: number;
  weeks: number;
  /** Weeks of the window before the current week. */
  weeksBack: number;
  /** Monday of the first week, 'YYYY-MM-DD'. */
  firstMonday: string;
  locations: number;
}

export interface ScheduleResult extends ScheduleShape {
  appointments: number;
  series: number;
  seconds: number;
}

/** The first Monday and the window for `years` of weekly series, 60 % of it in the past. */
export function scheduleShape(clinicians: number, years: number, now = new Date()): ScheduleShape {
  const weeks = Math.round((years * 365.25) / 7);
  const weeksBack = Math.round(weeks * 0.6);
  const local = new Date(now.toLocaleString('en-US', { timeZone: TIME_ZONE }));
  const monday = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7 * weeksBack);
  return {
    clinicians,
    weeks,
    weeksBack,
    firstMonday: monday.toISOString().slice(0, 10),
    locations: Math.ceil(clinicians / CLINICIANS_PER_LOCATION),
  };
}

/**
 * Loads the appointment book: locations, one room per clinician, working hours (Monday to Saturday,
 * 08:00 to 20:00), the series and every occurrence. Past occurrences have attendance outcomes
 * (mostly completed; no-shows and late cancels with their fee), future ones are scheduled.
 */
export async function generateSchedule(
  db: Db,
  opts: { clinicians: number; years: number; log?: (s: string) => void },
): Promise<ScheduleResult> {
  const t0 = performance.now();
  const shape = scheduleShape(opts.clinicians, opts.years);
  const { clinicians: n, weeks: W, firstMonday, locations } = shape;
  const cells = n * CELLS_PER_CLINICIAN;
  const types = await db.query<{ id: string }>(
    `SELECT id FROM appointment_types WHERE code = 'individual-30'`,
  );
  const typeId = types.rows[0]?.id;
  if (!typeId) throw new Error('appointment type individual-30 is missing');
  const front = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE email_lower = 'tom@riverbend.example'`,
  );
  const createdBy = front.rows[0]?.id ?? null;

  // Active generated patients, numbered from 0, so the SQL can pick "the k-th patient".
  await db.exec(`
    DROP TABLE IF EXISTS bench_patients;
    CREATE UNLOGGED TABLE bench_patients AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM patients
       WHERE status = 'active' AND email LIKE 'patient%@example.com';
    CREATE UNIQUE INDEX ON bench_patients(n);
    ANALYZE bench_patients;`);
  const nA = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_patients')).rows[0]!.n;
  // Series j = k * cells + c (slot c, its k-th patient) takes patient j mod nA. Two series sharing a
  // patient then differ in k by at least one turnover period or sit in different slots of the week;
  // periods of one slot position are aligned across clinicians, so the same patient never holds two
  // slots at the same time. That needs at least as many patients as slots.
  if (nA < cells)
    throw new Error(`the scheduling bench needs at least ${cells} active patients, found ${nA}`);

  // Slot c: clinician c / 96, weekday 1 + (c % 96) / 16, time 08:00 + 30 min x (c % 16); its turnover is
  // staggered by its position in the week.
  const cellSql = `
    SELECT c, c / ${CELLS_PER_CLINICIAN} AS ci, 1 + (c % ${CELLS_PER_CLINICIAN}) / ${SLOTS_PER_DAY} AS wd,
           time '08:00' + make_interval(mins => 30 * (c % ${SLOTS_PER_DAY})) AS t,
           (c % ${CELLS_PER_CLINICIAN}) % ${TURNOVER_WEEKS} AS off
      FROM generate_series($LO::int, $HI::int) c`;
  const cellRange = (lo: number, hi: number) => cellSql.replace('$LO', String(lo)).replace('$HI', String(hi));

  await db.tx(async (q) => {
    await q.exec(`
      INSERT INTO locations(id, name, address, phone, time_zone, place_of_service)
      SELECT ${sqlId('b0000020', 'li')}, 'Bench site ' || (li + 1),
             jsonb_build_object('line1', (100 + li) || ' Bench Street', 'city', 'Riverbend', 'state', 'IL', 'postalCode', '62701'),
             '(217) 555-0100', '${TIME_ZONE}', '11'
        FROM generate_series(0, ${locations - 1}) li;
      INSERT INTO rooms(id, location_id, name, capacity)
      SELECT ${sqlId('b0000021', 'ci')}, ${sqlId('b0000020', `ci / ${CLINICIANS_PER_LOCATION}`)}, 'Room ' || (1 + ci % ${CLINICIANS_PER_LOCATION}), 2
        FROM generate_series(0, ${n - 1}) ci;
      INSERT INTO clinician_hours(id, user_id, location_id, weekday, start_time, end_time)
      SELECT ${sqlId('b0000022', `ci * 8 + wd`)}, ${sqlId('b0000002', `${FIRST_CLINICIAN} + ci`)}, ${sqlId('b0000020', `ci / ${CLINICIANS_PER_LOCATION}`)},
             wd, time '08:00', time '20:00'
        FROM generate_series(0, ${n - 1}) ci, generate_series(1, ${DAYS_PER_WEEK}) wd;`);

    // One series per slot and turnover period k; the last one of each slot is open-ended.
    await q.exec(`
      INSERT INTO appointment_series(id, patient_id, clinician_id, location_id, room_id, appointment_type_id, telehealth, time_zone,
                                     start_local, duration_minutes, rrule, materialized_through, open_ended, created_by, created_at)
      SELECT ${sqlId('b0000023', 'c * 16 + k')}, bp.id, ${sqlId('b0000002', `${FIRST_CLINICIAN} + ci`)}, ${sqlId('b0000020', `ci / ${CLINICIANS_PER_LOCATION}`)},
             ${sqlId('b0000021', 'ci')}, '${typeId}', false, '${TIME_ZONE}',
             (DATE '${firstMonday}' + 7 * w0 + wd - 1) + t, 30,
             'FREQ=WEEKLY;BYDAY=' || (ARRAY${JSON.stringify(DAY_CODES).replaceAll('"', "'")})[wd]
               || CASE WHEN w1 < ${W} THEN ';UNTIL=' || to_char(DATE '${firstMonday}' + 7 * (w1 - 1) + wd - 1, 'YYYYMMDD') ELSE '' END,
             DATE '${firstMonday}' + 7 * (w1 - 1) + wd - 1,
             w1 >= ${W}, ${createdBy ? `'${createdBy}'` : 'NULL'},
             ((DATE '${firstMonday}' + 7 * w0 + wd - 1) + t) AT TIME ZONE '${TIME_ZONE}' - interval '7 days'
        FROM (SELECT x.*, k, GREATEST(0, k * ${TURNOVER_WEEKS} - off) AS w0, LEAST(${W}, (k + 1) * ${TURNOVER_WEEKS} - off) AS w1
                FROM (${cellRange(0, cells - 1)}) x, generate_series(0, (${W} - 1 + ${TURNOVER_WEEKS}) / ${TURNOVER_WEEKS}) k) s
        JOIN bench_patients bp ON bp.n = (s.k * ${cells} + s.c) % ${nA}
       WHERE w0 < w1;`);
  });

  // Occurrences, a few clinicians per statement (about 250,000 rows each at five years).
  const batch = 10;
  await withoutSecondaryIndexes(db, 'appointments', opts.log, async () => {
    for (let from = 0; from < n; from += batch) {
      const to = Math.min(n, from + batch) - 1;
      await db.tx(async (q) => {
        // The rows are consistent by construction (every id they point to was inserted above), so the
        // foreign-key triggers are skipped for this bulk insert; see withoutSecondaryIndexes for the rest.
        await q.exec('SET LOCAL session_replication_role = replica');
        await q.exec(`
      INSERT INTO appointments(id, series_id, occurrence_local, patient_id, clinician_id, location_id, room_id, appointment_type_id,
                               telehealth, time_zone, starts_at, ends_at, status, status_changed_at, fee_cents, created_by, created_at)
      SELECT ${sqlId('b0000024', 'c * 512 + w')}, ${sqlId('b0000023', 'c * 16 + k')}, loc, bp.id,
             ${sqlId('b0000002', `${FIRST_CLINICIAN} + ci`)}, ${sqlId('b0000020', `ci / ${CLINICIANS_PER_LOCATION}`)}, ${sqlId('b0000021', 'ci')},
             '${typeId}', false, '${TIME_ZONE}', s_at, s_at + interval '30 minutes', st,
             CASE WHEN st <> 'scheduled' THEN s_at + interval '30 minutes' END,
             CASE st WHEN 'no_show' THEN 7500 WHEN 'late_cancel' THEN 5000 END,
             ${createdBy ? `'${createdBy}'` : 'NULL'}, s_at - interval '30 days'
        FROM (SELECT c, ci, w, k, loc, s_at,
                     CASE WHEN s_at >= now() THEN 'scheduled'
                          -- 85 % attended; a no-show, a cancellation and a late cancel in every 20 past sessions.
                          ELSE (ARRAY['completed','completed','completed','completed','completed','completed','completed','completed',
                                      'completed','completed','completed','completed','completed','completed','completed','completed',
                                      'completed','no_show','cancelled_patient','late_cancel'])[1 + ((c * 7919 + w * 104729) % 20)]
                     END AS st
                FROM (SELECT x.c, x.ci, w, (w + x.off) / ${TURNOVER_WEEKS} AS k, (DATE '${firstMonday}' + 7 * w + x.wd - 1) + x.t AS loc,
                             ((DATE '${firstMonday}' + 7 * w + x.wd - 1) + x.t) AT TIME ZONE '${TIME_ZONE}' AS s_at
                        FROM (${cellRange(from * CELLS_PER_CLINICIAN, (to + 1) * CELLS_PER_CLINICIAN - 1)}) x, generate_series(0, ${W - 1}) w) y) z
        JOIN bench_patients bp ON bp.n = (z.k * ${cells} + z.c) % ${nA};`);
      });
      opts.log?.(
        `scheduling: clinicians ${from + 1}-${to + 1} of ${n} loaded (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  });
  await db.exec('DROP TABLE bench_patients');
  await checkReferences(db);
  await db.exec('VACUUM ANALYZE appointments');
  await db.exec('VACUUM ANALYZE appointment_series');
  const counts = await db.query<{ appointments: number; series: number }>(
    `SELECT (SELECT count(*)::int FROM appointments WHERE location_id IN (SELECT id FROM locations WHERE name LIKE 'Bench site %')) AS appointments,
            (SELECT count(*)::int FROM appointment_series WHERE location_id IN (SELECT id FROM locations WHERE name LIKE 'Bench site %')) AS series`,
  );
  return { ...shape, ...counts.rows[0]!, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Runs a bulk load into `table` with its secondary indexes and exclusion constraints removed, then
 * puts them back exactly as they were (definitions read from the catalog): building an index once
 * over millions of rows is far faster than maintaining it row by row. Re-adding the exclusion
 * constraints checks every row, so the double-booking rules still hold for what was loaded.
 */
async function withoutSecondaryIndexes(
  db: Db,
  table: string,
  log: ((s: string) => void) | undefined,
  load: () => Promise<void>,
): Promise<void> {
  const constraints = (
    await db.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'x' ORDER BY conname`,
      [table],
    )
  ).rows;
  const indexes = (
    await db.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = $1
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x'))
      ORDER BY indexname`,
      [table],
    )
  ).rows;
  const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
  for (const c of constraints) await db.exec(`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(c.name)}`);
  for (const i of indexes) await db.exec(`DROP INDEX ${ident(i.name)}`);
  try {
    await load();
  } finally {
    const t0 = performance.now();
    await db.tx(async (q) => {
      await q.exec(`SET LOCAL maintenance_work_mem = '512MB'`);
      for (const i of indexes) await q.exec(i.def);
      for (const c of constraints)
        await q.exec(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(c.name)} ${c.def}`);
    });
    log?.(
      `scheduling: ${indexes.length} indexes and ${constraints.length} exclusion constraints rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
}

/** The foreign keys skipped during the bulk insert, checked in one pass: every reference must resolve. */
async function checkReferences(db: Db): Promise<void> {
  const r = await db.query<{ dangling: number }>(
    `SELECT count(*)::int AS dangling FROM appointments a
       LEFT JOIN appointment_series s ON s.id = a.series_id
       LEFT JOIN patients p ON p.id = a.patient_id
       LEFT JOIN users u ON u.id = a.clinician_id
       LEFT JOIN locations l ON l.id = a.location_id
       LEFT JOIN rooms r ON r.id = a.room_id
       LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
      WHERE (a.series_id IS NOT NULL AND s.id IS NULL) OR (a.patient_id IS NOT NULL AND p.id IS NULL) OR u.id IS NULL
         OR l.id IS NULL OR (a.room_id IS NOT NULL AND r.id IS NULL) OR t.id IS NULL`,
  );
  if (r.rows[0]!.dangling)
    throw new Error(`scheduling bench: ${r.rows[0]!.dangling} appointments point at missing rows`);
}

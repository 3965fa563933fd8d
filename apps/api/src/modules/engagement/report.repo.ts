import type { Queryable } from '../../platform/db/db.js';
import type { Counts } from './domain/report.js';

// The attendance dashboard's SQL: kept and missed appointments (individual ones, and each member's
// attendance at group sessions) whose local date, in the appointment's own time zone, is in range.
// Read-only over the scheduling and groups tables, like the rest of this module.

export type BucketBy = 'clinician' | 'weekday' | 'hour' | 'appointment_type' | 'payer' | 'month';

const KEPT = `('completed', 'checked_in', 'in_session')`;
const COUNTED = `('completed', 'checked_in', 'in_session', 'no_show', 'late_cancel')`;

/** Rows in range with their local time `lt`; `$1`/`$2` bound the instants, `$3`/`$4` the local dates. */
const ROWS = `
  WITH r AS (
    SELECT a.starts_at, a.time_zone, a.clinician_id, a.appointment_type_id, a.patient_id, a.status
      FROM appointments a
     WHERE a.patient_id IS NOT NULL AND a.starts_at >= $1 AND a.starts_at < $2 AND a.status IN ${COUNTED}
    UNION ALL
    SELECT a.starts_at, a.time_zone, a.clinician_id, a.appointment_type_id, ga.patient_id, ga.status
      FROM group_attendance ga JOIN appointments a ON a.id = ga.appointment_id
     WHERE a.holds_slot AND a.starts_at >= $1 AND a.starts_at < $2 AND ga.status IN ${COUNTED}
  ), f AS (
    SELECT r.*, r.starts_at AT TIME ZONE r.time_zone AS lt FROM r
  ), d AS (
    SELECT * FROM f WHERE f.lt::date BETWEEN $3::date AND $4::date
  )`;

const COUNTS = `count(*) FILTER (WHERE d.status IN ${KEPT})::int AS kept,
  count(*) FILTER (WHERE d.status = 'no_show')::int AS no_shows,
  count(*) FILTER (WHERE d.status = 'late_cancel')::int AS late_cancels`;

/** The key and label of each grouping, and the joins they need. No patient detail ever leaves. */
const BUCKETS: Record<BucketBy, { key: string; label: string; join: string }> = {
  clinician: { key: 'd.clinician_id::text', label: `trim(u.first_name || ' ' || u.last_name)`, join: 'JOIN users u ON u.id = d.clinician_id' },
  weekday: { key: 'extract(isodow FROM d.lt)::int::text', label: `''`, join: '' },
  hour: { key: 'extract(hour FROM d.lt)::int::text', label: `''`, join: '' },
  appointment_type: { key: 'd.appointment_type_id::text', label: 't.name', join: 'JOIN appointment_types t ON t.id = d.appointment_type_id' },
  // The patient's primary coverage in force on the appointment's date, else self-pay.
  payer: {
    key: `coalesce(py.id::text, 'self-pay')`,
    label: `coalesce(py.name, 'Self-pay')`,
    join: `LEFT JOIN LATERAL (
             SELECT y.id, y.name FROM coverages c JOIN payers y ON y.id = c.payer_id
              WHERE c.patient_id = d.patient_id AND c.priority = 1
                AND (c.start_date IS NULL OR c.start_date <= d.lt::date) AND (c.end_date IS NULL OR c.end_date >= d.lt::date)
              ORDER BY c.start_date DESC NULLS LAST, c.id LIMIT 1) py ON true`,
  },
  month: { key: `to_char(d.lt, 'YYYY-MM')`, label: `''`, join: '' },
};

export interface Range {
  lo: Date;
  hi: Date;
  from: string;
  to: string;
}
const params = (r: Range) => [r.lo.toISOString(), r.hi.toISOString(), r.from, r.to];

interface CountRow {
  key: string;
  label: string;
  kept: number;
  no_shows: number;
  late_cancels: number;
}
const toCounts = (r: CountRow): Counts & { key: string; label: string } => ({ key: r.key, label: r.label, kept: r.kept, noShows: r.no_shows, lateCancels: r.late_cancels });

export async function countsBy(q: Queryable, by: BucketBy, range: Range): Promise<(Counts & { key: string; label: string })[]> {
  const b = BUCKETS[by];
  const r = await q.query<CountRow>(`${ROWS} SELECT ${b.key} AS key, ${b.label} AS label, ${COUNTS} FROM d ${b.join} GROUP BY 1, 2`, params(range));
  return r.rows.map(toCounts);
}

/** Counts per week (starting Monday) or month, keyed by the period's first local date. */
export async function countsOverTime(q: Queryable, interval: 'week' | 'month', range: Range): Promise<Map<string, Counts>> {
  const r = await q.query<CountRow>(
    `${ROWS} SELECT to_char(date_trunc('${interval === 'week' ? 'week' : 'month'}', d.lt), 'YYYY-MM-DD') AS key, '' AS label, ${COUNTS} FROM d GROUP BY 1`,
    params(range),
  );
  return new Map(r.rows.map((row) => [row.key, toCounts(row)]));
}

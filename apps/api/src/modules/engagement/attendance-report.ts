import type { TAttendanceReport, TAttendanceReportQuery } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { invalid } from '../../platform/errors.js';
import { practiceToday } from '../patients/index.js';
import { addDays, daysBetween } from './domain/dates.js';
import { defaultInterval, fixedLabel, periodLabel, periodStarts, rates, sumCounts } from './domain/report.js';
import { audit } from './engagement-audit.js';
import { countsBy, countsOverTime } from './report.repo.js';

export const DEFAULT_RANGE_DAYS = 90;
/** About three years: enough for trends, bounded for the database. */
export const MAX_RANGE_DAYS = 1096;

/**
 * No-show and late-cancel rates for the practice, by one dimension and over time. Aggregates only:
 * no patient appears in the answer. Weekday and hour are the appointment's local time in its zone.
 */
export async function attendanceReport(deps: Deps, actor: Actor, query: TAttendanceReportQuery, ip: string): Promise<TAttendanceReport> {
  const { db, clock } = deps;
  const now = clock.now();
  const to = query.to ?? (await practiceToday(db, now));
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw invalid('to', 'must not be before from');
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw invalid('to', `must be less than ${MAX_RANGE_DAYS} days after from`);
  const groupBy = query.groupBy ?? 'clinician';
  const interval = query.interval ?? defaultInterval(daysBetween(from, to) + 1);
  // Local dates in any zone fall within a day of the UTC date: widen the instants, then cut on local dates.
  const range = { lo: new Date(`${addDays(from, -1)}T00:00:00Z`), hi: new Date(`${addDays(to, 2)}T00:00:00Z`), from, to };

  const rows = await countsBy(db, groupBy, range);
  const overTime = await countsOverTime(db, interval, range);
  await audit(db, actor, ip, now, { action: 'report.attendance', resourceType: 'Report', detail: { from, to, groupBy, interval } });

  const buckets = rows
    .map((r) => ({ key: r.key, label: groupBy === 'weekday' || groupBy === 'hour' || groupBy === 'month' ? fixedLabel(groupBy, r.key) : r.label, ...rates(r) }))
    .sort((a, b) =>
      groupBy === 'weekday' || groupBy === 'hour' ? Number(a.key) - Number(b.key) : groupBy === 'month' ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
    );
  const zero = { kept: 0, noShows: 0, lateCancels: 0 };
  const series = periodStarts(from, to, interval).map((period) => ({ period, label: periodLabel(period, interval), ...rates(overTime.get(period) ?? zero) }));
  return { from, to, groupBy, interval, totals: rates(sumCounts(rows)), buckets, series };
}

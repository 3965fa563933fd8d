import type { Deps } from '../../platform/deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/ids.js';
import { addDays, expandLocal, instantToLocal, localToInstant, parseRule } from './domain/recurrence.js';
import { findConflicts, isBlocking } from './conflicts.js';
import { insertOccurrences, type OccurrenceRow } from './book.js';
import { insertEvents, loadPolicy } from './scheduling.repo.js';
import type { SeriesRow } from './series.repo.js';

/**
 * Open-ended series exist as rows only over a rolling horizon (the practice's series_horizon_days).
 * This extends each one that falls short. An occurrence whose time was taken in the meantime is kept
 * as skipped with the reason, so the gap is visible instead of silently missing. Safe to run from
 * several processes: each series is claimed with SKIP LOCKED.
 */
export async function extendSeriesHorizons(deps: Deps, limit = 200): Promise<{ series: number; created: number; skipped: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const policy = await loadPolicy(db);
  const target = addDays(instantToLocal(now, policy.time_zone).slice(0, 10), policy.series_horizon_days);
  const due = await db.query<{ id: string }>(
    `SELECT id FROM appointment_series WHERE status = 'active' AND open_ended AND materialized_through < $1::date ORDER BY materialized_through LIMIT ${limit}`,
    [target],
  );
  let created = 0;
  let skipped = 0;
  for (const { id } of due.rows) {
    await db.tx(async (q) => {
      const r = await q.query<SeriesRow>(`SELECT * FROM appointment_series WHERE id = $1 AND status = 'active' AND materialized_through < $2::date FOR UPDATE SKIP LOCKED`, [id, target]);
      const s = r.rows[0];
      if (!s) return;
      const locals = expandLocal(parseRule(s.rrule), s.start_local.slice(0, 16), addDays(s.materialized_through, 1), target);
      const planned = locals.map((occurrence) => {
        const startsAt = localToInstant(occurrence, s.time_zone);
        return { occurrence, startsAt, endsAt: new Date(startsAt.getTime() + s.duration_minutes * 60_000), moved: false };
      });
      const conflicts = await findConflicts(q, { clinicianId: s.clinician_id, locationId: s.location_id, roomId: s.room_id, patientId: s.patient_id }, planned);
      const rows: OccurrenceRow[] = planned.map((p, i) =>
        isBlocking(conflicts[i]!) ? { ...p, status: 'skipped', statusReason: 'Not created: the time was already taken when the series was extended' } : p,
      );
      const draft = {
        patientId: s.patient_id, groupId: s.group_id, clinicianId: s.clinician_id, locationId: s.location_id, roomId: s.room_id,
        appointmentTypeId: s.appointment_type_id, telehealth: s.telehealth, timeZone: s.time_zone, durationMinutes: s.duration_minutes,
      };
      const ids = await insertOccurrences(q, null, now, s.id, draft, rows);
      await insertEvents(q, ids.map((aid, i) => ({ appointmentId: aid, patientId: s.patient_id, at: now, actorId: null, kind: 'created', toStatus: rows[i]!.status ?? 'scheduled', reason: rows[i]!.statusReason ?? null })), newId);
      await q.query('UPDATE appointment_series SET materialized_through = $2 WHERE id = $1', [s.id, target]);
      const nSkipped = rows.filter((x) => x.status === 'skipped').length;
      created += rows.length - nSkipped;
      skipped += nSkipped;
      await appendAudit(q, {
        at: now, actorId: null, actorKind: 'system', actorRole: null, patientId: s.patient_id, action: 'appointment_series.extend',
        resourceType: 'AppointmentSeries', resourceId: s.id, outcome: 'success', detail: { created: rows.length - nSkipped, skipped: nSkipped, through: target },
      });
    });
  }
  return { series: due.rows.length, created, skipped };
}

/** Extends horizons now and then every hour; returns a stop function. */
export function startHorizonExtender(deps: Deps, everyMs = 3_600_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await extendSeriesHorizons(deps);
    } catch (e) {
      deps.log.error({ err: (e as Error).message }, 'series horizon extension failed');
    } finally {
      running = false;
    }
  };
  void run();
  const t = setInterval(() => void run(), everyMs);
  t.unref();
  return () => clearInterval(t);
}

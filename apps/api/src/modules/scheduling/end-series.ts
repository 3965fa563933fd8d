import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canChangeAppointment } from './change-access.js';
import { insertEvents } from './scheduling.repo.js';
import { loadSeries, toSeries } from './series.repo.js';
import { instantToLocal } from './domain/recurrence.js';

/**
 * Ends a series after a local date: later occurrences that still hold their slot are skipped with the
 * reason; past ones and anything already recorded stay as they are. Returns how many were removed.
 */
export async function endSeriesIn(q: Queryable, actorId: string | null, now: Date, seriesId: string, lastDate: string, reason: string): Promise<{ patientId: string | null; removed: number }> {
  const s = await q.query<{ patient_id: string | null; status: string }>('SELECT patient_id, status FROM appointment_series WHERE id = $1 FOR UPDATE', [seriesId]);
  const row = s.rows[0];
  if (!row) throw notFound('Series');
  const gone = await q.query<{ id: string; status: string }>(
    `UPDATE appointments a SET status = 'skipped', status_reason = $3, status_changed_at = $4, status_changed_by = $5, version = a.version + 1
       FROM (SELECT id, status FROM appointments WHERE series_id = $1 AND status IN ('scheduled', 'confirmed')
               AND (starts_at AT TIME ZONE time_zone)::date > $2::date FOR UPDATE) old
      WHERE a.id = old.id RETURNING a.id, old.status`,
    [seriesId, lastDate, reason, now, actorId],
  );
  await q.query(`UPDATE appointment_series SET status = 'ended', ended_on = $2, end_reason = $3, version = version + 1 WHERE id = $1`, [seriesId, lastDate, reason]);
  await insertEvents(q, gone.rows.map((g) => ({ appointmentId: g.id, patientId: row.patient_id, at: now, actorId, kind: 'status', fromStatus: g.status, toStatus: 'skipped', reason })), newId);
  return { patientId: row.patient_id, removed: gone.rows.length };
}

export async function endSeries(deps: Deps, actor: Actor, id: string, body: { lastDate?: string; reason: string }, ip: string) {
  const { db, clock } = deps;
  return db.tx(async (q) => {
    const series = await loadSeries(q, id);
    if (!series || !(await canChangeAppointment(q, actor, series))) throw notFound('Series');
    if (series.status === 'ended') throw new DomainError('conflict', 'This series has already ended.');
    const now = clock.now();
    const lastDate = body.lastDate ?? instantToLocal(now, series.time_zone).slice(0, 10);
    const r = await endSeriesIn(q, actor.userId, now, id, lastDate, body.reason);
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: r.patientId,
      action: 'appointment_series.end', resourceType: 'AppointmentSeries', resourceId: id, clientIp: ip, outcome: 'success',
      detail: { lastDate, removed: r.removed },
    });
    return toSeries((await loadSeries(q, id))!);
  });
}

/** When a patient is discharged, their open series end today (called from the patients module). */
export async function endSeriesOfDischargedPatient(q: Queryable, actorId: string | null, now: Date, patientId: string): Promise<number> {
  const s = await q.query<{ id: string; time_zone: string }>(`SELECT id, time_zone FROM appointment_series WHERE patient_id = $1 AND status = 'active'`, [patientId]);
  let removed = 0;
  for (const row of s.rows) {
    removed += (await endSeriesIn(q, actorId, now, row.id, instantToLocal(now, row.time_zone).slice(0, 10), 'Patient discharged')).removed;
  }
  return removed;
}

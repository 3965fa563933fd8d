import { Temporal } from 'temporal-polyfill';
import type { TAppointment, TMoveAppointmentRequest } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MOVABLE } from './domain/attendance-rules.js';
import { expandLocal, formatRule, instantToLocal, localToInstant, parseLocal, parseRule, type ParsedRule } from './domain/recurrence.js';
import { bookDraft, checkReferences, isSlotTaken, slotTakenError } from './book.js';
import { canChangeAppointment } from './change-access.js';
import { findConflicts, isBlocking } from './conflicts.js';
import { conflictError } from './expand-draft.js';
import { insertEvents, loadAppointment, lockAppointment, toAppointment, type RawAppointment } from './scheduling.repo.js';
import { loadSeries, type SeriesRow } from './series.repo.js';

const stale = () => new DomainError('conflict', 'Someone else changed this appointment. Reload it and try again.');

/**
 * Moves or edits an appointment. "this" changes one occurrence in place (it stays part of its series,
 * marked as moved); "following" ends the series before this occurrence and continues it as a new series
 * with the changes; "series" does the same from the first occurrence that has not happened yet. Every
 * changed occurrence is checked for conflicts; nothing is written unless all of them are free.
 */
export async function moveAppointment(deps: Deps, actor: Actor, id: string, body: TMoveAppointmentRequest, ip: string): Promise<TAppointment> {
  const { db, clock } = deps;
  let resultId = id;
  try {
    await db.tx(async (q) => {
      const a = await lockAppointment(q, id);
      if (!a || !(await canChangeAppointment(q, actor, a))) throw notFound('Appointment');
      if (a.version !== body.version) throw stale();
      if (!MOVABLE.has(a.status)) throw new DomainError('conflict', 'Only a scheduled or confirmed appointment can be moved or edited.');
      const now = clock.now();
      if (body.scope === 'this') await moveOne(q, actor, a, body, now);
      else resultId = await editFollowing(q, deps, actor, a, body, now);
      await appendAudit(q, {
        at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), patientId: a.patient_id,
        action: body.scope === 'this' ? 'appointment.move' : 'appointment_series.edit', resourceType: 'Appointment', resourceId: id, clientIp: ip, outcome: 'success',
        detail: { scope: body.scope, fields: Object.keys(body).filter((k) => k !== 'version' && k !== 'scope' && k !== 'reason') },
      });
    });
  } catch (e) {
    if (isSlotTaken(e)) throw slotTakenError();
    throw e;
  }
  return toAppointment((await loadAppointment(db, actor, resultId))!);
}

async function moveOne(q: Queryable, actor: Actor, a: RawAppointment, body: TMoveAppointmentRequest, now: Date) {
  if (body.recurrence) throw invalid('recurrence', 'applies only to "following" or "series" edits');
  const clinicianId = body.clinicianId ?? a.clinician_id;
  const roomId = body.roomId === undefined ? a.room_id : body.roomId;
  const typeId = body.appointmentTypeId ?? a.appointment_type_id;
  await checkReferences(q, { patientId: null, groupId: null, clinicianId, locationId: a.location_id, roomId, appointmentTypeId: typeId });
  const oldStart = new Date(a.starts_at);
  const duration = body.durationMinutes ?? Math.round((new Date(a.ends_at).getTime() - oldStart.getTime()) / 60000);
  const startsAt = body.start ? localToInstant(parseLocal(body.start).toString({ smallestUnit: 'minute' }), a.time_zone) : oldStart;
  const endsAt = new Date(startsAt.getTime() + duration * 60_000);
  const [conflicts] = await findConflicts(q, { clinicianId, locationId: a.location_id, roomId, patientId: a.patient_id, excludeIds: [a.id] }, [{ startsAt, endsAt }]);
  const start = instantToLocal(startsAt, a.time_zone);
  if (isBlocking(conflicts!)) throw conflictError([{ occurrence: a.occurrence_local?.slice(0, 16) ?? start, start, startsAt, endsAt, conflicts: conflicts! }]);
  const timeChanged = startsAt.getTime() !== oldStart.getTime();
  // A patient's confirmation was for the old time.
  const status = timeChanged && a.status === 'confirmed' ? 'scheduled' : a.status;
  await q.query(
    `UPDATE appointments SET starts_at = $2, ends_at = $3, clinician_id = $4, room_id = $5, appointment_type_id = $6, telehealth = $7,
            moved = moved OR $8, status = $9, version = version + 1 WHERE id = $1`,
    [a.id, startsAt, endsAt, clinicianId, roomId, typeId, body.telehealth ?? a.telehealth, timeChanged, status],
  );
  await insertEvents(q, [{
    appointmentId: a.id, patientId: a.patient_id, at: now, actorId: actor.userId, kind: timeChanged ? 'moved' : 'edited',
    fromStatus: a.status, toStatus: status, reason: body.reason ?? null,
    detail: { from: instantToLocal(oldStart, a.time_zone), to: start, clinicianChanged: clinicianId !== a.clinician_id, roomChanged: roomId !== a.room_id },
  }], newId);
}

/** The rule continued from a pivot occurrence: the remaining COUNT, and the weekday moved along with the time. */
function continuedRule(old: ParsedRule, series: SeriesRow, pivotLocal: string, newStart: Temporal.PlainDateTime): ParsedRule {
  const rule: ParsedRule = { ...old, weekdays: [...old.weekdays] };
  if (old.count) {
    const before = expandLocal(old, series.start_local.slice(0, 16), series.start_local.slice(0, 10), pivotLocal.slice(0, 10)).filter((o) => o < pivotLocal).length;
    rule.count = Math.max(1, old.count - before);
  }
  const oldWeekday = parseLocal(pivotLocal).dayOfWeek;
  if (rule.freq === 'WEEKLY' && rule.weekdays.length === 1 && rule.weekdays[0] === oldWeekday) rule.weekdays = [newStart.dayOfWeek];
  return rule;
}

async function editFollowing(q: Queryable, deps: Deps, actor: Actor, a: RawAppointment, body: TMoveAppointmentRequest, now: Date): Promise<string> {
  if (!a.series_id) throw invalid('scope', 'applies only to an appointment that is part of a series; use "this"');
  const series = await loadSeries(q, a.series_id, true);
  if (!series || series.status !== 'active') throw new DomainError('conflict', 'This series has ended; book a new one instead.');
  // The pivot: this occurrence, or for the whole series the first one that has not started yet.
  let pivot = a;
  if (body.scope === 'series') {
    const r = await q.query<{ id: string }>(
      `SELECT id FROM appointments WHERE series_id = $1 AND status IN ('scheduled', 'confirmed') AND starts_at >= $2 ORDER BY starts_at LIMIT 1`,
      [a.series_id, now],
    );
    if (!r.rows[0]) throw new DomainError('conflict', 'Every occurrence of this series has already happened.');
    pivot = (await lockAppointment(q, r.rows[0].id))!;
  }
  const pivotLocal = (pivot.occurrence_local ?? instantToLocal(new Date(pivot.starts_at), pivot.time_zone)).slice(0, 16);
  // A new start given for this occurrence shifts every following one by the same amount.
  const thisLocal = parseLocal(instantToLocal(new Date(a.starts_at), a.time_zone));
  const shift = body.start ? thisLocal.until(parseLocal(body.start), { largestUnit: 'days' }) : null;
  const newStart = shift ? parseLocal(pivotLocal).add(shift) : parseLocal(pivotLocal);
  const rule = body.recurrence ? parseRule(body.recurrence) : continuedRule(parseRule(series.rrule), series, pivotLocal, newStart);
  // Free the old occurrences from the pivot on, then end the old series the day before.
  const reason = body.reason ?? 'Replaced by a change to the series';
  const replaced = await q.query<{ id: string; status: string }>(
    `UPDATE appointments x SET status = 'skipped', status_reason = $3, status_changed_at = $4, status_changed_by = $5, version = x.version + 1
       FROM (SELECT id, status FROM appointments WHERE series_id = $1 AND status IN ('scheduled', 'confirmed') AND starts_at >= $2 FOR UPDATE) old
      WHERE x.id = old.id RETURNING x.id, old.status`,
    [series.id, pivot.starts_at, reason, now, actor.userId],
  );
  const endedOn = parseLocal(pivotLocal).toPlainDate().subtract({ days: 1 }).toString();
  await q.query(`UPDATE appointment_series SET status = 'ended', ended_on = $2, end_reason = 'Continued as a new series', version = version + 1 WHERE id = $1`, [series.id, endedOn]);
  await insertEvents(q, replaced.rows.map((r) => ({ appointmentId: r.id, patientId: series.patient_id, at: now, actorId: actor.userId, kind: 'status', fromStatus: r.status, toStatus: 'skipped', reason })), newId);
  const clinicianId = body.clinicianId ?? series.clinician_id;
  const roomId = body.roomId === undefined ? series.room_id : body.roomId;
  const appointmentTypeId = body.appointmentTypeId ?? series.appointment_type_id;
  await checkReferences(q, { patientId: null, groupId: null, clinicianId, locationId: series.location_id, roomId, appointmentTypeId });
  const booked = await bookDraft(q, deps, actor, {
    patientId: series.patient_id, groupId: series.group_id, clinicianId, locationId: series.location_id, roomId, appointmentTypeId,
    telehealth: body.telehealth ?? series.telehealth, timeZone: series.time_zone, start: newStart.toString({ smallestUnit: 'minute' }),
    durationMinutes: body.durationMinutes ?? series.duration_minutes, recurrence: formatRule(rule), skip: [], moves: [],
  }, { continuesSeriesId: series.id });
  const first = booked.appointmentIds[0];
  if (!first) throw invalid('recurrence', 'produces no appointments');
  return first;
}

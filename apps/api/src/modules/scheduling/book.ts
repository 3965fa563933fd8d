import type { TBookingRequest } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient } from '../patients/access.js';
import { conflictError, expandDraft, type BookingDraft, type ExpandedDraft } from './expand-draft.js';
import { insertEvents, loadPolicy, type PracticePolicyRow } from './scheduling.repo.js';

export type { BookingDraft } from './expand-draft.js';

interface TypeRow {
  duration_minutes: number;
  is_group: boolean;
  active: boolean;
  mode: string;
}

/** Turns a booking request into a draft: defaults from the type and location, references checked. */
export async function draftFromRequest(q: Queryable, actor: Actor, b: TBookingRequest): Promise<BookingDraft> {
  const type = await checkReferences(q, { ...b, roomId: b.roomId ?? null, groupId: null });
  if (type.is_group) throw invalid('appointmentTypeId', 'is a group type: book group sessions from the group');
  if (!(await canAccessPatient(q, actor, b.patientId, 'demographics'))) throw invalid('patientId', 'is not a patient you can book for');
  const loc = await q.query<{ time_zone: string }>('SELECT time_zone FROM locations WHERE id = $1', [b.locationId]);
  return {
    patientId: b.patientId,
    groupId: null,
    clinicianId: b.clinicianId,
    locationId: b.locationId,
    roomId: b.roomId ?? null,
    appointmentTypeId: b.appointmentTypeId,
    telehealth: b.telehealth ?? type.mode === 'telehealth',
    timeZone: b.timeZone ?? loc.rows[0]!.time_zone,
    start: b.start,
    durationMinutes: b.durationMinutes ?? type.duration_minutes,
    recurrence: b.recurrence ?? null,
    skip: b.skip ?? [],
    moves: b.moves ?? [],
  };
}

/** Checks that every referenced record exists and can be booked; returns the appointment type. */
export async function checkReferences(
  q: Queryable,
  d: { patientId: string | null; groupId: string | null; clinicianId: string; locationId: string; roomId: string | null; appointmentTypeId: string },
): Promise<TypeRow> {
  const r = await q.query<{ type: TypeRow | null; clinician_ok: boolean | null; location_ok: boolean | null; room_ok: boolean | null; patient_status: string | null }>(
    `SELECT (SELECT row_to_json(t) FROM (SELECT duration_minutes, is_group, active, mode FROM appointment_types WHERE id = $1) t) AS type,
            (SELECT u.active AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles ro ON ro.key = ur.role_key WHERE ur.user_id = u.id AND ro.clinical)
               FROM users u WHERE u.id = $2) AS clinician_ok,
            (SELECT active FROM locations WHERE id = $3) AS location_ok,
            (SELECT active AND location_id = $3 FROM rooms WHERE id = $4) AS room_ok,
            (SELECT status FROM patients WHERE id = $5) AS patient_status`,
    [d.appointmentTypeId, d.clinicianId, d.locationId, d.roomId, d.patientId],
  );
  const row = r.rows[0]!;
  if (!row.type || !row.type.active) throw invalid('appointmentTypeId', 'is not an active appointment type');
  if (!row.clinician_ok) throw invalid('clinicianId', 'is not an active clinician');
  if (!row.location_ok) throw invalid('locationId', 'is not an active location');
  if (d.roomId && !row.room_ok) throw invalid('roomId', 'is not an active room of this location');
  if (d.patientId) {
    if (!row.patient_status) throw invalid('patientId', 'is not a patient you can book for');
    if (row.patient_status === 'discharged') throw invalid('patientId', 'is discharged: change the patient\u2019s status before booking');
  }
  return row.type;
}

export interface BookedSeries {
  seriesId: string | null;
  appointmentIds: string[];
  expanded: ExpandedDraft;
}

/**
 * Books every occurrence of a draft inside the caller's transaction: all or none. Conflicts found
 * by the check are a 409 listing each date; a booking racing this one is stopped by the exclusion
 * constraints (the caller maps that to a 409 too, see isSlotTaken).
 */
export async function bookDraft(q: Queryable, deps: Deps, actor: Actor, d: BookingDraft, opts: { policy?: PracticePolicyRow; continuesSeriesId?: string } = {}): Promise<BookedSeries> {
  const policy = opts.policy ?? (await loadPolicy(q));
  const expanded = await expandDraft(q, policy, d);
  if (expanded.occurrences.some((o) => o.conflicts.some((c) => c.blocking))) throw conflictError(expanded.occurrences);
  const now = deps.clock.now();
  let seriesId: string | null = null;
  if (expanded.rule) {
    seriesId = newId();
    await q.query(
      `INSERT INTO appointment_series(id, patient_id, group_id, clinician_id, location_id, room_id, appointment_type_id, telehealth, time_zone,
                                      start_local, duration_minutes, rrule, materialized_through, open_ended, continues_series_id, created_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [seriesId, d.patientId, d.groupId, d.clinicianId, d.locationId, d.roomId, d.appointmentTypeId, d.telehealth, d.timeZone,
        d.start, d.durationMinutes, expanded.ruleText, expanded.throughDate, expanded.openEnded, opts.continuesSeriesId ?? null, actor.userId, now],
    );
  }
  const ids = await insertOccurrences(q, actor.userId, now, seriesId, d, expanded.occurrences.map((o) => ({ ...o, moved: o.start !== o.occurrence })));
  await insertEvents(q, ids.map((id) => ({ appointmentId: id, patientId: d.patientId, at: now, actorId: actor.userId, kind: 'created', toStatus: 'scheduled' })), newId);
  return { seriesId, appointmentIds: ids, expanded };
}

export interface OccurrenceRow {
  occurrence: string;
  startsAt: Date;
  endsAt: Date;
  moved: boolean;
  status?: string;
  statusReason?: string | null;
}

/** Bulk insert of occurrences sharing one draft's attributes. */
export async function insertOccurrences(
  q: Queryable, actorId: string | null, now: Date, seriesId: string | null, d: Omit<BookingDraft, 'skip' | 'moves' | 'start' | 'recurrence'>, rows: OccurrenceRow[],
): Promise<string[]> {
  const ids = rows.map(() => newId());
  if (!rows.length) return ids;
  await q.query(
    `INSERT INTO appointments(id, series_id, occurrence_local, patient_id, group_id, clinician_id, location_id, room_id, appointment_type_id,
                              telehealth, time_zone, starts_at, ends_at, moved, status, status_reason, status_changed_at, status_changed_by, created_by, created_at)
     SELECT x.id, $5, CASE WHEN $5::uuid IS NULL THEN NULL ELSE x.occ END, $6, $7, $8, $9, $10, $11, $12, $13, x.s, x.e, x.moved,
            x.status, x.reason, $14, $15, $15, $14
       FROM unnest($1::uuid[], $2::timestamp[], $3::timestamptz[], $4::timestamptz[], $16::boolean[], $17::text[], $18::text[]) AS x(id, occ, s, e, moved, status, reason)`,
    [
      ids, rows.map((r) => r.occurrence), rows.map((r) => r.startsAt.toISOString()), rows.map((r) => r.endsAt.toISOString()),
      seriesId, d.patientId, d.groupId, d.clinicianId, d.locationId, d.roomId, d.appointmentTypeId, d.telehealth, d.timeZone,
      now, actorId, rows.map((r) => r.moved), rows.map((r) => r.status ?? 'scheduled'), rows.map((r) => r.statusReason ?? null),
    ],
  );
  return ids;
}

/** True when a database error is one of the double-booking exclusion constraints firing. */
export function isSlotTaken(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string } | null;
  return !!err && (err.code === '23P01' || /_overlap/.test(err.constraint ?? '') || /conflicting key value violates exclusion constraint/.test(err.message ?? ''));
}

export const slotTakenError = () =>
  new DomainError('conflict', 'Someone else booked this time a moment ago. Check the calendar and choose another time.', [], { conflicts: [] });

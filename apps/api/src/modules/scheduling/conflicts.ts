import type { TConflict } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import { availabilityConflicts } from './availability/check-availability.js';

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface ConflictSubject {
  clinicianId: string;
  locationId: string;
  roomId: string | null;
  patientId: string | null;
  /** Appointments to ignore (the one being moved, occurrences being replaced). */
  excludeIds?: string[];
}

interface Hit {
  idx: number;
  id: string;
  kind: 'clinician' | 'room' | 'patient';
  time_zone: string;
  starts_at: Date;
}

// Appointments are at most 8 hours long, so an overlapping one starts at most 8 hours earlier. Each
// candidate probes the (x_id, starts_at) index on its own through a LATERAL subquery (OFFSET 0 keeps the
// planner from flattening it into one scan of the person's whole history, compared with every date).
const probe = (col: string, param: string) =>
  `SELECT c.idx::int AS idx, x.id, x.time_zone, x.starts_at, '${col}' AS kind FROM c CROSS JOIN LATERAL (
     SELECT a.id, a.time_zone, a.starts_at FROM appointments a
      WHERE ${param}::uuid IS NOT NULL AND a.${col}_id = ${param} AND a.starts_at > c.s - interval '8 hours' AND a.starts_at < c.e AND a.ends_at > c.s
        AND a.holds_slot AND NOT (a.id = ANY($6::uuid[])) OFFSET 0) x`;

/**
 * For each candidate interval, what it collides with: the clinician's, the room's or the patient's
 * other appointments (blocking), time off (blocking) and time outside working hours (a warning).
 * Messages name dates and kinds only, never another patient.
 */
export async function findConflicts(q: Queryable, who: ConflictSubject, intervals: Interval[]): Promise<TConflict[][]> {
  const out: TConflict[][] = intervals.map(() => []);
  if (!intervals.length) return out;
  const starts = intervals.map((i) => i.startsAt.toISOString());
  const ends = intervals.map((i) => i.endsAt.toISOString());
  const r = await q.query<Hit>(
    `WITH c AS (SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS c(s, e, idx))
     ${probe('clinician', '$3')}
     UNION ALL ${probe('room', '$4')}
     UNION ALL ${probe('patient', '$5')}`,
    [starts, ends, who.clinicianId, who.roomId, who.patientId, who.excludeIds ?? []],
  );
  const label = { clinician: 'The clinician already has an appointment at this time', room: 'The room is booked at this time', patient: 'The patient already has an appointment at this time' };
  for (const h of r.rows) {
    const list = out[h.idx - 1]!;
    if (list.some((c) => c.kind === h.kind && c.appointmentId === h.id)) continue;
    list.push({ kind: h.kind, blocking: true, message: label[h.kind], appointmentId: h.id });
  }
  const availability = await availabilityConflicts(q, who.clinicianId, who.locationId, intervals);
  availability.forEach((list, i) => out[i]!.push(...list));
  return out;
}

export const isBlocking = (list: TConflict[]) => list.some((c) => c.blocking);

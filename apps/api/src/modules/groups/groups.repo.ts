import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Membership } from './domain/roster.js';

// SQL for groups, their facilitators and members, and the few reads of the series and sessions a
// group's page shows. Patient names are selected here but only leave the module for readers who may
// see them (visiblePatients).

const STAFF_NAME = `trim(u.first_name || ' ' || u.last_name || coalesce(', ' || nullif(u.credentials, ''), ''))`;

export interface GroupRow {
  id: string;
  name: string;
  description: string | null;
  status: 'active' | 'ended';
  capacity: number;
  version: number;
  appointment_type_id: string;
  type_name: string;
  type_color: string;
  location_id: string;
  location_name: string;
  room_id: string | null;
  room_name: string | null;
  /** The group's time zone: its current series', else its location's. */
  time_zone: string;
  active_members: number;
  series_id: string | null;
  start_local: string | null;
  duration_minutes: number | null;
  rrule: string | null;
  ended_on: string | null;
  end_reason: string | null;
  next_id: string | null;
  next_starts_at: Date | null;
  next_ends_at: Date | null;
  next_status: string | null;
}

const GROUP_SELECT = `
  SELECT g.id, g.name, g.description, g.status, g.capacity, g.version, g.ended_on, g.end_reason,
         g.appointment_type_id, t.name AS type_name, t.color AS type_color,
         g.location_id, l.name AS location_name, g.room_id, r.name AS room_name,
         coalesce(s.time_zone, l.time_zone) AS time_zone,
         (SELECT count(*)::int FROM group_members m
           WHERE m.group_id = g.id AND m.enrolled_on <= ($1::timestamptz AT TIME ZONE coalesce(s.time_zone, l.time_zone))::date
             AND (m.discharged_on IS NULL OR m.discharged_on >= ($1::timestamptz AT TIME ZONE coalesce(s.time_zone, l.time_zone))::date)) AS active_members,
         s.id AS series_id, s.start_local, s.duration_minutes, s.rrule,
         n.id AS next_id, n.starts_at AS next_starts_at, n.ends_at AS next_ends_at, n.status AS next_status
    FROM groups g
    JOIN appointment_types t ON t.id = g.appointment_type_id
    JOIN locations l ON l.id = g.location_id
    LEFT JOIN rooms r ON r.id = g.room_id
    LEFT JOIN LATERAL (SELECT * FROM appointment_series x WHERE x.group_id = g.id ORDER BY x.created_at DESC, x.id DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (SELECT a.id, a.starts_at, a.ends_at, a.status FROM appointments a
                        WHERE a.group_id = g.id AND a.holds_slot AND a.ends_at > $1::timestamptz ORDER BY a.starts_at LIMIT 1) n ON true`;

export async function listGroupRows(q: Queryable, now: Date, f: { status?: string; facilitatorId?: string }): Promise<GroupRow[]> {
  const r = await q.query<GroupRow>(
    `${GROUP_SELECT}
      WHERE ($2::text IS NULL OR g.status = $2)
        AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = g.id AND f.user_id = $3))
      ORDER BY g.status, lower(g.name), g.id`,
    [now.toISOString(), f.status ?? null, f.facilitatorId ?? null],
  );
  return r.rows;
}

export async function loadGroupRow(q: Queryable, now: Date, id: string): Promise<GroupRow | null> {
  const r = await q.query<GroupRow>(`${GROUP_SELECT} WHERE g.id = $2`, [now.toISOString(), id]);
  return r.rows[0] ?? null;
}

export interface GroupCore {
  id: string;
  status: 'active' | 'ended';
  capacity: number;
  version: number;
  location_id: string;
  room_id: string | null;
  appointment_type_id: string;
  time_zone: string;
}

/** The group row itself, locked: enrolments, discharges and edits of one group queue behind each other. */
export async function lockGroup(q: Queryable, id: string): Promise<GroupCore | null> {
  const r = await q.query<GroupCore>(
    `SELECT g.id, g.status, g.capacity, g.version, g.location_id, g.room_id, g.appointment_type_id,
            coalesce((SELECT x.time_zone FROM appointment_series x WHERE x.group_id = g.id ORDER BY x.created_at DESC, x.id DESC LIMIT 1), l.time_zone) AS time_zone
       FROM groups g JOIN locations l ON l.id = g.location_id WHERE g.id = $1 FOR UPDATE OF g`,
    [id],
  );
  return r.rows[0] ?? null;
}

export interface FacilitatorRow {
  group_id: string;
  id: string;
  name: string;
  lead: boolean;
}

export async function facilitatorsOf(q: Queryable, groupIds: string[]): Promise<FacilitatorRow[]> {
  if (!groupIds.length) return [];
  const r = await q.query<FacilitatorRow>(
    `SELECT f.group_id, u.id, ${STAFF_NAME} AS name, f.lead
       FROM group_facilitators f JOIN users u ON u.id = f.user_id
      WHERE f.group_id = ANY($1::uuid[]) ORDER BY f.lead DESC, u.last_name, u.first_name, u.id`,
    [groupIds],
  );
  return r.rows;
}

export async function insertGroup(
  q: Queryable,
  g: { id: string; name: string; description: string | null; appointmentTypeId: string; locationId: string; roomId: string | null; capacity: number; createdBy: string; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO groups(id, name, description, appointment_type_id, location_id, room_id, capacity, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [g.id, g.name, g.description, g.appointmentTypeId, g.locationId, g.roomId, g.capacity, g.createdBy, g.now.toISOString()],
  );
}

/** Replaces the facilitators; the first id is the lead. */
export async function replaceFacilitators(q: Queryable, groupId: string, userIds: string[]): Promise<void> {
  await q.query('DELETE FROM group_facilitators WHERE group_id = $1', [groupId]);
  await q.query(
    `INSERT INTO group_facilitators(group_id, user_id, lead)
     SELECT $1, x.id, x.n = 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [groupId, userIds],
  );
}

/** Applies the changed fields; false when the version no longer matches. */
export async function updateGroupFields(
  q: Queryable, id: string, version: number, f: { name?: string; description?: string | null; capacity?: number; roomId?: string | null },
): Promise<boolean> {
  const cols: Record<string, string> = { name: 'name', description: 'description', capacity: 'capacity', roomId: 'room_id' };
  const sets: string[] = [];
  const params: unknown[] = [id, version];
  for (const [k, col] of Object.entries(cols)) {
    const v = f[k as keyof typeof f];
    if (v === undefined) continue;
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  }
  const r = await q.query(`UPDATE groups SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`, params);
  return r.rowCount > 0;
}

export async function markGroupEnded(q: Queryable, id: string, lastDate: string, reason: string): Promise<void> {
  await q.query(`UPDATE groups SET status = 'ended', ended_on = $2, end_reason = $3, version = version + 1 WHERE id = $1`, [id, lastDate, reason]);
}

/** Active staff among `ids` who hold a clinical role. */
export async function clinicalStaff(q: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await q.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles ro ON ro.key = ur.role_key
      WHERE u.id = ANY($1::uuid[]) AND u.active AND ro.clinical`,
    [ids],
  );
  return new Set(r.rows.map((x) => x.id));
}

export async function groupTypeInfo(q: Queryable, typeId: string): Promise<{ is_group: boolean; active: boolean; duration_minutes: number; mode: string } | null> {
  const r = await q.query<{ is_group: boolean; active: boolean; duration_minutes: number; mode: string }>(
    'SELECT is_group, active, duration_minutes, mode FROM appointment_types WHERE id = $1',
    [typeId],
  );
  return r.rows[0] ?? null;
}

export async function locationTimeZone(q: Queryable, id: string): Promise<string | null> {
  const r = await q.query<{ time_zone: string }>('SELECT time_zone FROM locations WHERE id = $1', [id]);
  return r.rows[0]?.time_zone ?? null;
}

export async function roomOk(q: Queryable, roomId: string, locationId: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM rooms WHERE id = $1 AND location_id = $2 AND active', [roomId, locationId]);
  return r.rows.length > 0;
}

// ---- members ------------------------------------------------------------------------------------

export interface MemberRow extends Membership {
  groupId: string;
  dischargeReason: string | null;
  patientName: string;
  patientMrn: string;
}

const MEMBER_SELECT = `
  SELECT m.id, m.group_id AS "groupId", m.patient_id AS "patientId", m.enrolled_on AS "enrolledOn", m.discharged_on AS "dischargedOn",
         m.discharge_reason AS "dischargeReason", coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name AS "patientName",
         p.mrn AS "patientMrn"
    FROM group_members m JOIN patients p ON p.id = m.patient_id`;

export async function membersOf(q: Queryable, groupId: string): Promise<MemberRow[]> {
  return (await q.query<MemberRow>(`${MEMBER_SELECT} WHERE m.group_id = $1 ORDER BY m.enrolled_on, m.id`, [groupId])).rows;
}

export async function loadMember(q: Queryable, id: string): Promise<MemberRow | null> {
  return (await q.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [id])).rows[0] ?? null;
}

export async function insertMember(q: Queryable, m: { id: string; groupId: string; patientId: string; enrolledOn: string }): Promise<void> {
  await q.query('INSERT INTO group_members(id, group_id, patient_id, enrolled_on) VALUES ($1,$2,$3,$4)', [m.id, m.groupId, m.patientId, m.enrolledOn]);
}

export async function dischargeMemberRow(q: Queryable, id: string, dischargedOn: string, reason: string): Promise<void> {
  await q.query('UPDATE group_members SET discharged_on = $2, discharge_reason = $3 WHERE id = $1', [id, dischargedOn, reason]);
}

/** Ends every membership still open after `lastDate` (members who had not started yet leave on their first day). */
export async function closeMemberships(q: Queryable, groupId: string, lastDate: string, reason: string): Promise<{ id: string; patient_id: string }[]> {
  const r = await q.query<{ id: string; patient_id: string }>(
    `UPDATE group_members SET discharged_on = greatest(enrolled_on, $2::date), discharge_reason = $3
      WHERE group_id = $1 AND (discharged_on IS NULL OR discharged_on > $2::date) RETURNING id, patient_id`,
    [groupId, lastDate, reason],
  );
  return r.rows;
}

export async function patientStatus(q: Queryable, patientId: string): Promise<string | null> {
  const r = await q.query<{ status: string }>('SELECT status FROM patients WHERE id = $1', [patientId]);
  return r.rows[0]?.status ?? null;
}

/**
 * Which of a group's members the reader may know by name: all of them for facilitators of the
 * group and staff who see every patient; otherwise the patients on their (or their supervisees')
 * caseload. Integrations (API tokens) see names only with patients.read_all.
 */
export async function visiblePatients(q: Queryable, actor: Actor, groupId: string, patientIds: string[]): Promise<Set<string>> {
  if (!patientIds.length) return new Set();
  if (actor.permissions.has('patients.read_all')) return new Set(patientIds);
  if (actor.kind !== 'user' || !actor.permissions.has('patients.read')) return new Set();
  const r = await q.query<{ patient_id: string }>(
    `SELECT x.id AS patient_id FROM unnest($1::uuid[]) AS x(id)
      WHERE EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = $2 AND f.user_id = $3)
         OR EXISTS (SELECT 1 FROM care_team ct WHERE ct.patient_id = x.id
                      AND (ct.user_id = $3 OR ct.user_id IN (SELECT id FROM users WHERE supervisor_id = $3)))`,
    [patientIds, groupId, actor.userId],
  );
  return new Set(r.rows.map((x) => x.patient_id));
}

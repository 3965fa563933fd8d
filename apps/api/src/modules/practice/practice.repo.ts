import type { Queryable } from '../../platform/db/db.js';

export interface PracticeRow {
  id: string;
  name: string;
  npi: string | null;
  tax_id: string | null;
  phone: string | null;
  email: string | null;
  address: Record<string, unknown>;
  billing_address: Record<string, unknown> | null;
  time_zone: string;
  require_mfa_for_all: boolean;
  session_idle_minutes: number | null;
}

export const getPracticeRow = async (q: Queryable) =>
  (await q.query<PracticeRow>('SELECT * FROM practice ORDER BY created_at LIMIT 1')).rows[0];

export const toPractice = (r: PracticeRow) => ({
  id: r.id,
  name: r.name,
  npi: r.npi,
  taxId: r.tax_id,
  phone: r.phone,
  email: r.email,
  address: r.address ?? {},
  billingAddress: r.billing_address,
  timeZone: r.time_zone,
  requireMfaForAll: r.require_mfa_for_all,
  sessionIdleMinutes: r.session_idle_minutes,
});

const PRACTICE_COLS: Record<string, string> = {
  name: 'name', npi: 'npi', taxId: 'tax_id', phone: 'phone', email: 'email', address: 'address',
  billingAddress: 'billing_address', timeZone: 'time_zone', requireMfaForAll: 'require_mfa_for_all',
  sessionIdleMinutes: 'session_idle_minutes',
};

export async function updatePracticeRow(q: Queryable, id: string, patch: Record<string, unknown>) {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [k, v] of Object.entries(patch)) {
    const col = PRACTICE_COLS[k];
    if (!col || v === undefined) continue;
    params.push(col.endsWith('address') ? JSON.stringify(v) : v);
    sets.push(`${col} = $${params.length}`);
  }
  if (!sets.length) return;
  await q.query(`UPDATE practice SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
}

export async function listLocations(q: Queryable) {
  const r = await q.query<{ id: string; name: string; address: Record<string, unknown>; phone: string | null; time_zone: string; place_of_service: string; active: boolean; rooms: unknown[] }>(
    `SELECT l.*, COALESCE((SELECT json_agg(json_build_object('id', r.id, 'locationId', r.location_id, 'name', r.name,
             'capacity', r.capacity, 'active', r.active) ORDER BY r.name) FROM rooms r WHERE r.location_id = l.id), '[]') AS rooms
       FROM locations l ORDER BY l.name`,
  );
  return r.rows.map((l) => ({
    id: l.id, name: l.name, address: l.address ?? {}, phone: l.phone, timeZone: l.time_zone,
    placeOfService: l.place_of_service, active: l.active, rooms: l.rooms as { id: string; locationId: string; name: string; capacity: number; active: boolean }[],
  }));
}

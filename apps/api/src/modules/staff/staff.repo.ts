import type { Queryable } from '../../platform/db/db.js';
import type { TStaff } from '@hearth/contracts';

interface StaffRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  credentials: string | null;
  license_type: string | null;
  license_number: string | null;
  license_state: string | null;
  npi: string | null;
  taxonomy_code: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
  roles: string[];
  active: boolean;
  mfa_enabled: boolean;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  total?: number;
}

const SELECT = `SELECT u.id, u.email, u.first_name, u.last_name, u.credentials, u.license_type, u.license_number, u.license_state,
       u.npi, u.taxonomy_code, u.supervisor_id, s.first_name || ' ' || s.last_name AS supervisor_name, u.active, u.mfa_enabled,
       u.locked_until, u.last_sign_in_at,
       COALESCE((SELECT array_agg(ur.role_key ORDER BY ur.role_key) FROM user_roles ur WHERE ur.user_id = u.id), '{}') AS roles
  FROM users u LEFT JOIN users s ON s.id = u.supervisor_id`;

export const toStaff = (r: StaffRow, now: Date): TStaff => ({
  id: r.id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  credentials: r.credentials,
  licenseType: r.license_type,
  licenseNumber: r.license_number,
  licenseState: r.license_state,
  npi: r.npi,
  taxonomyCode: r.taxonomy_code,
  supervisorId: r.supervisor_id,
  supervisorName: r.supervisor_name,
  roles: r.roles as TStaff['roles'],
  active: r.active,
  mfaEnabled: r.mfa_enabled,
  locked: !!r.locked_until && new Date(r.locked_until) > now,
  lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
});

export async function staffById(q: Queryable, id: string): Promise<StaffRow | undefined> {
  return (await q.query<StaffRow>(`${SELECT} WHERE u.id = $1 AND u.kind = 'staff'`, [id])).rows[0];
}

export async function listStaff(q: Queryable, f: { q?: string; role?: string; active?: string; page: number; pageSize: number }) {
  const where = [`u.kind = 'staff'`];
  const params: unknown[] = [];
  if (f.q) {
    params.push(`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(lower(u.first_name || ' ' || u.last_name) LIKE $${params.length} OR u.email_lower LIKE $${params.length})`);
  }
  if (f.role) {
    params.push(f.role);
    where.push(`EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = u.id AND x.role_key = $${params.length})`);
  }
  if (f.active) {
    params.push(f.active === 'true');
    where.push(`u.active = $${params.length}`);
  }
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const rows = (
    await q.query<StaffRow>(
      `${SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total, ')} WHERE ${where.join(' AND ')}
       ORDER BY u.last_name, u.first_name LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function setRoles(q: Queryable, userId: string, roles: string[]) {
  await q.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  for (const r of roles) await q.query('INSERT INTO user_roles(user_id, role_key) VALUES ($1,$2)', [userId, r]);
}

import type { Queryable } from '../../platform/db/db.js';

export interface UserAuthRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  credentials: string | null;
  password_hash: string | null;
  active: boolean;
  mfa_enabled: boolean;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_last_step: number | null;
  failed_attempts: number;
  locked_until: Date | null;
  roles: string[];
}

const USER_SELECT = `SELECT u.id, u.email, u.first_name, u.last_name, u.credentials, u.password_hash, u.active,
       u.mfa_enabled, u.mfa_secret, u.mfa_pending_secret, u.mfa_last_step, u.failed_attempts, u.locked_until,
       COALESCE(array_agg(ur.role_key ORDER BY ur.role_key) FILTER (WHERE ur.role_key IS NOT NULL), '{}') AS roles
  FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id`;

export async function userByEmail(q: Queryable, email: string): Promise<UserAuthRow | undefined> {
  return (await q.query<UserAuthRow>(`${USER_SELECT} WHERE u.email_lower = $1 AND u.kind = 'staff' GROUP BY u.id`, [email.toLowerCase()]))
    .rows[0];
}

export async function userById(q: Queryable, id: string): Promise<UserAuthRow | undefined> {
  return (await q.query<UserAuthRow>(`${USER_SELECT} WHERE u.id = $1 GROUP BY u.id`, [id])).rows[0];
}

export async function practicePolicy(q: Queryable): Promise<{ name: string; requireMfaForAll: boolean; idleMinutes: number | null }> {
  const r = (
    await q.query<{ name: string; require_mfa_for_all: boolean; session_idle_minutes: number | null }>(
      'SELECT name, require_mfa_for_all, session_idle_minutes FROM practice LIMIT 1',
    )
  ).rows[0];
  return { name: r?.name ?? 'Hearth', requireMfaForAll: r?.require_mfa_for_all ?? false, idleMinutes: r?.session_idle_minutes ?? null };
}

import type { Queryable } from '../db/db.js';

// Role-to-permission mapping is data in the database. Each process caches it briefly so a
// change by an admin reaches every API process within the TTL.
const TTL_MS = 30_000;
let cache: { at: number; map: Map<string, Set<string>>; mfaRoles: Set<string> } | null = null;

export async function rolePermissions(q: Queryable, now = Date.now()) {
  if (cache && now - cache.at < TTL_MS) return cache;
  const rows = (await q.query<{ role_key: string; permission_key: string }>('SELECT role_key, permission_key FROM role_permissions'))
    .rows;
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!map.has(r.role_key)) map.set(r.role_key, new Set());
    map.get(r.role_key)!.add(r.permission_key);
  }
  const mfaRoles = new Set(
    (await q.query<{ key: string }>('SELECT key FROM roles WHERE requires_mfa')).rows.map((r) => r.key),
  );
  cache = { at: now, map, mfaRoles };
  return cache;
}

export function clearPermissionCache() {
  cache = null;
}

export async function permissionsFor(q: Queryable, roles: string[]): Promise<Set<string>> {
  const { map } = await rolePermissions(q);
  const out = new Set<string>();
  for (const r of roles) for (const p of map.get(r) ?? []) out.add(p);
  return out;
}

/** MFA is required for roles flagged requires_mfa (admin, prescriber) or for everyone by practice policy. */
export async function mfaRequiredFor(q: Queryable, roles: string[], practiceRequiresAll: boolean): Promise<boolean> {
  if (practiceRequiresAll) return true;
  const { mfaRoles } = await rolePermissions(q);
  return roles.some((r) => mfaRoles.has(r));
}

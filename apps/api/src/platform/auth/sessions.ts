import type { Queryable } from '../db/db.js';
import { newId, newSecret, sha256 } from '../ids.js';

export type SessionStage = 'mfa' | 'mfa_enroll' | 'full';

export interface SessionRow {
  id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  idle_minutes: number;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export const SESSION_COOKIE = 'hearth_sid';

export async function createSession(
  q: Queryable,
  p: { userId: string; stage: SessionStage; idleMinutes: number; maxHours: number; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ id: string; token: string; csrfToken: string }> {
  const token = newSecret(32);
  const csrfToken = newSecret(24);
  const id = newId();
  await q.query(
    `INSERT INTO sessions(id, token_hash, user_id, stage, csrf_token, idle_minutes, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9,$10)`,
    [
      id,
      sha256(token),
      p.userId,
      p.stage,
      csrfToken,
      p.idleMinutes,
      p.now.toISOString(),
      new Date(p.now.getTime() + p.maxHours * 3600_000).toISOString(),
      p.ip,
      (p.userAgent ?? '').slice(0, 300) || null,
    ],
  );
  return { id, token, csrfToken };
}

export interface ActiveSession extends SessionRow {
  roles: string[];
  active: boolean;
}

/** Finds a live session: not revoked, not past its absolute expiry, not idle too long. */
export async function findSession(q: Queryable, token: string, now: Date): Promise<ActiveSession | null> {
  // Read on every request, never cached: a sign-out or revocation on any process applies at once.
  const s = await loadSession(q, token);
  if (!s || s.revoked_at || !s.active) return null;
  if (new Date(s.expires_at) <= now) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > s.idle_minutes * 60_000) return null;
  return s;
}

async function loadSession(q: Queryable, token: string): Promise<ActiveSession | null> {
  const r = await q.query<ActiveSession>(
    `SELECT s.id, s.user_id, s.stage, s.csrf_token, s.idle_minutes, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
            u.active, COALESCE(array_agg(ur.role_key) FILTER (WHERE ur.role_key IS NOT NULL), '{}') AS roles
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN user_roles ur ON ur.user_id = u.id
      WHERE s.token_hash = $1
      GROUP BY s.id, u.active`,
    [sha256(token)],
  );
  return r.rows[0] ?? null;
}

/** Extends the idle window. Writes at most every 15 s per session to keep reads cheap. */
export async function touchSession(q: Queryable, s: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - new Date(s.last_seen_at).getTime() < 15_000) return;
  await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL', [s.id, now.toISOString()]);
}

export async function revokeSession(q: Queryable, id: string, reason: string, now: Date): Promise<boolean> {
  const r = await q.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [
    id,
    now.toISOString(),
    reason,
  ]);
  return r.rowCount > 0;
}

export async function revokeUserSessions(q: Queryable, userId: string, reason: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
    now.toISOString(),
    reason,
  ]);
}

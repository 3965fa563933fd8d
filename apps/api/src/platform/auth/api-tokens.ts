import type { Queryable } from '../db/db.js';
import { newSecret, sha256 } from '../ids.js';

// Bearer tokens look like hth_<8-char prefix>_<secret>. Only the hash is stored; the prefix
// lets an admin recognise a token in the list without it being usable.
export const TOKEN_RE = /^hth_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function mintApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = newSecret(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, 'x');
  const token = `hth_${prefix}_${newSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}

export interface TokenRow {
  id: string;
  user_id: string;
  scopes: string[];
  expires_at: Date;
  revoked_at: Date | null;
  active: boolean;
}

export async function findApiToken(q: Queryable, token: string, now: Date): Promise<TokenRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  const r = await q.query<TokenRow>(
    `SELECT t.id, t.user_id, t.scopes, t.expires_at, t.revoked_at, u.active
       FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [sha256(token)],
  );
  const t = r.rows[0];
  if (!t || t.revoked_at || !t.active || new Date(t.expires_at) <= now) return null;
  return t;
}

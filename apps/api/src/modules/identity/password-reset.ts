import type { Deps } from '../../platform/deps.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import { hashPassword, passwordWeakness } from '../../platform/auth/passwords.js';
import { hitRateLimit } from '../../platform/auth/rate-limit.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { newId, newSecret, sha256 } from '../../platform/ids.js';
import { practicePolicy, userByEmail } from './identity.repo.js';

const RESET_MINUTES = 30;
export const INVITE_HOURS = 72;

/**
 * Creates a single-use token and queues the e-mail in the same transaction. The link carries
 * the token in the URL fragment, which browsers never send to a server or write to its logs.
 */
export async function issuePasswordToken(
  deps: Deps,
  q: Queryable,
  user: { id: string; email: string; first_name: string },
  kind: 'reset' | 'invite',
): Promise<void> {
  const now = deps.clock.now();
  const token = newSecret(32);
  const minutes = kind === 'reset' ? RESET_MINUTES : INVITE_HOURS * 60;
  await q.query('INSERT INTO password_reset_tokens(id, user_id, token_hash, expires_at) VALUES ($1,$2,$3,$4)', [
    newId(),
    user.id,
    sha256(token),
    new Date(now.getTime() + minutes * 60_000).toISOString(),
  ]);
  const { name } = await practicePolicy(q);
  const link = `${deps.config.publicUrl}/${kind === 'reset' ? 'reset-password' : 'set-password'}#token=${token}`;
  const text =
    kind === 'reset'
      ? `Hello ${user.first_name},\n\nSomeone asked to reset the password of your ${name} account in Hearth. To choose a new password, open this link within ${RESET_MINUTES} minutes:\n\n${link}\n\nIf you did not ask for this, ignore this message; your password stays the same.\n`
      : `Hello ${user.first_name},\n\n${name} has created a Hearth account for you. To choose your password, open this link within ${INVITE_HOURS} hours:\n\n${link}\n`;
  await enqueue(q, 'email.send', {
    to: user.email,
    subject: kind === 'reset' ? `Reset your ${name} password` : `Your ${name} account in Hearth`,
    text,
  });
}

export async function requestPasswordReset(deps: Deps, email: string, ip: string): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  // Throttle per address and per e-mail; the answer is the same whether or not the account exists.
  const allowed =
    (await hitRateLimit(db, `reset:ip:${ip}`, 10, 3600, now)) &&
    (await hitRateLimit(db, `reset:email:${sha256(email.toLowerCase())}`, 3, 3600, now));
  const user = allowed ? await userByEmail(db, email) : undefined;
  await db.tx(async (q) => {
    if (user && user.active) await issuePasswordToken(deps, q, user, 'reset');
    await appendAudit(q, {
      at: now, actorId: user?.id ?? null, actorKind: 'anonymous', actorRole: null, action: 'auth.password_reset_requested',
      clientIp: ip, outcome: allowed && user ? 'success' : 'failure', detail: { reason: !allowed ? 'rate_limited' : user ? 'sent' : 'unknown_account' },
    });
  });
}

export async function completePasswordReset(deps: Deps, token: string, newPassword: string, ip: string): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = (
    await db.query<{ id: string; user_id: string; email: string; first_name: string; last_name: string; roles: string[] }>(
      `SELECT t.id, t.user_id, u.email, u.first_name, u.last_name,
              COALESCE(array_agg(ur.role_key) FILTER (WHERE ur.role_key IS NOT NULL), '{}') AS roles
         FROM password_reset_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN user_roles ur ON ur.user_id = u.id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.active
        GROUP BY t.id, u.id`,
      [sha256(token), now.toISOString()],
    )
  ).rows[0];
  if (!row) {
    throw new DomainError('validation', 'This link is invalid, already used or expired. Ask for a new one.', [
      { field: 'token', message: 'is invalid or expired' },
    ]);
  }
  const weak = passwordWeakness(newPassword, [row.first_name, row.last_name, row.email.split('@')[0] ?? '']);
  if (weak) throw new DomainError('validation', `newPassword: ${weak}`, [{ field: 'newPassword', message: weak }]);
  const hash = await hashPassword(newPassword);
  await db.tx(async (q) => {
    const used = await q.query('UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL', [row.id, now.toISOString()]);
    if (used.rowCount === 0) throw new DomainError('validation', 'This link was already used.', [{ field: 'token', message: 'was already used' }]);
    await q.query(
      'UPDATE users SET password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = NULL WHERE id = $1',
      [row.user_id, hash, now.toISOString()],
    );
    await revokeUserSessions(q, row.user_id, 'password_reset', now);
    await appendAudit(q, { at: now, actorId: row.user_id, actorKind: 'user', actorRole: row.roles.join(','), action: 'auth.password_reset', resourceType: 'user', resourceId: row.user_id, clientIp: ip, outcome: 'success' });
  });
}

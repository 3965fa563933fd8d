import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../platform/auth/passwords.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { userById } from './identity.repo.js';

/** Changes the signed-in user's password; their other sessions are signed out. */
export async function changePassword(deps: Deps, userId: string, sessionId: string, current: string, next: string, ip: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await userById(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw new DomainError('validation', 'The current password is not correct.', [{ field: 'currentPassword', message: 'is not correct' }]);
  }
  const weak = passwordWeakness(next, [user.first_name, user.last_name, user.email.split('@')[0] ?? '']);
  if (weak) throw new DomainError('validation', `newPassword: ${weak}`, [{ field: 'newPassword', message: weak }]);
  const hash = await hashPassword(next);
  await db.tx(async (q) => {
    await q.query('UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [userId, hash, now.toISOString()]);
    await q.query(
      `UPDATE sessions SET revoked_at = $3, revoked_reason = 'password_changed' WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, sessionId, now.toISOString()],
    );
    await appendAudit(q, { at: now, actorId: userId, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.password_changed', resourceType: 'user', resourceId: userId, clientIp: ip, outcome: 'success' });
  });
}

import type { Deps } from '../../platform/deps.js';
import type { ActiveSession } from '../../platform/auth/sessions.js';
import { createSession, revokeSession } from '../../platform/auth/sessions.js';
import { DomainError } from '../../platform/errors.js';
import { checkTotp, newRecoveryCodes, newTotpSecret, totpEnrolment } from '../../platform/auth/totp.js';
import { hitRateLimit } from '../../platform/auth/rate-limit.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { newId, sha256 } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/db.js';
import { practicePolicy, userById } from './identity.repo.js';

const normaliseRecovery = (c: string) => c.trim().toLowerCase().replace(/\s+/g, '');

/** Completes sign-in with a TOTP code or an unused recovery code, and issues a fresh session token. */
export async function verifyMfa(deps: Deps, s: ActiveSession, code: string, ip: string, ua: string | null) {
  const { db, clock } = deps;
  const now = clock.now();
  if (s.stage !== 'mfa') throw new DomainError('conflict', 'No two-step verification is pending for this session.');
  const user = await userById(db, s.user_id);
  if (!user?.mfa_secret) throw new DomainError('conflict', 'Two-step verification is not set up for this account.');
  if (!(await hitRateLimit(db, `mfa:${s.id}`, 5, 300, now))) {
    await db.tx(async (q) => {
      await revokeSession(q, s.id, 'mfa_attempts', now);
      await appendAudit(q, { at: now, actorId: user.id, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.mfa_verify', clientIp: ip, outcome: 'failure', detail: { reason: 'too_many_attempts' } });
    });
    throw new DomainError('rate_limited', 'Too many wrong codes. Please sign in again.');
  }
  let method: 'totp' | 'recovery' | null = null;
  const step = await checkTotp(user.mfa_secret, code.replace(/\s+/g, ''), user.mfa_last_step);
  if (step !== null) {
    // Record the step atomically: the same code can't complete two sign-ins (replay).
    const claimed = await db.query('UPDATE users SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)', [user.id, step]);
    if (claimed.rowCount > 0) method = 'totp';
  } else {
    const r = await db.query('UPDATE mfa_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [
      user.id,
      sha256(normaliseRecovery(code)),
      now.toISOString(),
    ]);
    if (r.rowCount > 0) method = 'recovery';
  }
  if (!method) {
    await db.tx((q) =>
      appendAudit(q, { at: now, actorId: user.id, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.mfa_verify', clientIp: ip, outcome: 'failure', detail: { reason: 'bad_code' } }),
    );
    throw new DomainError('validation', 'That code is not correct. Check your authenticator app and try again.', [
      { field: 'code', message: 'is not correct' },
    ]);
  }
  return db.tx(async (q) => {
    const fresh = await upgradeSession(deps, q, s, ip, ua);
    await appendAudit(q, { at: now, actorId: user.id, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.mfa_verify', resourceType: 'session', resourceId: fresh.id, clientIp: ip, outcome: 'success', detail: { method } });
    return fresh;
  });
}

/** The session id changes whenever privileges rise (prevents session fixation). */
async function upgradeSession(deps: Deps, q: Queryable, s: ActiveSession, ip: string, ua: string | null) {
  const now = deps.clock.now();
  await revokeSession(q, s.id, 'upgraded', now);
  const policy = await practicePolicy(q);
  return createSession(q, {
    userId: s.user_id,
    stage: 'full',
    idleMinutes: policy.idleMinutes ?? deps.config.SESSION_IDLE_MINUTES,
    maxHours: deps.config.SESSION_MAX_HOURS,
    ip,
    userAgent: ua,
    now,
  });
}

export async function startMfaEnrolment(deps: Deps, s: ActiveSession) {
  const user = await userById(deps.db, s.user_id);
  if (!user) throw new DomainError('not_found', 'Account not found.');
  if (user.mfa_enabled) throw new DomainError('conflict', 'Two-step verification is already on for this account.');
  const secret = newTotpSecret();
  await deps.db.query('UPDATE users SET mfa_pending_secret = $2 WHERE id = $1', [user.id, secret]);
  const { name } = await practicePolicy(deps.db);
  return totpEnrolment(secret, user.email, `Hearth (${name})`);
}

export async function confirmMfaEnrolment(deps: Deps, s: ActiveSession, code: string, ip: string, ua: string | null) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await userById(db, s.user_id);
  if (!user?.mfa_pending_secret) throw new DomainError('conflict', 'Start the set-up first.');
  const step = await checkTotp(user.mfa_pending_secret, code.replace(/\s+/g, ''));
  if (step === null) {
    throw new DomainError('validation', 'That code is not correct. Scan the QR code again and enter the current code.', [
      { field: 'code', message: 'is not correct' },
    ]);
  }
  const codes = newRecoveryCodes();
  const fresh = await db.tx(async (q) => {
    await q.query('UPDATE users SET mfa_enabled = true, mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_last_step = $2 WHERE id = $1', [user.id, step]);
    await q.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [user.id]);
    for (const c of codes) {
      await q.query('INSERT INTO mfa_recovery_codes(id, user_id, code_hash) VALUES ($1,$2,$3)', [newId(), user.id, sha256(normaliseRecovery(c))]);
    }
    await appendAudit(q, { at: now, actorId: user.id, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.mfa_enrolled', resourceType: 'user', resourceId: user.id, clientIp: ip, outcome: 'success' });
    return s.stage === 'mfa_enroll' ? upgradeSession(deps, q, s, ip, ua) : null;
  });
  return { recoveryCodes: codes, newToken: fresh?.token ?? null };
}

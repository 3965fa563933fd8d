import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { hitRateLimit } from '../../platform/auth/rate-limit.js';
import { mfaRequiredFor } from '../../platform/auth/permissions.js';
import { createSession, type SessionStage } from '../../platform/auth/sessions.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { practicePolicy, userByEmail } from './identity.repo.js';

export interface SignInResult {
  status: 'signed_in' | 'mfa_required' | 'mfa_enrollment_required';
  token: string;
}

const STATUS_FOR: Record<SessionStage, SignInResult['status']> = {
  full: 'signed_in',
  mfa: 'mfa_required',
  mfa_enroll: 'mfa_enrollment_required',
};

export async function signIn(
  deps: Deps,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const audit = (actorId: string | null, outcome: 'success' | 'failure', reason: string, roles: string[] = []) =>
    db.tx((q) =>
      appendAudit(q, { at: now, actorId, actorKind: actorId ? 'user' : 'anonymous', actorRole: roles.join(',') || null, action: 'auth.sign_in', clientIp: input.ip, outcome, detail: { reason } }),
    );

  if (!(await hitRateLimit(db, `signin:ip:${input.ip}`, config.RATE_LIMIT_SIGNIN_PER_MINUTE, 60, now))) {
    await audit(null, 'failure', 'rate_limited');
    throw new DomainError('rate_limited', 'Too many sign-in attempts. Please wait a minute and try again.');
  }
  const user = await userByEmail(db, input.email);
  if (user?.locked_until && new Date(user.locked_until) > now) {
    await audit(user.id, 'failure', 'locked', user.roles);
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
    throw new DomainError(
      'locked',
      `This account is locked after repeated failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to unlock it.`,
    );
  }
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || !user.active) {
    if (user && !ok) {
      // Counted in the database in one statement: parallel guesses (on any process) cannot lose increments.
      const failures =
        (await db.query<{ n: number }>('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = $1 RETURNING failed_attempts AS n', [user.id]))
          .rows[0]?.n ?? user.failed_attempts + 1;
      const lock = failures >= config.LOGIN_MAX_FAILURES;
      if (lock) {
        await db.query('UPDATE users SET failed_attempts = 0, locked_until = $2 WHERE id = $1', [
          user.id,
          new Date(now.getTime() + config.LOGIN_LOCKOUT_MINUTES * 60_000).toISOString(),
        ]);
      }
      await audit(user.id, 'failure', lock ? 'bad_password_locked' : 'bad_password', user.roles);
    } else {
      await audit(user?.id ?? null, 'failure', user ? 'inactive' : 'unknown_account', user?.roles);
    }
    throw new DomainError('unauthenticated', 'Email or password is incorrect.');
  }

  const policy = await practicePolicy(db);
  const required = await mfaRequiredFor(db, user.roles, policy.requireMfaForAll);
  const stage: SessionStage = user.mfa_enabled ? 'mfa' : required ? 'mfa_enroll' : 'full';
  const session = await db.tx(async (q) => {
    await q.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = $2 WHERE id = $1', [
      user.id,
      now.toISOString(),
    ]);
    const s = await createSession(q, {
      userId: user.id,
      stage,
      idleMinutes: policy.idleMinutes ?? config.SESSION_IDLE_MINUTES,
      maxHours: config.SESSION_MAX_HOURS,
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    await appendAudit(q, {
      at: now, actorId: user.id, actorKind: 'user', actorRole: user.roles.join(','), action: 'auth.sign_in',
      resourceType: 'session', resourceId: s.id, clientIp: input.ip, outcome: 'success', detail: { stage },
    });
    return s;
  });
  return { status: STATUS_FOR[stage], token: session.token };
}

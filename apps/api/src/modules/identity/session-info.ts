import type { Deps } from '../../platform/deps.js';
import type { ActiveSession } from '../../platform/auth/sessions.js';
import type { TSessionInfo } from '@hearth/contracts';
import { mfaRequiredFor, permissionsFor } from '../../platform/auth/permissions.js';
import { DomainError } from '../../platform/errors.js';
import { practicePolicy, userById } from './identity.repo.js';

export async function sessionInfo(deps: Deps, s: ActiveSession): Promise<TSessionInfo> {
  const user = await userById(deps.db, s.user_id);
  if (!user) throw new DomainError('unauthenticated', 'Please sign in.');
  const policy = await practicePolicy(deps.db);
  const permissions = s.stage === 'full' ? [...(await permissionsFor(deps.db, user.roles))].sort() : [];
  return {
    user: {
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      credentials: user.credentials,
      roles: user.roles as TSessionInfo['user']['roles'],
      permissions: permissions as TSessionInfo['user']['permissions'],
      mfaEnabled: user.mfa_enabled,
      mfaRequired: await mfaRequiredFor(deps.db, user.roles, policy.requireMfaForAll),
    },
    stage: s.stage,
    csrfToken: s.csrf_token,
    idleMinutes: s.idle_minutes,
    expiresAt: new Date(s.expires_at).toISOString(),
    practiceName: policy.name,
  };
}

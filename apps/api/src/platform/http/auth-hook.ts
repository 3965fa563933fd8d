import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { findSession, touchSession, SESSION_COOKIE, type ActiveSession, type SessionStage } from '../auth/sessions.js';
import { findApiToken } from '../auth/api-tokens.js';
import { permissionsFor } from '../auth/permissions.js';
import { appendAudit } from '../audit/audit.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Required permission ('authenticated' = any signed-in user). Every /api route must declare one. */
    permission?: string;
    /** Session stages accepted besides 'full' (the MFA steps). */
    allowStages?: SessionStage[];
    /** Only for a person's session (MFA, own session, own password); API tokens get 403. */
    sessionOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for every /api route: resolves the actor from the session
 * cookie or a bearer token, enforces MFA stage, CSRF and the route's permission. Deny by default:
 * a route that declares neither `public` nor `permission` refuses to register.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const cfg = (route.config ?? {}) as { public?: boolean; permission?: string };
    if (!cfg.public && !cfg.permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/fhir/')) return;
    const cfg = req.routeOptions.config ?? {};
    const now = deps.clock.now();
    const authz = req.headers.authorization;
    let viaCookie = false;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const t = m ? await findApiToken(deps.db, m[1]!, now) : null;
      if (!t) {
        await deps.db.tx((q) =>
          appendAudit(q, { at: now, actorId: null, actorKind: 'anonymous', actorRole: null, action: 'api_token.rejected', clientIp: req.ip, outcome: 'failure', detail: { route: req.routeOptions.url ?? 'unknown' } }),
        );
        throw new DomainError('unauthenticated', 'The API token is invalid, expired or revoked.');
      }
      req.actor = { kind: 'token', userId: t.user_id, roles: [], permissions: new Set(t.scopes), tokenId: t.id };
      // Every use of a token is audited (which route, never the payload).
      await deps.db.tx(async (q) => {
        await q.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [t.id, now.toISOString()]);
        await appendAudit(q, {
          at: now, actorId: t.user_id, actorKind: 'token', actorRole: 'service', action: 'api_token.use',
          resourceType: 'api_token', resourceId: t.id, clientIp: req.ip, outcome: 'success',
          detail: { method: req.method, route: req.routeOptions.url ?? 'unknown' },
        });
      });
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (token) {
        const s = await findSession(deps.db, token, now);
        if (s) {
          viaCookie = true;
          req.session = s;
          req.actor = {
            kind: 'user',
            userId: s.user_id,
            roles: s.roles,
            permissions: s.stage === 'full' ? await permissionsFor(deps.db, s.roles) : new Set(),
            sessionId: s.id,
          };
        }
      }
    }
    // The API documentation pages describe routes, never data: readable without signing in.
    if (cfg.public || req.url.startsWith('/api/docs')) return;
    if (!req.actor) throw new DomainError('unauthenticated', 'Please sign in.');
    if (cfg.sessionOnly && !req.session) throw new DomainError('forbidden', 'This needs a signed-in person; API tokens cannot use it.');
    if (req.session && req.session.stage !== 'full' && !cfg.allowStages?.includes(req.session.stage)) {
      throw new DomainError('mfa_required', 'Complete the two-step verification to continue.');
    }
    if (viaCookie && !SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.session!.csrf_token) {
      throw new DomainError('forbidden', 'The request is missing its CSRF token. Reload the page and try again.');
    }
    if (cfg.permission && cfg.permission !== 'authenticated' && !req.actor.permissions.has(cfg.permission)) {
      await auditDenied(deps, req, now, cfg.permission);
      throw new DomainError('forbidden', 'You do not have permission to do that.');
    }
    if (req.session && req.headers['x-hearth-background'] !== '1') await touchSession(deps.db, req.session, now);
    void reply;
  });
}

export async function auditDenied(deps: { db: Db }, req: FastifyRequest, now: Date, what: string, patientId?: string) {
  await deps.db.tx((q) =>
    appendAudit(q, {
      at: now,
      actorId: req.actor?.userId ?? null,
      actorKind: req.actor?.kind ?? 'anonymous',
      actorRole: req.actor?.roles.join(',') || null,
      patientId: patientId ?? null,
      action: 'access.denied',
      clientIp: req.ip,
      outcome: 'denied',
      detail: { method: req.method, route: req.routeOptions.url ?? 'unknown', needed: what },
    }),
  );
}

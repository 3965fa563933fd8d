import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChangePassword, ZMfaEnrollConfirmResponse, ZMfaEnrollStartResponse, ZMfaVerifyRequest, ZOk,
  ZPasswordResetComplete, ZPasswordResetRequest, ZSessionInfo, ZSignInRequest, ZSignInResponse,
} from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { SESSION_COOKIE, revokeSession } from '../../platform/auth/sessions.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { signIn } from './sign-in.js';
import { confirmMfaEnrolment, startMfaEnrolment, verifyMfa } from './mfa.js';
import { completePasswordReset, requestPasswordReset } from './password-reset.js';
import { changePassword } from './change-password.js';
import { sessionInfo } from './session-info.js';

export function identityRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const setCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
        path: '/',
        maxAge: deps.config.SESSION_MAX_HOURS * 3600,
      });
    const tags = ['auth'];
    const ua = (h: string | string[] | undefined) => (typeof h === 'string' ? h : null);

    app.post('/api/auth/sign-in', {
      config: { public: true },
      schema: { tags, summary: 'Sign in with e-mail and password', body: ZSignInRequest, response: { 200: ZSignInResponse } },
    }, async (req, reply) => {
      const r = await signIn(deps, { ...req.body, ip: req.ip, userAgent: ua(req.headers['user-agent']) });
      setCookie(reply, r.token);
      return { status: r.status };
    });

    app.post('/api/auth/mfa/verify', {
      config: { permission: 'authenticated', allowStages: ['mfa'], sessionOnly: true },
      schema: { tags, summary: 'Complete sign-in with a TOTP or recovery code', body: ZMfaVerifyRequest, response: { 200: ZSignInResponse } },
    }, async (req, reply) => {
      const s = await verifyMfa(deps, req.session!, req.body.code, req.ip, ua(req.headers['user-agent']));
      setCookie(reply, s.token);
      return { status: 'signed_in' as const };
    });

    app.post('/api/auth/mfa/enroll/start', {
      config: { permission: 'authenticated', allowStages: ['mfa_enroll'], sessionOnly: true },
      schema: { tags, summary: 'Begin TOTP enrolment (QR code)', response: { 200: ZMfaEnrollStartResponse } },
    }, async (req) => startMfaEnrolment(deps, req.session!));

    app.post('/api/auth/mfa/enroll/confirm', {
      config: { permission: 'authenticated', allowStages: ['mfa_enroll'], sessionOnly: true },
      schema: { tags, summary: 'Confirm TOTP enrolment; returns recovery codes once', body: ZMfaVerifyRequest, response: { 200: ZMfaEnrollConfirmResponse } },
    }, async (req, reply) => {
      const r = await confirmMfaEnrolment(deps, req.session!, req.body.code, req.ip, ua(req.headers['user-agent']));
      if (r.newToken) setCookie(reply, r.newToken);
      return { recoveryCodes: r.recoveryCodes };
    });

    app.get('/api/auth/session', {
      config: { permission: 'authenticated', allowStages: ['mfa', 'mfa_enroll'], sessionOnly: true },
      schema: { tags, summary: 'The current session, user, permissions and CSRF token', response: { 200: ZSessionInfo } },
    }, async (req) => sessionInfo(deps, req.session!));

    app.post('/api/auth/sign-out', {
      config: { permission: 'authenticated', allowStages: ['mfa', 'mfa_enroll'] },
      schema: { tags, summary: 'Sign out', response: { 200: ZOk } },
    }, async (req, reply) => {
      const now = deps.clock.now();
      if (req.session) {
        await deps.db.tx(async (q) => {
          await revokeSession(q, req.session!.id, 'signed_out', now);
          await appendAudit(q, { at: now, actorId: req.actor!.userId, actorKind: 'user', actorRole: req.actor!.roles.join(','), action: 'auth.sign_out', resourceType: 'session', resourceId: req.session!.id, clientIp: req.ip, outcome: 'success' });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.post('/api/auth/password-reset/request', {
      config: { public: true },
      schema: { tags, summary: 'E-mail a password reset link (always 202)', body: ZPasswordResetRequest, response: { 202: z.object({ accepted: z.literal(true) }) } },
    }, async (req, reply) => {
      await requestPasswordReset(deps, req.body.email, req.ip);
      return reply.status(202).send({ accepted: true as const });
    });

    app.post('/api/auth/password-reset/complete', {
      config: { public: true },
      schema: { tags, summary: 'Set a new password with a reset or invitation token', body: ZPasswordResetComplete, response: { 200: ZOk } },
    }, async (req) => {
      await completePasswordReset(deps, req.body.token, req.body.newPassword, req.ip);
      return { ok: true as const };
    });

    app.post('/api/auth/change-password', {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: { tags, summary: 'Change your password', body: ZChangePassword, response: { 200: ZOk } },
    }, async (req) => {
      await changePassword(deps, req.actor!.userId, req.session?.id ?? '', req.body.currentPassword, req.body.newPassword, req.ip);
      return { ok: true as const };
    });
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAdminSession, ZApiToken, ZApiTokenInput, ZAuditEvent, ZAuditQuery, ZCreatedApiToken, ZIdParams, ZOk, ZPage, ZServiceAccountInput } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { revokeSession } from '../../platform/auth/sessions.js';
import { mintApiToken } from '../../platform/auth/api-tokens.js';
import { verifyAuditChain } from '../../platform/audit/verify-chain.js';
import { sealAudit } from '../../platform/audit/seal.js';
import { auditCsv, queryAudit, toAuditEvent } from './audit-query.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function adminRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const { db, clock } = deps;

    app.get('/api/admin/sessions', { config: { permission: 'sessions.manage' }, schema: { tags, summary: 'Active sign-in sessions', response: { 200: z.array(ZAdminSession) } } },
      async (req) => {
        const now = clock.now();
        const rows = (
          await db.query<{ id: string; user_id: string; user_name: string; created_at: Date; last_seen_at: Date; expires_at: Date; ip: string | null; user_agent: string | null; idle_minutes: number }>(
            `SELECT s.id, s.user_id, u.first_name || ' ' || u.last_name AS user_name, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent, s.idle_minutes
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.revoked_at IS NULL AND s.expires_at > $1 AND s.last_seen_at > $1::timestamptz - make_interval(mins => s.idle_minutes)
              ORDER BY s.last_seen_at DESC LIMIT 500`,
            [now.toISOString()],
          )
        ).rows;
        return rows.map((s) => ({
          id: s.id, userId: s.user_id, userName: s.user_name, createdAt: iso(s.created_at)!, lastSeenAt: iso(s.last_seen_at)!,
          expiresAt: iso(s.expires_at)!, ip: s.ip, userAgent: s.user_agent, current: s.id === req.session?.id,
        }));
      });

    app.delete('/api/admin/sessions/:id', { config: { permission: 'sessions.manage' }, schema: { tags, summary: 'Revoke a session (signs that person out)', params: ZIdParams, response: { 200: ZOk } } },
      async (req) => {
        await db.tx(async (q) => {
          if (!(await revokeSession(q, req.params.id, 'revoked_by_admin', clock.now()))) throw notFound('Session');
          await auditFor(req, clock.now())(q, { action: 'session.revoke', resourceType: 'session', resourceId: req.params.id, outcome: 'success' });
        });
        return { ok: true as const };
      });

    app.get('/api/admin/service-accounts', { config: { permission: 'api_tokens.manage' }, schema: { tags, summary: 'Service accounts for integrations', response: { 200: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })) } } },
      async () =>
        (await db.query<{ id: string; first_name: string; created_at: Date }>(`SELECT id, first_name, created_at FROM users WHERE kind = 'service' ORDER BY first_name`)).rows.map((r) => ({
          id: r.id, name: r.first_name, createdAt: iso(r.created_at)!,
        })));

    app.post('/api/admin/service-accounts', { config: { permission: 'api_tokens.manage' }, schema: { tags, summary: 'Create a service account', body: ZServiceAccountInput, response: { 201: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }) } } },
      async (req, reply) => {
        const id = newId();
        const now = clock.now();
        await db.tx(async (q) => {
          await q.query(`INSERT INTO users(id, kind, first_name, last_name, created_at) VALUES ($1, 'service', $2, 'service account', $3)`, [id, req.body.name, now.toISOString()]);
          await auditFor(req, now)(q, { action: 'service_account.create', resourceType: 'Device', resourceId: id, outcome: 'success' });
        });
        return reply.status(201).send({ id, name: req.body.name, createdAt: now.toISOString() });
      });

    const tokenList = async (id?: string) =>
      (
        await db.query<{ id: string; user_id: string; sa_name: string; name: string; prefix: string; scopes: string[]; expires_at: Date; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
          `SELECT t.*, u.first_name AS sa_name FROM api_tokens t JOIN users u ON u.id = t.user_id ${id ? 'WHERE t.id = $1' : ''} ORDER BY t.created_at DESC`,
          id ? [id] : [],
        )
      ).rows.map((t) => ({
        id: t.id, serviceAccountId: t.user_id, serviceAccountName: t.sa_name, name: t.name, prefix: t.prefix,
        scopes: t.scopes as z.infer<typeof ZApiToken>['scopes'], expiresAt: iso(t.expires_at)!, createdAt: iso(t.created_at)!,
        lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at),
      }));

    app.get('/api/admin/api-tokens', { config: { permission: 'api_tokens.manage' }, schema: { tags, summary: 'API tokens (never the secret)', response: { 200: z.array(ZApiToken) } } },
      async () => tokenList());

    app.post('/api/admin/api-tokens', { config: { permission: 'api_tokens.manage' }, schema: { tags, summary: 'Create a scoped, expiring token; the secret is shown once', body: ZApiTokenInput, response: { 201: ZCreatedApiToken } } },
      async (req, reply) => {
        const now = clock.now();
        // A token can never do more than the admin who creates it (no privilege escalation).
        const beyond = req.body.scopes.filter((sc) => !req.actor!.permissions.has(sc));
        if (beyond.length) {
          throw new DomainError('validation', `scopes: you cannot grant ${beyond.join(', ')}`, beyond.map((sc) => ({ field: 'scopes', message: `${sc} is not a permission you hold` })));
        }
        const t = mintApiToken();
        const id = newId();
        await db.tx(async (q) => {
          const sa = await q.query(`SELECT 1 FROM users WHERE id = $1 AND kind = 'service' AND active`, [req.body.serviceAccountId]);
          if (!sa.rows.length) throw new DomainError('validation', 'serviceAccountId: not a service account', [{ field: 'serviceAccountId', message: 'is not an active service account' }]);
          await q.query(
            'INSERT INTO api_tokens(id, user_id, name, prefix, token_hash, scopes, expires_at, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
            [id, req.body.serviceAccountId, req.body.name, t.prefix, t.hash, [...new Set(req.body.scopes)], new Date(now.getTime() + req.body.expiresInDays * 86400_000).toISOString(), req.actor!.userId, now.toISOString()],
          );
          await auditFor(req, now)(q, { action: 'api_token.create', resourceType: 'api_token', resourceId: id, outcome: 'success', detail: { scopes: req.body.scopes, days: req.body.expiresInDays } });
        });
        return reply.status(201).send({ token: t.token, apiToken: (await tokenList(id))[0]! });
      });

    app.delete('/api/admin/api-tokens/:id', { config: { permission: 'api_tokens.manage' }, schema: { tags, summary: 'Revoke an API token', params: ZIdParams, response: { 200: ZOk } } },
      async (req) => {
        await db.tx(async (q) => {
          const r = await q.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [req.params.id, clock.now().toISOString()]);
          if (!r.rowCount) throw notFound('API token');
          await auditFor(req, clock.now())(q, { action: 'api_token.revoke', resourceType: 'api_token', resourceId: req.params.id, outcome: 'success' });
        });
        return { ok: true as const };
      });

    app.get('/api/admin/audit', { config: { permission: 'audit.read' }, schema: { tags, summary: 'Search the audit trail', querystring: ZAuditQuery, response: { 200: ZPage(ZAuditEvent) } } },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        await sealAudit(db);
        const rows = await queryAudit(db, f, pageSize, (page - 1) * pageSize);
        return { items: rows.map(toAuditEvent), page, pageSize, total: Number(rows[0]?.total ?? 0) };
      });

    app.get('/api/admin/audit/export.csv', { config: { permission: 'audit.read' }, schema: { tags, summary: 'Export matching audit events as CSV (up to 100,000)', querystring: ZAuditQuery.omit({ page: true, pageSize: true }) } },
      async (req, reply) => {
        await sealAudit(db);
        const rows = await queryAudit(db, req.query, 100_000, 0);
        await db.tx((q) => auditFor(req, clock.now())(q, { action: 'audit.export', resourceType: 'AuditEvent', outcome: 'success', detail: { rows: rows.length } }));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hearth-audit-${clock.now().toISOString().slice(0, 10)}.csv"`)
          .send(auditCsv(rows.map(toAuditEvent)));
      });

    app.get('/api/admin/audit/verify', { config: { permission: 'audit.read' }, schema: { tags, summary: 'Recompute the audit hash chain', response: { 200: z.object({ ok: z.boolean(), checked: z.number(), pending: z.number().optional(), brokenAtSeq: z.number().optional(), reason: z.string().optional() }) } } },
      async () => {
        await sealAudit(db);
        return verifyAuditChain(db);
      });
  };
}

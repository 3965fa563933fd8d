import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreateStaffRequest, ZCreateStaffResponse, ZIdParams, ZOk, ZPage, ZRole, ZStaff, ZStaffQuery, ZUpdateStaffRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { notFound } from '../../platform/errors.js';
import { listStaff, staffById, toStaff } from './staff.repo.js';
import { createStaff, updateStaff } from './save-staff.js';

export function staffRoutes(deps: Deps) {
  return async (app0: FastifyInstance) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['staff'];
    const { db, clock } = deps;

    app.get('/api/staff', { config: { permission: 'staff.read' }, schema: { tags, summary: 'Staff directory', querystring: ZStaffQuery, response: { 200: ZPage(ZStaff) } } },
      async (req) => {
        const { rows, total } = await listStaff(db, req.query);
        const now = clock.now();
        return { items: rows.map((r) => toStaff(r, now)), page: req.query.page, pageSize: req.query.pageSize, total };
      });

    app.get('/api/staff/:id', { config: { permission: 'staff.read' }, schema: { tags, summary: 'One staff member', params: ZIdParams, response: { 200: ZStaff } } },
      async (req) => {
        const r = await staffById(db, req.params.id);
        if (!r) throw notFound('Staff member');
        return toStaff(r, clock.now());
      });

    app.post('/api/staff', { config: { permission: 'staff.manage' }, schema: { tags, summary: 'Create a staff account and e-mail an invitation', body: ZCreateStaffRequest, response: { 201: ZCreateStaffResponse } } },
      async (req, reply) => reply.status(201).send({ staff: toStaff(await createStaff(deps, req, req.body), clock.now()), inviteSent: true }));

    app.patch('/api/staff/:id', { config: { permission: 'staff.manage' }, schema: { tags, summary: 'Change a staff account, roles or credentials', params: ZIdParams, body: ZUpdateStaffRequest, response: { 200: ZStaff } } },
      async (req) => toStaff(await updateStaff(deps, req, req.params.id, req.body), clock.now()));

    app.post('/api/staff/:id/unlock', { config: { permission: 'staff.manage' }, schema: { tags, summary: 'Unlock an account locked by failed sign-ins', params: ZIdParams, response: { 200: ZOk } } },
      async (req) => {
        await db.tx(async (q) => {
          const r = await q.query(`UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE id = $1 AND kind = 'staff'`, [req.params.id]);
          if (!r.rowCount) throw notFound('Staff member');
          await auditFor(req, clock.now())(q, { action: 'staff.unlock', resourceType: 'Practitioner', resourceId: req.params.id, outcome: 'success' });
        });
        return { ok: true as const };
      });

    app.post('/api/staff/:id/reset-mfa', { config: { permission: 'staff.manage' }, schema: { tags, summary: 'Turn off two-step verification so the person enrols again', params: ZIdParams, response: { 200: ZOk } } },
      async (req) => {
        await db.tx(async (q) => {
          const r = await q.query(`UPDATE users SET mfa_enabled = false, mfa_secret = NULL, mfa_pending_secret = NULL WHERE id = $1 AND kind = 'staff'`, [req.params.id]);
          if (!r.rowCount) throw notFound('Staff member');
          await q.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [req.params.id]);
          await q.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'mfa_reset' WHERE user_id = $1 AND revoked_at IS NULL`, [req.params.id]);
          await auditFor(req, clock.now())(q, { action: 'staff.mfa_reset', resourceType: 'Practitioner', resourceId: req.params.id, outcome: 'success' });
        });
        return { ok: true as const };
      });

    app.get('/api/roles', { config: { permission: 'staff.read' }, schema: { tags, summary: 'Roles and their permissions', response: { 200: z.array(ZRole) } } },
      async () =>
        (
          await db.query<{ key: z.infer<typeof ZRole>['key']; name: string; description: string; requires_mfa: boolean; permissions: z.infer<typeof ZRole>['permissions'] }>(
            `SELECT r.key, r.name, r.description, r.requires_mfa,
                    COALESCE(array_agg(rp.permission_key ORDER BY rp.permission_key) FILTER (WHERE rp.permission_key IS NOT NULL), '{}') AS permissions
               FROM roles r LEFT JOIN role_permissions rp ON rp.role_key = r.key GROUP BY r.key ORDER BY r.name`,
          )
        ).rows.map((r) => ({ key: r.key, name: r.name, description: r.description, permissions: r.permissions, requiresMfa: r.requires_mfa })));
  };
}

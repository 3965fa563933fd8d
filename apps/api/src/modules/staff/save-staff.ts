import type { TCreateStaffRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Queryable } from '../../platform/db/db.js';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { auditFor } from '../../platform/http/request-audit.js';
import { clearPermissionCache } from '../../platform/auth/permissions.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import { issuePasswordToken } from '../identity/index.js';
import { setRoles, staffById } from './staff.repo.js';

const COLS: Record<string, string> = {
  email: 'email', firstName: 'first_name', lastName: 'last_name', credentials: 'credentials', licenseType: 'license_type',
  licenseNumber: 'license_number', licenseState: 'license_state', npi: 'npi', taxonomyCode: 'taxonomy_code',
  supervisorId: 'supervisor_id', active: 'active',
};

async function checkSupervisor(q: Queryable, supervisorId: string | null | undefined, selfId: string | null, roles: string[] | undefined) {
  if (roles?.includes('associate') && !supervisorId) {
    throw new DomainError('validation', 'supervisorId: an associate needs a supervisor', [{ field: 'supervisorId', message: 'is required for an associate' }]);
  }
  if (!supervisorId) return;
  if (supervisorId === selfId) throw new DomainError('validation', 'supervisorId: cannot supervise oneself', [{ field: 'supervisorId', message: 'cannot be the same person' }]);
  const r = await q.query(`SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1 AND u.active AND ur.role_key = 'supervisor'`, [supervisorId]);
  if (!r.rows.length) throw new DomainError('validation', 'supervisorId: not an active supervisor', [{ field: 'supervisorId', message: 'is not an active supervisor' }]);
}

export async function createStaff(deps: Deps, req: FastifyRequest, b: TCreateStaffRequest) {
  const id = newId();
  await deps.db.tx(async (q) => {
    const dup = await q.query('SELECT 1 FROM users WHERE email_lower = $1', [b.email.toLowerCase()]);
    if (dup.rows.length) throw new DomainError('conflict', 'Someone already has that e-mail address.', [{ field: 'email', message: 'is already in use' }]);
    await checkSupervisor(q, b.supervisorId, null, b.roles);
    await q.query(
      `INSERT INTO users(id, kind, email, email_lower, first_name, last_name, credentials, license_type, license_number, license_state, npi, taxonomy_code, supervisor_id)
       VALUES ($1,'staff',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [id, b.email, b.email.toLowerCase(), b.firstName, b.lastName, b.credentials ?? null, b.licenseType ?? null, b.licenseNumber ?? null,
        b.licenseState ?? null, b.npi ?? null, b.taxonomyCode ?? null, b.supervisorId ?? null],
    );
    await setRoles(q, id, b.roles);
    // The new person chooses their own password through an e-mailed invitation.
    await issuePasswordToken(deps, q, { id, email: b.email, first_name: b.firstName }, 'invite');
    await auditFor(req, deps.clock.now())(q, { action: 'staff.create', resourceType: 'Practitioner', resourceId: id, outcome: 'success', detail: { roles: b.roles } });
  });
  return (await staffById(deps.db, id))!;
}

export async function updateStaff(deps: Deps, req: FastifyRequest, id: string, b: Partial<TCreateStaffRequest> & { active?: boolean }) {
  const now = deps.clock.now();
  await deps.db.tx(async (q) => {
    const cur = await staffById(q, id);
    if (!cur) throw new DomainError('not_found', 'Staff member was not found.');
    if (b.email && b.email.toLowerCase() !== cur.email.toLowerCase()) {
      const dup = await q.query('SELECT 1 FROM users WHERE email_lower = $1 AND id <> $2', [b.email.toLowerCase(), id]);
      if (dup.rows.length) throw new DomainError('conflict', 'Someone already has that e-mail address.', [{ field: 'email', message: 'is already in use' }]);
    }
    if (id === req.actor!.userId && (b.active === false || (b.roles && !b.roles.includes('admin') && cur.roles.includes('admin')))) {
      throw new DomainError('conflict', 'You cannot remove your own admin role or deactivate yourself.');
    }
    await checkSupervisor(q, b.supervisorId !== undefined ? b.supervisorId : cur.supervisor_id, id, b.roles ?? cur.roles);
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [k, v] of Object.entries(b)) {
      const col = COLS[k];
      if (!col || v === undefined) continue;
      params.push(v);
      sets.push(`${col} = $${params.length}`);
      if (k === 'email') {
        params.push(String(v).toLowerCase());
        sets.push(`email_lower = $${params.length}`);
      }
    }
    if (sets.length) await q.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    if (b.roles) await setRoles(q, id, b.roles);
    // Losing access takes effect now: a deactivated person or changed roles means fresh sign-in.
    if (b.active === false || b.roles) await revokeUserSessions(q, id, b.active === false ? 'deactivated' : 'roles_changed', now);
    await auditFor(req, now)(q, { action: 'staff.update', resourceType: 'Practitioner', resourceId: id, outcome: 'success', detail: { fields: Object.keys(b).sort(), ...(b.roles ? { roles: b.roles } : {}) } });
  });
  clearPermissionCache();
  return (await staffById(deps.db, id))!;
}

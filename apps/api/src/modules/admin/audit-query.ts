import type { Queryable } from '../../platform/db/db.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  actorId?: string;
  patientId?: string;
  action?: string;
  outcome?: string;
}

export function auditWhere(f: AuditFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add('a.at >= ?', f.from);
  if (f.to) add('a.at < ?', f.to);
  if (f.actorId) add('a.actor_id = ?', f.actorId);
  if (f.patientId) add('a.patient_id = ?', f.patientId);
  if (f.action) add('a.action LIKE ?', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.outcome) add('a.outcome = ?', f.outcome);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export interface AuditListRow {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: string;
  actor_role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  client_ip: string | null;
  outcome: 'success' | 'failure' | 'denied';
  total?: number;
}

export async function queryAudit(q: Queryable, f: AuditFilter, limit: number, offset: number) {
  const w = auditWhere(f);
  const params = [...w.params, limit, offset];
  return (
    await q.query<AuditListRow>(
      `SELECT a.seq, a.id, a.at, a.actor_id, u.first_name || ' ' || u.last_name AS actor_name, a.actor_kind, a.actor_role,
              a.patient_id, a.action, a.resource_type, a.resource_id, a.client_ip, a.outcome, count(*) OVER () AS total
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id ${w.sql}
        ORDER BY a.arrival DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
}

export const toAuditEvent = (r: AuditListRow) => ({
  seq: Number(r.seq),
  id: r.id,
  at: new Date(r.at).toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorKind: r.actor_kind,
  actorRole: r.actor_role,
  patientId: r.patient_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  clientIp: r.client_ip,
  outcome: r.outcome,
});

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote always, and neutralise spreadsheet formula injection.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function auditCsv(rows: ReturnType<typeof toAuditEvent>[]): string {
  const head = ['seq', 'at', 'actorId', 'actorName', 'actorKind', 'actorRole', 'patientId', 'action', 'resourceType', 'resourceId', 'clientIp', 'outcome'] as const;
  return [head.join(','), ...rows.map((r) => head.map((h) => csvCell(r[h])).join(','))].join('\r\n') + '\r\n';
}

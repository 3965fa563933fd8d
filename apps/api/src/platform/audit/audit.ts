import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { newId } from '../ids.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEventInput {
  at: Date;
  actorId: string | null;
  actorKind: 'user' | 'token' | 'anonymous' | 'system' | 'patient';
  actorRole: string | null;
  patientId?: string | null;
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  clientIp?: string | null;
  outcome: AuditOutcome;
  /** Non-PHI context only: field names changed, counts, reasons. */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  arrival?: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_kind: string;
  actor_role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  client_ip: string | null;
  outcome: string;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function hashAuditRow(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const material = canonicalJson([
    r.seq,
    r.id,
    new Date(r.at).toISOString(),
    r.actor_id,
    r.actor_kind,
    r.actor_role,
    r.patient_id,
    r.action,
    r.resource_type,
    r.resource_id,
    r.client_ip,
    r.outcome,
    r.detail ?? {},
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(material).digest('hex');
}

/**
 * Records one event in the caller's transaction: it exists exactly when the change commits.
 * No lock is taken; sealAudit() links it into the hash chain moments later.
 */
export async function appendAudit(q: Queryable, e: AuditEventInput): Promise<void> {
  await q.query(
    `INSERT INTO audit_events(id, at, actor_id, actor_kind, actor_role, patient_id, action, resource_type, resource_id,
       client_ip, outcome, detail)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      newId(),
      e.at.toISOString(),
      e.actorId,
      e.actorKind,
      e.actorRole,
      e.patientId ?? null,
      e.action,
      e.resourceType ?? null,
      e.resourceId ?? null,
      e.clientIp ?? null,
      e.outcome,
      JSON.stringify(e.detail ?? {}),
    ],
  );
}

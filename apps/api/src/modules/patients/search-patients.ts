import type { TPatientSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { caseloadFilter } from './access.js';
import { normaliseForSearch, phoneDigits } from './domain/patient-rules.js';
import type { PatientRow } from './patients.repo.js';
import { toSummary } from './patient-view.js';

export interface PatientSearch {
  q?: string;
  dob?: string;
  phone?: string;
  mrn?: string;
  status?: 'active' | 'waitlist' | 'discharged';
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Partial, accent- and case-insensitive name search (legal or preferred) using a trigram index,
 * plus exact date of birth, phone and MRN filters, limited to what the actor may see.
 */
export async function searchPatients(deps: Deps, actor: Actor, s: PatientSearch, ip: string) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  const tokens = s.q ? normaliseForSearch(s.q).split(' ').filter(Boolean).slice(0, 5) : [];
  for (const t of tokens) add((n) => `p.search_name LIKE $${n}`, `%${escapeLike(t)}%`);
  if (s.dob) add((n) => `p.date_of_birth = $${n}`, s.dob);
  const digits = phoneDigits(s.phone);
  if (digits) add((n) => (digits.length >= 10 ? `p.phone_digits = $${n}` : `p.phone_digits LIKE $${n}`), digits.length >= 10 ? digits : `%${digits}%`);
  if (s.mrn) add((n) => `p.mrn = $${n}`, s.mrn.toUpperCase());
  if (s.status) add((n) => `p.status = $${n}`, s.status);
  const cf = caseloadFilter(actor, params.length + 1);
  if (cf) {
    params.push(cf.param);
    where.push(cf.sql);
  }
  params.push(s.pageSize, (s.page - 1) * s.pageSize);
  // The matches are gathered first (trigram index), then counted and sorted. As one query with
  // count(*) OVER (), PostgreSQL 15 walks the whole name index filtering every row instead
  // (150-400 ms for a 3-letter fragment among 100,000 patients; see docs/performance.md).
  const sql = `WITH m AS MATERIALIZED (
                 SELECT p.id, p.mrn, p.legal_first_name, p.legal_last_name, p.preferred_name, p.pronouns, p.date_of_birth, p.phone, p.status
                   FROM patients p ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
               SELECT m.*, (SELECT count(*) FROM m) AS total FROM m
                ORDER BY m.legal_last_name, m.legal_first_name, m.id
                LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const now = deps.clock.now();
  // No transaction: the audit row is a single insert, written before results leave.
  const q = deps.db;
  {
    const rows = (await q.query<PatientRow & { total: number }>(sql, params)).rows;
    let total = rows[0]?.total ?? 0;
    if (!rows.length && s.page > 1) {
      total = Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM patients p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params.slice(0, -2))).rows[0]?.n ?? 0);
    }
    // The search itself is audited by what was searched on, never the terms.
    await appendAudit(q, {
      at: now, actorId: actor.userId, actorKind: actor.kind, actorRole: actor.roles.join(',') || 'service',
      action: 'patient.search', resourceType: 'Patient', clientIp: ip, outcome: 'success',
      detail: { by: Object.keys(s).filter((k) => k !== 'page' && k !== 'pageSize' && s[k as keyof PatientSearch] !== undefined).sort(), results: rows.length },
    });
    return { items: rows.map(toSummary) as TPatientSummary[], page: s.page, pageSize: s.pageSize, total: Number(total) };
  }
}

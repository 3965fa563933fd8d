import { INTERVENTIONS } from '@hearth/content';
import type { TCreateInterventionRequest, TIntervention } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditEvent } from './content-audit.js';

// The intervention picker's list: the built-in interventions shipped in packages/content plus the
// practice's own (practice_interventions). Notes store intervention codes, so codes never change meaning.

const BUILTIN: TIntervention[] = INTERVENTIONS.map((i) => ({ code: i.code, label: i.label, modality: i.modality, builtin: true }));
const BUILTIN_CODES = new Set(BUILTIN.map((i) => i.code));

async function practiceInterventions(q: Queryable): Promise<TIntervention[]> {
  const r = await q.query<{ code: string; label: string }>('SELECT code, label FROM practice_interventions WHERE active ORDER BY label, code');
  return r.rows.map((x) => ({ code: x.code, label: x.label, modality: null, builtin: false }));
}

/** Built-in interventions (in their shipped order), then the practice's active ones by label. */
export async function listInterventions(deps: Pick<Deps, 'db'>): Promise<TIntervention[]> {
  return [...BUILTIN, ...(await practiceInterventions(deps.db))];
}

/** Every intervention code a note may record today (for validating a note's interventions fields). */
export async function knownInterventionCodes(q: Queryable): Promise<Set<string>> {
  return new Set([...BUILTIN_CODES, ...(await practiceInterventions(q)).map((i) => i.code)]);
}

/** Adds one of the practice's own interventions; its code must be new (built-in or not). */
export async function addIntervention(deps: Deps, actor: Actor, input: TCreateInterventionRequest, ip: string): Promise<TIntervention> {
  const { db, clock } = deps;
  const now = clock.now();
  if (BUILTIN_CODES.has(input.code)) throw new DomainError('conflict', 'A built-in intervention already uses that code.', [{ field: 'code', message: 'is already used by a built-in intervention' }]);
  await db.tx(async (q) => {
    const taken = await q.query('SELECT 1 FROM practice_interventions WHERE code = $1', [input.code]);
    if (taken.rows.length) throw new DomainError('conflict', 'An intervention with that code already exists.', [{ field: 'code', message: 'is already used' }]);
    await q.query('INSERT INTO practice_interventions(code, label) VALUES ($1, $2)', [input.code, input.label]);
    await auditEvent(q, actor, ip, now, { action: 'intervention.add', resourceType: 'Intervention', resourceId: null, detail: { code: input.code } });
  });
  return { code: input.code, label: input.label, modality: null, builtin: false };
}

import type { TIcd10Code, TIcd10SearchQuery } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { practiceToday } from '../patients/index.js';
import { codesByPrefix, codesByWords, loadCode, type Icd10Row } from './icd10.repo.js';

// ICD-10-CM look-up for the diagnosis picker. Reference data, not PHI: no audit row per search.

/** "f43", "F43.1", "f431": a letter, a digit, then code characters with the dot optional. */
const CODE_PREFIX = /^[A-Z][0-9][0-9A-Z]?(\.?[0-9A-Z]{0,4})?$/i;

export function toIcd10Code(r: Icd10Row): TIcd10Code {
  return { code: r.code, title: r.title, billable: r.billable, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, release: r.release };
}

/**
 * A code or its start matches codes by prefix; anything else is searched as words of the title and
 * common clinical names ("PTSD", "depression"), forgiving small typos. Only codes valid on `on`
 * (default today in the practice's zone).
 */
export async function searchIcd10(deps: Deps, query: TIcd10SearchQuery): Promise<TIcd10Code[]> {
  const { db, clock } = deps;
  const on = query.on ?? (await practiceToday(db, clock.now()));
  const billableOnly = query.billableOnly === 'true';
  const text = query.q.trim();
  if (CODE_PREFIX.test(text)) {
    const rows = await codesByPrefix(db, text.replace('.', '').toUpperCase(), on, billableOnly, query.limit);
    if (rows.length) return rows.map(toIcd10Code);
  }
  // Not a code, or a code-like word with no code behind it: search the words.
  const rows = await db.tx((q) => codesByWords(q, text, on, billableOnly, query.limit));
  return rows.map(toIcd10Code);
}

/** One code, current or retired (old notes show retired codes with their dates). */
export async function getIcd10Code(deps: Deps, code: string): Promise<TIcd10Code> {
  const row = await loadCode(deps.db, code.trim().toUpperCase());
  if (!row) throw new DomainError('not_found', 'That ICD-10-CM code was not found.');
  return toIcd10Code(row);
}

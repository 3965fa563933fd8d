import { parseIcd10CodesFile, parseIcd10OrderFile, ICD10CM_CODES } from '@hearth/content';
import type { Db } from '../../platform/db/db.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { ICD_EFFECTIVE, ICD_RELEASE, ICD_SOURCE, lockContent, readRelease, recordRelease, retireMissing, upsertCodes } from './icd10.repo.js';

// Loads a CMS ICD-10-CM release file (the "order" file with every code and header, or the "codes" file
// with billable codes only) as the current release: new codes added, changed titles updated, codes
// the release dropped retired the day before it takes effect. Synonyms (clinical names) are kept.

export type Icd10FileFormat = 'order' | 'codes';

export interface ImportIcd10Options {
  /** Detected from the text when absent. */
  format?: Icd10FileFormat;
  /** YYYY-MM-DD: the first date of service the release applies to (CMS: October 1). */
  effectiveFrom: string;
  /** A name for the release, e.g. "ICD-10-CM FY2027". */
  release: string;
}

export interface ImportIcd10Result {
  format: Icd10FileFormat;
  added: number;
  updated: number;
  retired: number;
}

/** The order file's lines start with a five-digit order number; the codes file's with the code. */
export function detectIcd10Format(text: string): Icd10FileFormat {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return /^\d{5} /.test(first) ? 'order' : 'codes';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export async function importIcd10Release(db: Db, text: string, opts: ImportIcd10Options): Promise<ImportIcd10Result> {
  if (!isRealDate(opts.effectiveFrom)) throw new DomainError('validation', 'effectiveFrom: must be a date such as 2026-10-01', [{ field: 'effectiveFrom', message: 'must be a date such as 2026-10-01' }]);
  const release = opts.release.trim();
  if (!release || release.length > 100) throw new DomainError('validation', 'release: must be 1 to 100 characters', [{ field: 'release', message: 'must be 1 to 100 characters' }]);
  const format = opts.format ?? detectIcd10Format(text);
  let parsed: { code: string; title: string; billable: boolean }[];
  try {
    parsed = format === 'order' ? parseIcd10OrderFile(text) : parseIcd10CodesFile(text);
  } catch (e) {
    // The parsers name the first malformed line; nothing is loaded from a file that has one.
    throw new DomainError('validation', (e as Error).message, [{ field: 'file', message: (e as Error).message }]);
  }
  if (!parsed.length) throw new DomainError('validation', 'The file holds no ICD-10-CM codes.', [{ field: 'file', message: 'holds no ICD-10-CM codes' }]);
  // The CMS files carry no clinical names; keep the shipped ones ("PTSD") for the codes they cover, even
  // when the import runs before the shipped list was ever loaded.
  const shippedSynonyms = new Map(ICD10CM_CODES.map((c) => [c.code, c.synonyms ?? '']));
  const codes = parsed.map((c) => ({ code: c.code, title: c.title, billable: c.billable, synonyms: shippedSynonyms.get(c.code) ?? '' }));

  return db.tx(async (q) => {
    await lockContent(q);
    const loadedFrom = await readRelease(q, ICD_EFFECTIVE);
    if (loadedFrom !== null && opts.effectiveFrom < loadedFrom) {
      throw new DomainError('conflict', `A newer release (effective ${loadedFrom}) is already loaded; this one would roll it back.`);
    }
    const { added, updated } = await upsertCodes(q, codes, opts.effectiveFrom, release);
    // The codes file lists billable codes only: its silence about headers retires none of them.
    const retired = await retireMissing(q, codes.map((c) => c.code), opts.effectiveFrom, format === 'codes');
    await recordRelease(q, ICD_RELEASE, release);
    await recordRelease(q, ICD_EFFECTIVE, opts.effectiveFrom);
    await recordRelease(q, ICD_SOURCE, 'imported');
    await appendAudit(q, {
      at: new Date(), actorId: null, actorKind: 'system', actorRole: null, outcome: 'success', action: 'icd10.import', resourceType: 'ContentRelease',
      detail: { release, effectiveFrom: opts.effectiveFrom, format, codes: codes.length, added, updated, retired },
    });
    return { format, added, updated, retired };
  });
}

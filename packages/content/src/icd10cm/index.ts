import { F01_F09, F20_F29 } from './f01-f29.js';
import { F10_F19 } from './f10-f19.js';
import { F30_F39, F40_F48 } from './f30-f49.js';
import { F50_F59, F60_F69, F70_F99 } from './f50-f99.js';
import { MEDICAL, SYMPTOMS } from './medical.js';
import { dottedIcdCode } from './parse.js';
import { toCodes, type Icd10CmCode } from './rows.js';
import { synonymsFor } from './synonyms.js';
import { Z55_Z65, Z69_Z91, Z_ENCOUNTERS } from './z-codes.js';

export type { Icd10CmCode } from './rows.js';
export { SYNONYMS, synonymsFor } from './synonyms.js';
export { dottedIcdCode, parseIcd10CodesFile, parseIcd10OrderFile, type ParsedIcd10Code } from './parse.js';

/**
 * The ICD-10-CM release the built-in codes come from. Boot loads them once per release name
 * (content_releases); a practice loads a newer CMS release file with the update command, which
 * ends codes that are gone and keeps the synonyms below for codes that remain.
 */
export const ICD10CM_RELEASE = { name: 'ICD-10-CM FY2026 (CMS, effective 2025-10-01)', effectiveFrom: '2025-10-01' } as const;

/**
 * The built-in code set, in tabular order: all of chapter 5 (F01-F99, headers included), the Z codes
 * behavioral health uses, emotional-state and cognitive symptoms, suicide attempt, and the common
 * comorbid medical conditions. Titles are the public CMS long titles; synonyms are our own search words.
 */
export const ICD10CM_CODES: readonly Icd10CmCode[] = toCodes([
  ...F01_F09, ...F10_F19, ...F20_F29, ...F30_F39, ...F40_F48, ...F50_F59, ...F60_F69, ...F70_F99,
  ...SYMPTOMS, ...Z_ENCOUNTERS, ...Z55_Z65, ...Z69_Z91, ...MEDICAL,
]).map((c) => {
  const synonyms = synonymsFor(c.code);
  return synonyms ? { ...c, synonyms } : c;
});

const BY_CODE = new Map(ICD10CM_CODES.map((c) => [c.code, c]));

/** A built-in code by its dotted or undotted form ("F43.10", "f4310"). */
export function icd10cmCode(code: string): Icd10CmCode | undefined {
  return BY_CODE.get(dottedIcdCode(code));
}

import type { Icd10CmCode } from './rows.js';

// Parsers for the two plain-text files in the CMS "Code Descriptions in Tabular Order" release,
// so a practice can load the full, current code set without a code change:
//
//   icd10cm_order_<year>.txt  fixed width, every header and code:
//     cols 1-5 order number, 6 blank, 7-13 code (no dot, left-justified), 14 blank,
//     15 '0' header / '1' billable, 16 blank, 17-76 short description, 77 blank, 78- long description
//   icd10cm_codes_<year>.txt  billable codes only: code (no dot) padded to 8 characters, long description
//
// A malformed line stops the load with its line number: loading half a release would leave the
// picker quietly incomplete, which is worse than an error someone can act on.

export type ParsedIcd10Code = Omit<Icd10CmCode, 'synonyms'>;

/** A code as CMS writes it in its files: letter, digit, alphanumeric, then up to four more. */
const RAW_CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/** "F4310" -> "F43.10"; "f43.10" -> "F43.10"; "I10" -> "I10". */
export function dottedIcdCode(raw: string): string {
  const code = raw.trim().toUpperCase().replace('.', '');
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function lines(text: string): { n: number; line: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ n: i + 1, line: line.replace(/\s+$/, '') }))
    .filter(({ line }) => line.trim() !== '');
}

function fail(file: string, n: number, problem: string): never {
  throw new Error(`${file} line ${n}: ${problem}`);
}

function checkedCode(file: string, n: number, raw: string): string {
  if (!RAW_CODE.test(raw)) fail(file, n, `"${raw.slice(0, 12)}" is not an ICD-10-CM code`);
  return dottedIcdCode(raw);
}

/** A code listed twice would make the load ambiguous about which title wins. */
function unique(file: string, parsed: { n: number; code: ParsedIcd10Code }[]): ParsedIcd10Code[] {
  const first = new Map<string, number>();
  for (const { n, code } of parsed) {
    const seen = first.get(code.code);
    if (seen !== undefined) fail(file, n, `${code.code} is already listed on line ${seen}`);
    first.set(code.code, n);
  }
  return parsed.map((p) => p.code);
}

/** Parses icd10cm_order_<year>.txt: headers (billable false) and codes (billable true), in file order. */
export function parseIcd10OrderFile(text: string): ParsedIcd10Code[] {
  const file = 'ICD-10-CM order file';
  const parsed = lines(text).map(({ n, line }) => {
    if (line.length < 17) fail(file, n, 'is too short for the fixed-width layout');
    if (!/^\d{5}$/.test(line.slice(0, 5))) fail(file, n, 'does not start with a five-digit order number');
    if (line[5] !== ' ' || line[13] !== ' ' || line[15] !== ' ') fail(file, n, 'columns are not where the layout puts them');
    const code = checkedCode(file, n, line.slice(6, 13).trim());
    const flag = line[14];
    if (flag !== '0' && flag !== '1') fail(file, n, 'the header/billable flag must be 0 or 1');
    if (line.length > 76 && line[76] !== ' ') fail(file, n, 'the short description runs into the long one');
    const short = line.slice(16, 76).trim();
    const long = line.slice(77).trim();
    const title = long || short;
    if (!title) fail(file, n, 'has no description');
    return { n, code: { code, title, billable: flag === '1' } };
  });
  return unique(file, parsed);
}

/** Parses icd10cm_codes_<year>.txt: billable codes only, in file order. */
export function parseIcd10CodesFile(text: string): ParsedIcd10Code[] {
  const file = 'ICD-10-CM codes file';
  const parsed = lines(text).map(({ n, line }) => {
    const m = /^(\S+)\s+(\S.*)$/.exec(line);
    if (!m) fail(file, n, 'needs a code followed by its description');
    return { n, code: { code: checkedCode(file, n, m[1]!), title: m[2]!.trim(), billable: true } };
  });
  return unique(file, parsed);
}

/** One ICD-10-CM code as shipped: the dotted code, the CMS long title, and whether it is billable. */
export interface Icd10CmCode {
  /** With the dot after the third character, e.g. "F43.10". */
  code: string;
  /** The public CMS long description (never DSM text). */
  title: string;
  /** False for a category or subcategory header, which cannot be put on a claim. */
  billable: boolean;
  /** Common clinical names people search by, space separated ("PTSD post traumatic stress"). */
  synonyms?: string;
}

/**
 * The data files list codes as [code, title] or [code, title, H] rows (H marks a header): short to
 * write and read next to the CMS tabular list. The unit test checks each H against the hierarchy.
 */
export const H = 'header';
export type Row = readonly [code: string, title: string, header?: typeof H];

export const toCodes = (rows: readonly Row[]): Icd10CmCode[] => rows.map(([code, title, header]) => ({ code, title, billable: header !== H }));

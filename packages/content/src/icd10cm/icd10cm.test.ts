import { describe, expect, it } from 'vitest';
import { ZDiagnosisRef } from '@hearth/contracts';
import { ICD10CM_CODES, ICD10CM_RELEASE, SYNONYMS, icd10cmCode } from '../index.js';

const raw = (code: string) => code.replace('.', '');
const chapterF = ICD10CM_CODES.filter((c) => c.code.startsWith('F'));

describe('built-in ICD-10-CM codes', () => {
  it('names the FY2026 CMS release and its effective date', () => {
    expect(ICD10CM_RELEASE).toEqual({ name: 'ICD-10-CM FY2026 (CMS, effective 2025-10-01)', effectiveFrom: '2025-10-01' });
  });

  it('writes every code the way the contract accepts it, once', () => {
    for (const c of ICD10CM_CODES) {
      expect(c.code).toMatch(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
      expect(ZDiagnosisRef.safeParse({ code: c.code, title: c.title }).success, c.code).toBe(true);
    }
    const seen = new Set<string>();
    const duplicates = ICD10CM_CODES.filter((c) => (seen.has(c.code) ? true : (seen.add(c.code), false))).map((c) => c.code);
    expect(duplicates).toEqual([]);
  });

  it('has clean one-line titles', () => {
    for (const c of ICD10CM_CODES) {
      expect(c.title, c.code).toBe(c.title.trim());
      expect(c.title, c.code).not.toMatch(/[\r\n\t]|\s{2}/);
      expect(c.title.length, c.code).toBeGreaterThan(2);
    }
  });

  it('marks exactly the codes with codes beneath them as headers', () => {
    const codes = ICD10CM_CODES.map((c) => raw(c.code));
    for (const c of ICD10CM_CODES) {
      const hasChild = codes.some((other) => other.length > raw(c.code).length && other.startsWith(raw(c.code)));
      expect(c.billable, `${c.code} ${hasChild ? 'has' : 'has no'} codes beneath it`).toBe(!hasChild);
    }
  });

  it('holds the whole of chapter F in tabular order', () => {
    expect(chapterF.length).toBeGreaterThan(900);
    expect(chapterF.filter((c) => c.billable).length).toBeGreaterThan(700);
    const order = chapterF.map((c) => raw(c.code));
    expect(order).toEqual([...order].sort());
    // Every three-character category of the chapter.
    const categories = chapterF.filter((c) => c.code.length === 3).map((c) => c.code);
    expect(categories).toEqual([
      'F01', 'F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F09', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19',
      'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F28', 'F29', 'F30', 'F31', 'F32', 'F33', 'F34', 'F39', 'F40', 'F41', 'F42', 'F43',
      'F44', 'F45', 'F48', 'F50', 'F51', 'F52', 'F53', 'F54', 'F55', 'F59', 'F60', 'F63', 'F64', 'F65', 'F66', 'F68', 'F69', 'F70',
      'F71', 'F72', 'F73', 'F78', 'F79', 'F80', 'F81', 'F82', 'F84', 'F88', 'F89', 'F90', 'F91', 'F93', 'F94', 'F95', 'F98', 'F99',
    ]);
  });

  it('keeps headers unbillable and the common diagnoses billable', () => {
    for (const header of ['F32', 'F41', 'F43.1', 'F10.2', 'F50.0', 'F01.5', 'Z63', 'R45.85', 'T14.91']) {
      expect(icd10cmCode(header)?.billable, header).toBe(false);
    }
    for (const code of [
      'F32.A', 'F32.1', 'F33.1', 'F41.1', 'F43.10', 'F43.23', 'F90.2', 'F84.0', 'F10.20', 'F11.20', 'F31.81', 'F42.2', 'F50.010', 'F60.3',
      'F03.90', 'F17.210', 'R45.851', 'R45.88', 'T14.91XA', 'Z63.0', 'Z91.51', 'Z59.01', 'Z71.41', 'E11.9', 'I10', 'G47.00', 'N94.3',
    ]) {
      expect(icd10cmCode(code)?.billable, code).toBe(true);
    }
  });

  it('uses the CMS long titles', () => {
    expect(icd10cmCode('F43.10')?.title).toBe('Post-traumatic stress disorder, unspecified');
    expect(icd10cmCode('F32.9')?.title).toBe('Major depressive disorder, single episode, unspecified');
    expect(icd10cmCode('F01.A0')?.title).toBe('Vascular dementia, mild, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety');
    expect(icd10cmCode('F10.239')?.title).toBe('Alcohol dependence with withdrawal, unspecified');
    expect(icd10cmCode('F13.280')?.title).toBe('Sedative, hypnotic or anxiolytic dependence with sedative, hypnotic or anxiolytic-induced anxiety disorder');
    expect(icd10cmCode('F16.283')?.title).toBe('Hallucinogen dependence with hallucinogen persisting perception disorder (flashbacks)');
    expect(icd10cmCode('F12.150')?.title).toBe('Cannabis abuse with psychotic disorder with delusions');
    expect(icd10cmCode('F17.203')?.title).toBe('Nicotine dependence unspecified, with withdrawal');
    expect(icd10cmCode('F50.25')?.title).toBe('Bulimia nervosa, in remission');
  });

  it('finds codes by dotted or raw form', () => {
    expect(icd10cmCode('f4310')?.code).toBe('F43.10');
    expect(icd10cmCode(' F43.10 ')?.code).toBe('F43.10');
    expect(icd10cmCode('F43.99')).toBeUndefined();
  });

  it('carries the clinical names people search by', () => {
    const words = (code: string) => icd10cmCode(code)?.synonyms?.split(' ') ?? [];
    expect(words('F43.10')).toEqual(expect.arrayContaining(['PTSD', 'post', 'traumatic']));
    expect(words('F32.9')).toEqual(expect.arrayContaining(['MDD', 'depression']));
    expect(words('F33.1')).toEqual(expect.arrayContaining(['MDD', 'recurrent']));
    expect(words('F41.1')).toContain('GAD');
    expect(words('F90.0')).toContain('ADHD');
    expect(words('F84.0')).toEqual(expect.arrayContaining(['autism', 'ASD']));
    expect(words('F10.20')).toEqual(expect.arrayContaining(['AUD', 'alcohol']));
    expect(words('F31.32')).toContain('bipolar');
    expect(words('F42.2')).toContain('OCD');
    expect(words('F50.012')).toEqual(expect.arrayContaining(['anorexia', 'eating']));
    expect(words('F50.23')).toContain('bulimia');
    expect(words('R45.851')).toContain('SI');
    for (const c of ICD10CM_CODES) {
      if (c.synonyms !== undefined) expect(new Set(c.synonyms.split(' ')).size, c.code).toBe(c.synonyms.split(' ').length);
    }
  });

  it('has no synonym entry that matches no code', () => {
    for (const [prefix] of SYNONYMS) {
      expect(ICD10CM_CODES.some((c) => c.code.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('covers the behavioral health Z codes and the common comorbid conditions', () => {
    const z = ICD10CM_CODES.filter((c) => c.code.startsWith('Z'));
    expect(z.length).toBeGreaterThan(150);
    for (const prefix of ['Z55', 'Z56', 'Z59', 'Z60', 'Z62', 'Z63', 'Z64', 'Z65', 'Z69', 'Z71', 'Z72', 'Z73', 'Z76', 'Z79', 'Z86.51', 'Z91.1', 'Z91.5', 'Z13.3', 'Z13.4', 'Z03.89', 'Z04.6']) {
      expect(z.some((c) => c.code.startsWith(prefix)), prefix).toBe(true);
    }
    const medical = ICD10CM_CODES.filter((c) => !/^[FZRT]/.test(c.code) || /^Z3[3A]/.test(c.code));
    expect(medical.length).toBeGreaterThanOrEqual(55);
    expect(medical.length).toBeLessThanOrEqual(90);
  });
});

import { describe, expect, it } from 'vitest';
import { dottedIcdCode, parseIcd10CodesFile, parseIcd10OrderFile } from '../index.js';

// Sample lines in the exact layout of the CMS FY2026 "Code Descriptions in Tabular Order" files.
const ORDER_LINES = [
  '00001 A00     0 Cholera                                                      Cholera',
  '06725 F01     0 Vascular dementia                                            Vascular dementia',
  '06727 F0150   1 Vascular dementia, unsp severity, without beh/psych/mood/anx Vascular dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
  '07470 F32     0 Depressive episode                                           Depressive episode',
  '07471 F320    1 Major depressive disorder, single episode, mild              Major depressive disorder, single episode, mild',
  '07482 F32A    1 Depression, unspecified                                      Depression, unspecified',
  '07560 F431    0 Post-traumatic stress disorder (PTSD)                        Post-traumatic stress disorder (PTSD)',
  '07561 F4310   1 Post-traumatic stress disorder, unspecified                  Post-traumatic stress disorder, unspecified',
  '20410 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension',
  '70001 T1491XA 1 Suicide attempt, initial encounter                           Suicide attempt, initial encounter',
];

const CODES_LINES = [
  'F0150   Vascular dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
  'F320    Major depressive disorder, single episode, mild',
  'F32A    Depression, unspecified',
  'I10     Essential (primary) hypertension',
  'T1491XA Suicide attempt, initial encounter',
];

describe('dottedIcdCode', () => {
  it('puts the dot after the third character only when the code is longer', () => {
    expect(dottedIcdCode('F4310')).toBe('F43.10');
    expect(dottedIcdCode('F32A')).toBe('F32.A');
    expect(dottedIcdCode('T1491XA')).toBe('T14.91XA');
    expect(dottedIcdCode('I10')).toBe('I10');
    expect(dottedIcdCode(' f43.10 ')).toBe('F43.10');
  });
});

describe('parseIcd10OrderFile', () => {
  it('reads headers and billable codes with the long title, dotted, in file order', () => {
    const codes = parseIcd10OrderFile(ORDER_LINES.join('\n') + '\n');
    expect(codes).toEqual([
      { code: 'A00', title: 'Cholera', billable: false },
      { code: 'F01', title: 'Vascular dementia', billable: false },
      {
        code: 'F01.50',
        title: 'Vascular dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
        billable: true,
      },
      { code: 'F32', title: 'Depressive episode', billable: false },
      { code: 'F32.0', title: 'Major depressive disorder, single episode, mild', billable: true },
      { code: 'F32.A', title: 'Depression, unspecified', billable: true },
      { code: 'F43.1', title: 'Post-traumatic stress disorder (PTSD)', billable: false },
      { code: 'F43.10', title: 'Post-traumatic stress disorder, unspecified', billable: true },
      { code: 'I10', title: 'Essential (primary) hypertension', billable: true },
      { code: 'T14.91XA', title: 'Suicide attempt, initial encounter', billable: true },
    ]);
  });

  it('accepts Windows line ends, a byte order mark, trailing spaces and blank lines', () => {
    const text = '\uFEFF' + ORDER_LINES.slice(3, 5).join('   \r\n\r\n') + '\r\n\r\n';
    expect(parseIcd10OrderFile(text).map((c) => c.code)).toEqual(['F32', 'F32.0']);
    expect(parseIcd10OrderFile('')).toEqual([]);
  });

  it('falls back to the short title when a line has no long one', () => {
    expect(parseIcd10OrderFile('07482 F32A    1 Depression, unspecified')).toEqual([{ code: 'F32.A', title: 'Depression, unspecified', billable: true }]);
  });

  it.each([
    ['a flag other than 0 or 1', '07471 F320    2 Major depressive disorder, single episode, mild              Major depressive disorder, single episode, mild', /line 3: the header\/billable flag/],
    ['no order number', '      F320    1 Major depressive disorder, single episode, mild              Major depressive disorder, single episode, mild', /line 3: does not start with a five-digit order number/],
    ['a dotted code', '07471 F32.0   1 Major depressive disorder, single episode, mild              Major depressive disorder, single episode, mild', /line 3: "F32\.0" is not an ICD-10-CM code/],
    ['a shifted column', '07471 F320     1 Major depressive disorder, single episode, mild             Major depressive disorder, single episode, mild', /line 3: columns are not where the layout puts them/],
    ['a truncated line', '07471 F320', /line 3: is too short/],
    ['a tab-separated line', '07471\tF320\t1\tMajor depressive disorder, single episode, mild', /line 3: /],
    ['a code listed twice', ORDER_LINES[0]!, /line 3: A00 is already listed on line 1/],
  ])('rejects %s, naming the line', (_what, bad, message) => {
    // Line 2 is blank: the number counts lines in the file, not codes.
    const text = [ORDER_LINES[0], '', bad, ORDER_LINES[4]].join('\n');
    expect(() => parseIcd10OrderFile(text)).toThrow(message);
  });
});

describe('parseIcd10CodesFile', () => {
  it('reads every line as a billable code with its long title', () => {
    expect(parseIcd10CodesFile(CODES_LINES.join('\r\n'))).toEqual([
      {
        code: 'F01.50',
        title: 'Vascular dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
        billable: true,
      },
      { code: 'F32.0', title: 'Major depressive disorder, single episode, mild', billable: true },
      { code: 'F32.A', title: 'Depression, unspecified', billable: true },
      { code: 'I10', title: 'Essential (primary) hypertension', billable: true },
      { code: 'T14.91XA', title: 'Suicide attempt, initial encounter', billable: true },
    ]);
  });

  it.each([
    ['a code without a description', 'F320', /line 4: needs a code followed by its description/],
    ['a code that is not ICD-10-CM', '12345   Not a diagnosis', /line 4: "12345" is not an ICD-10-CM code/],
    ['a code too long', 'F3200000 Major depressive disorder', /line 4: "F3200000" is not an ICD-10-CM code/],
    ['a code listed twice', CODES_LINES[1]!, /line 4: F32\.0 is already listed on line 2/],
  ])('rejects %s, naming the line', (_what, bad, message) => {
    const text = [CODES_LINES[0], CODES_LINES[1], '   ', bad].join('\n');
    expect(() => parseIcd10CodesFile(text)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { ageOn, checkPatientRules, localDate, normaliseForSearch, phoneDigits, searchNameFor } from './patient-rules.js';

describe('patient search normalisation', () => {
  it('folds accents and case', () => {
    expect(normaliseForSearch('  José  ÁLVAREZ-Núñez ')).toBe('jose alvarez-nunez');
    expect(normaliseForSearch('Zoë')).toBe('zoe');
  });
  it('indexes legal and preferred names together', () => {
    expect(searchNameFor({ legalFirstName: 'Robert', legalLastName: 'Smith', preferredName: 'Bobby' })).toBe('robert smith bobby');
  });
  it('strips punctuation that could act as a LIKE wildcard', () => {
    expect(normaliseForSearch('50%_off')).toBe('50 off');
  });
});

describe('phone digits', () => {
  it('keeps ten national digits for US numbers', () => {
    expect(phoneDigits('+1 (555) 010-1234')).toBe('5550101234');
    expect(phoneDigits('555.010.1234')).toBe('5550101234');
    expect(phoneDigits(undefined)).toBeNull();
  });
});

describe('age', () => {
  it('counts whole years, birthday exclusive', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('uses the practice time zone for today', () => {
    expect(localDate(new Date('2026-01-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2025-12-31');
  });
});

describe('patient rules', () => {
  const today = '2026-11-27';
  it('rejects future and implausible birth dates', () => {
    expect(checkPatientRules({ dateOfBirth: '2027-01-01' }, today)).toEqual([{ field: 'dateOfBirth', message: 'must not be in the future' }]);
    expect(checkPatientRules({ dateOfBirth: '1899-12-31' }, today)[0]?.field).toBe('dateOfBirth');
  });
  it('requires a guardian for a minor', () => {
    expect(checkPatientRules({ dateOfBirth: '2015-01-01', contacts: [{ kind: 'emergency' }] }, today)[0]?.field).toBe('contacts');
    expect(checkPatientRules({ dateOfBirth: '2015-01-01', contacts: [{ kind: 'guardian' }] }, today)).toEqual([]);
    expect(checkPatientRules({ dateOfBirth: '1990-01-01', contacts: [] }, today)).toEqual([]);
  });
  it('rejects duplicate coverage priorities and care-team members, naming the index', () => {
    const issues = checkPatientRules(
      { coverages: [{ priority: 1, payerId: 'a' }, { priority: 1, payerId: 'b' }], careTeam: [{ userId: 'u' }, { userId: 'u' }] },
      today,
    );
    expect(issues.map((i) => i.field)).toEqual(['coverages.1.priority', 'careTeam.1.userId']);
  });
});

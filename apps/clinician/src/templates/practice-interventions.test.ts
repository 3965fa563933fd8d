import { describe, expect, it } from 'vitest';
import { codeFromLabel } from './PracticeInterventionsCard';

describe('codeFromLabel', () => {
  it('makes a lower-case code of letters, digits and underscores, starting with a letter', () => {
    expect(codeFromLabel('Seeking Safety curriculum')).toBe('seeking_safety_curriculum');
    expect(codeFromLabel('  Écoute active (niveau 2) ')).toBe('ecoute_active_niveau_2');
    expect(codeFromLabel('12-step facilitation')).toBe('i_12_step_facilitation');
  });

  it('stays within 40 characters without a trailing underscore', () => {
    const code = codeFromLabel('A very long intervention name that goes on and on beyond the limit');
    expect(code.length).toBeLessThanOrEqual(40);
    expect(code).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
    expect(code.endsWith('_')).toBe(false);
  });
});

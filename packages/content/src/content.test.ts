import { describe, expect, it } from 'vitest';
import { LANGUAGES, PLACES_OF_SERVICE, isPlaceOfService, languageName } from './index.js';

describe('content lists', () => {
  it('has unique codes', () => {
    expect(new Set(LANGUAGES.map((l) => l.code)).size).toBe(LANGUAGES.length);
    expect(new Set(PLACES_OF_SERVICE.map((p) => p.code)).size).toBe(PLACES_OF_SERVICE.length);
  });
  it('uses two-digit place-of-service codes including office and both telehealth codes', () => {
    for (const p of PLACES_OF_SERVICE) expect(p.code).toMatch(/^\d{2}$/);
    expect(['02', '10', '11'].every(isPlaceOfService)).toBe(true);
    expect(isPlaceOfService('98')).toBe(false);
  });
  it('names languages and falls back to the tag', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('xx')).toBe('xx');
    expect(languageName(null)).toBe('');
  });
});

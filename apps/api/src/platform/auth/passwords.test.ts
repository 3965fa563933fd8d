import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';

describe('passwordWeakness', () => {
  it.each([
    ['password1234', 'is too common'],
    ['PASSWORD1234', 'is too common'],
    ['hearthhearth', 'is too common'],
    ['aaaaaaaaaaaaaa', 'must not be one repeated character'],
    ['111111111111', 'must not be one repeated character'],
  ])('%s -> %s', (pw, reason) => {
    expect(passwordWeakness(pw)).toBe(reason);
  });

  it.each([
    ['correct horse battery staple'],
    ['Tr0ub4dor&3xyz'],
    ['a brand new passphrase 42'],
    ['        spaces count too  '],
    ['ünïcödé pässwörd 🔐'],
  ])('accepts %s', (pw) => {
    expect(passwordWeakness(pw)).toBeNull();
  });

  it.each([
    ['my name is Gabriela ok', ['Gabriela', 'Smith', 'gsmith']],
    ['SMITHfamily2024!!', ['Gabriela', 'Smith', 'gsmith']],
    ['login gsmith forever', ['Gabriela', 'Smith', 'gsmith']],
  ])('refuses %s containing the name or e-mail', (pw, ctx) => {
    expect(passwordWeakness(pw, ctx)).toBe('must not contain your name or e-mail');
  });

  it('ignores context words shorter than 4 characters and empty ones', () => {
    expect(passwordWeakness('the bob and al show', ['Bob', 'Al', ''])).toBeNull();
  });
});

describe('hashPassword / verifyPassword', () => {
  it('verifies exactly as typed (no trimming or case folding)', async () => {
    const h = await hashPassword('Exact Pass phrase ');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Exact Pass phrase ')).toBe(true);
    expect(await verifyPassword(h, 'Exact Pass phrase')).toBe(false);
    expect(await verifyPassword(h, 'exact pass phrase ')).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same same same')).not.toBe(await hashPassword('same same same'));
  });

  it('is false for a missing or corrupt hash instead of throwing', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });
});

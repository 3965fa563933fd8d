import { createHmac, timingSafeEqual } from 'node:crypto';

// Confirm/cancel links: 72 URL-safe characters, <random 43><expiry 7><signature 22>, no separators
// (a dot would make the portal's /r/<token> look like a file name to the static file server).
// - random: 32 random bytes (base64url, made by the caller); only its SHA-256 is stored, so a copy
//   of the database cannot be turned into working links.
// - expiry: Unix seconds in base 36, zero-padded (the appointment's start).
// - signature: HMAC-SHA256 over both with the server's link key, cut to 128 bits. A token that was
//   altered, or forged without the key, is refused before the database is asked, and an expired one
//   is known to be expired without a lookup.

const TOKEN_RE = /^([A-Za-z0-9_-]{43})([0-9a-z]{7})([A-Za-z0-9_-]{22})$/;
export const LINK_TOKEN_LENGTH = 72;

const mac = (secret: string, random: string, exp: string) =>
  createHmac('sha256', secret).update(`hearth-appointment-link|${random}|${exp}`).digest('base64url').slice(0, 22);

export function signLinkToken(secret: string, random: string, expiresAt: Date): string {
  if (!/^[A-Za-z0-9_-]{43}$/.test(random)) throw new Error('link token randomness must be 32 bytes in base64url');
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36).padStart(7, '0');
  return `${random}${exp}${mac(secret, random, exp)}`;
}

export interface VerifiedLinkToken {
  random: string;
  expiresAt: Date;
}

/** The token's parts when its signature is right; null for anything malformed, altered or forged. */
export function verifyLinkToken(secret: string, token: string): VerifiedLinkToken | null {
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const [, random, exp, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, random, exp));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { random, expiresAt: new Date(parseInt(exp, 36) * 1000) };
}

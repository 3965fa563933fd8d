import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (pw: string) => hash(pw, OPTS);

export async function verifyPassword(stored: string | null, pw: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so unknown accounts can't be told apart by timing.
    await hash(pw, OPTS);
    return false;
  }
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

const COMMON = new Set([
  'password1234', 'password12345', 'password123456', '123456789012', 'qwertyuiop12', 'iloveyou1234',
  'letmein12345', 'welcome12345', 'changeme1234', 'administrator', 'passw0rd1234', 'hearthhearth',
]);

/** Returns a reason the password is too weak, or null. Length rules live in the zod schema. */
export function passwordWeakness(pw: string, context: string[] = []): string | null {
  const lower = pw.toLowerCase();
  if (COMMON.has(lower)) return 'is too common';
  if (/^(.)\1+$/.test(pw)) return 'must not be one repeated character';
  for (const c of context) {
    if (c && c.length >= 4 && lower.includes(c.toLowerCase())) return 'must not contain your name or e-mail';
  }
  return null;
}

import { generateSecret, generate, verify, generateURI } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(secret: string, account: string, issuer: string) {
  const otpauthUri = generateURI({ secret, label: account, issuer });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret, otpauthUri, qrDataUrl };
}

/**
 * Checks a code, allowing one 30-second step of clock drift. Returns the matched time step
 * (so a code can be refused when used again) or null.
 */
export async function checkTotp(secret: string, token: string, lastStep: number | null = null): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({ secret, token, epochTolerance: 30 });
    if (!r.valid) return null;
    const step = Math.floor(Date.now() / 30_000) + r.delta;
    return lastStep !== null && step <= lastStep ? null : step;
  } catch {
    return null;
  }
}

export const currentTotp = (secret: string) => generate({ secret });

/** Ten one-time recovery codes in the form xxxxx-xxxxx. */
export function newRecoveryCodes(n = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: n }, () => {
    const b = randomBytes(10);
    const s = Array.from(b, (x) => alphabet[x % alphabet.length]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

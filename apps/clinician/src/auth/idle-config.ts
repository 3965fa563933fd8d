// How long a signed-in person may be inactive before the app signs them out.
//
// The practice's idle timeout comes from the session (`idleMinutes`). For browser tests the timeout
// can be shortened per browser profile with a localStorage key holding a number of SECONDS:
//
//   localStorage.setItem('hearth.idleSecondsOverride', '10')   // sign out after 10 s of inactivity
//
// Only this client-side timer changes; the server keeps enforcing its own idle timeout.
// The warning appears WARNING_LEAD_MS (60 s) before sign-out, or half-way for timeouts under 2 minutes.

export const IDLE_OVERRIDE_KEY = 'hearth.idleSecondsOverride';
export const SHARED_ACTIVITY_KEY = 'hearth.lastActivityAt';
const WARNING_LEAD_MS = 60_000;

export function idleTimeoutMs(idleMinutes: number): number {
  try {
    const raw = localStorage.getItem(IDLE_OVERRIDE_KEY);
    const seconds = raw === null ? NaN : Number(raw);
    if (Number.isFinite(seconds) && seconds > 0) return Math.round(seconds * 1000);
  } catch {
    /* storage disabled */
  }
  return Math.max(1, idleMinutes) * 60_000;
}

export function warningLeadMs(idleMs: number): number {
  return Math.min(WARNING_LEAD_MS, Math.floor(idleMs / 2));
}

/** How often activity without any request refreshes the server's idle timer. */
export function keepAliveMs(idleMs: number): number {
  return Math.min(30_000, Math.floor(idleMs / 4));
}

/** "15 minutes", "1 minute", "10 seconds". */
export function describeIdle(idleMs: number): string {
  if (idleMs >= 60_000 && idleMs % 60_000 === 0) {
    const m = idleMs / 60_000;
    return `${m} minute${m === 1 ? '' : 's'}`;
  }
  const s = Math.round(idleMs / 1000);
  return `${s} second${s === 1 ? '' : 's'}`;
}

// Browser storage helpers. Nothing identifying goes to localStorage (only record ids), with one
// exception: unsaved note text (notes/editor/draft-store.ts), kept so a crash loses no typing and
// removed once saved, after two weeks, or at an explicit sign-out. Search filters (which may contain a
// typed name) live in sessionStorage and are wiped on sign-out.

const SESSION_PREFIX = 'hearth.';

export function readSession<T>(key: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(SESSION_PREFIX + key);
    return raw ? ({ ...fallback, ...JSON.parse(raw) } as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeSession(key: string, value: unknown) {
  try {
    sessionStorage.setItem(SESSION_PREFIX + key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: filters are a convenience */
  }
}

export function clearSessionScopedStorage() {
  try {
    for (const k of Object.keys(sessionStorage))
      if (k.startsWith(SESSION_PREFIX)) sessionStorage.removeItem(k);
  } catch {
    /* ignore */
  }
}

const recentKey = (userId: string) => `hearth.recentPatients.${userId}`;
const MAX_RECENT = 6;

/** Ids (never names) of the patients this user opened most recently, newest first. */
export function getRecentPatientIds(userId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(recentKey(userId)) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function rememberRecentPatient(userId: string, patientId: string) {
  try {
    const ids = [patientId, ...getRecentPatientIds(userId).filter((id) => id !== patientId)].slice(
      0,
      MAX_RECENT,
    );
    localStorage.setItem(recentKey(userId), JSON.stringify(ids));
  } catch {
    /* ignore */
  }
}

export function forgetRecentPatient(userId: string, patientId: string) {
  try {
    const ids = getRecentPatientIds(userId).filter((id) => id !== patientId);
    localStorage.setItem(recentKey(userId), JSON.stringify(ids));
  } catch {
    /* ignore */
  }
}

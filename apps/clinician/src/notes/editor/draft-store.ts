import type { TEncounter, TNoteContent, TNoteStatus } from '@hearth/contracts';

// Every keystroke of a note draft is kept in this browser until the server has it, so a crash,
// a closed lid or a lost connection loses nothing. The key holds only the note's id (no PHI in
// key names); the record names the user so another person on the same computer never gets it.

export interface DraftPayload {
  encounter: TEncounter;
  content: TNoteContent;
  enabledSections: string[];
}

export interface LocalDraft {
  v: 1;
  userId: string;
  /** The server version these edits were made on top of. */
  baseVersion: number;
  /** When the last keystroke was kept (ISO instant, this device's clock). */
  editedAt: string;
  draft: DraftPayload;
}

const PREFIX = 'hearth.noteDraft.';
/** Unsynced drafts older than this are dropped when any note opens (the server copy remains). */
const MAX_AGE_MS = 14 * 24 * 3600_000;

export const draftKey = (noteId: string) => `${PREFIX}${noteId}`;

export function readLocalDraft(noteId: string, storage: Storage = localStorage): LocalDraft | null {
  try {
    const raw = storage.getItem(draftKey(noteId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (d.v !== 1 || typeof d.userId !== 'string' || typeof d.baseVersion !== 'number' || !d.draft) return null;
    return d as LocalDraft;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller says so instead of "kept on this device". */
export function writeLocalDraft(noteId: string, d: LocalDraft, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(draftKey(noteId), JSON.stringify(d));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(noteId: string, storage: Storage = localStorage) {
  try {
    storage.removeItem(draftKey(noteId));
  } catch {
    /* ignore */
  }
}

/** Drops every kept draft (an explicit sign-out: the next person at this computer must not find them). */
export function clearLocalDrafts(storage: Storage = localStorage) {
  try {
    for (let i = storage.length - 1; i >= 0; i--) {
      const k = storage.key(i);
      if (k?.startsWith(PREFIX)) storage.removeItem(k);
    }
  } catch {
    /* ignore */
  }
}

/** Drops kept drafts older than two weeks. */
export function pruneLocalDrafts(now = Date.now(), storage: Storage = localStorage) {
  try {
    for (let i = storage.length - 1; i >= 0; i--) {
      const k = storage.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const d = readLocalDraft(k.slice(PREFIX.length), storage);
      if (!d || now - Date.parse(d.editedAt) > MAX_AGE_MS) storage.removeItem(k);
    }
  } catch {
    /* ignore */
  }
}

/** JSON with keys sorted, so two drafts compare equal whatever order their keys were set in. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export const sameDraft = (a: DraftPayload, b: DraftPayload) => canonical(a) === canonical(b);

export type RestoreDecision =
  | { action: 'none' }
  | { action: 'discard'; reason: 'locked' | 'same' | 'server_newer' }
  | { action: 'restore'; rebased: boolean };

/**
 * What to do with the copy kept on this device when a note opens:
 * - another user's copy, or none: leave it;
 * - the note is no longer editable (signed, awaiting co-signature): drop it;
 * - it matches the server: drop it (nothing was lost);
 * - it was made on the server's current version: restore it (the save never arrived);
 * - the server has moved on but this copy was edited later (another tab saved in between): restore it
 *   on top of the server's version;
 * - otherwise the server's copy is newer: drop it.
 */
export function decideRestore(p: {
  local: LocalDraft | null;
  userId: string;
  server: { version: number; updatedAt: string; status: TNoteStatus; draft: DraftPayload };
}): RestoreDecision {
  const { local, server } = p;
  if (!local || local.userId !== p.userId) return { action: 'none' };
  if (server.status !== 'draft' && server.status !== 'returned') return { action: 'discard', reason: 'locked' };
  if (sameDraft(local.draft, server.draft)) return { action: 'discard', reason: 'same' };
  if (local.baseVersion === server.version) return { action: 'restore', rebased: false };
  if (local.baseVersion < server.version && Date.parse(local.editedAt) > Date.parse(server.updatedAt))
    return { action: 'restore', rebased: true };
  return { action: 'discard', reason: 'server_newer' };
}

import type { TNote } from '@hearth/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, userMessageFor } from '../../api/client';
import { noteKeys, saveNote } from '../../api/notes';
import { applyDefaults } from '../form/field-values';
import { contentForSave } from './content-save';
import {
  decideRestore,
  pruneLocalDrafts,
  readLocalDraft,
  removeLocalDraft,
  writeLocalDraft,
  type DraftPayload,
} from './draft-store';
import { encounterForSave, toEncounterDraft } from './encounter-model';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'locked' | 'error';

const DEBOUNCE_MS = 1500;
const sentence = (m: string) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : m);
const RETRY_MS = 10_000;

export const serverDraft = (n: TNote): DraftPayload => ({
  encounter: toEncounterDraft(n.encounter),
  content: n.content,
  enabledSections: n.enabledSections,
});

/**
 * The editable copy of a note with autosave: every change is kept on this device at once and sent
 * to the server 1.5 s after typing stops (PUT with the version). Offline, it keeps retrying; a
 * version conflict stops saving and asks for a reload.
 */
export function useNoteDraft(note: TNote, userId: string) {
  const qc = useQueryClient();
  const [init] = useState(() => initialDraft(note, userId));
  const [draft, setDraft] = useState<DraftPayload>(init.draft);
  const [carried, setCarried] = useState<string[]>(note.carriedForward);
  const [state, setState] = useState<SaveState>(init.needsSave ? 'dirty' : 'saved');
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(init.restored ? null : new Date(note.updatedAt));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [storedLocally, setStoredLocally] = useState(true);

  const draftRef = useRef(draft);
  // The template version of a note never changes; a ref keeps `save` stable across autosave answers.
  const definition = useRef(note.definition);
  const version = useRef(note.version);
  const rev = useRef(init.needsSave ? 1 : 0);
  const savedRev = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(false);

  const keepLocal = useCallback(() => {
    const ok = writeLocalDraft(note.id, {
      v: 1,
      userId,
      baseVersion: version.current,
      editedAt: new Date().toISOString(),
      draft: draftRef.current,
    });
    setStoredLocally(ok);
  }, [note.id, userId]);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (stopped.current || rev.current === savedRev.current) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const sentRev = rev.current;
    const d = draftRef.current;
    setState('saving');
    const run = (async () => {
      try {
        const saved = await saveNote(note.id, {
          version: version.current,
          encounter: encounterForSave(d.encounter),
          content: contentForSave(definition.current, d.content),
          enabledSections: d.enabledSections,
        });
        version.current = saved.version;
        savedRev.current = sentRev;
        qc.setQueryData(noteKeys.one(note.id), saved);
        setLastSavedAt(new Date());
        setFieldErrors({});
        setMessage(null);
        if (rev.current === sentRev) {
          removeLocalDraft(note.id);
          setState('saved');
        } else {
          keepLocal(); // the kept copy now sits on the new version
          setState('dirty');
        }
      } catch (e) {
        if (!(e instanceof ApiError)) {
          setState('error');
          setMessage(userMessageFor(e));
        } else if (e.status === 0) {
          setState('offline');
          timer.current = setTimeout(() => void save(), RETRY_MS);
        } else if (e.status === 409 || e.status === 423) {
          // Signed or sent for co-signature elsewhere (reason 'locked'), or a newer version was saved.
          stopped.current = true;
          setState(e.code === 'locked' || e.problem.reason === 'locked' || e.status === 423 ? 'locked' : 'conflict');
          setMessage(e.userMessage);
        } else {
          setState('error');
          setMessage(e.userMessage);
          setFieldErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, sentence(f.message)])));
        }
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    await run;
    if (again.current) {
      again.current = false;
      await save();
    }
  }, [note.id, qc, keepLocal]);

  const update = useCallback(
    (fn: (d: DraftPayload) => DraftPayload) => {
      if (stopped.current) return;
      const next = fn(draftRef.current);
      draftRef.current = next;
      rev.current += 1;
      setDraft(next);
      keepLocal();
      setState((s) => (s === 'offline' || s === 'saving' ? s : 'dirty'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [keepLocal, save],
  );

  /** Saves now (Ctrl+S, before signing); true when the server has every change. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5; i++) {
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (stopped.current || rev.current === savedRev.current) break;
      const before = savedRev.current;
      await save();
      if (savedRev.current === before) break; // the save failed: the state says why
    }
    return !stopped.current && rev.current === savedRev.current;
  }, [save]);

  // A restored copy is sent right away; the connection coming back retries at once.
  useEffect(() => {
    if (init.needsSave) void save();
    const online = () => void save();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
      // Leaving with typing not yet sent: send it now (the copy on this device stays until it arrives).
      if (!stopped.current && rev.current !== savedRev.current && !inFlight.current) void save();
    };
  }, [init.needsSave, save]);

  /** After a conflict: forget this device's copy so the reloaded note starts from the server's. */
  const discardLocal = useCallback(() => removeLocalDraft(note.id), [note.id]);

  const clearCarried = useCallback((path: string) => setCarried((c) => c.filter((p) => p !== path)), []);

  return {
    draft,
    update,
    flush,
    state,
    lastSavedAt,
    fieldErrors,
    message,
    storedLocally,
    restored: init.restored ? { rebased: init.rebased } : null,
    carried,
    clearCarried,
    discardLocal,
    /** True while some change has not reached the server. */
    unsaved: state !== 'saved',
    version: () => version.current,
  };
}

interface InitialDraft {
  draft: DraftPayload;
  /** Taken from the copy kept on this device (newer than the server's). */
  restored: boolean;
  rebased: boolean;
  /** Differs from the server's copy: send it once the editor opens. */
  needsSave: boolean;
}

function initialDraft(note: TNote, userId: string): InitialDraft {
  pruneLocalDrafts();
  const server = serverDraft(note);
  const local = readLocalDraft(note.id);
  const decision = decideRestore({
    local,
    userId,
    server: { version: note.version, updatedAt: note.updatedAt, status: note.status, draft: server },
  });
  if (decision.action === 'discard') removeLocalDraft(note.id);
  if (decision.action === 'restore' && local)
    return { draft: local.draft, restored: true, rebased: decision.rebased, needsSave: true };
  const editable = note.status === 'draft' || note.status === 'returned';
  const content = editable ? applyDefaults(note.definition, server.content) : server.content;
  // Defaults filled in (an all-normal mental status exam) count as a change to save.
  return { draft: { ...server, content }, restored: false, rebased: false, needsSave: content !== server.content };
}

import type { TGroupNote, TNote, TNoteContent } from '@hearth/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { groupNoteKeys, saveGroupNote, type TSaveGroupNote } from '../api/group-notes';
import { contentForSave } from '../notes/editor/content-save';
import { encounterForSave, toEncounterDraft } from '../notes/editor/encounter-model';
import type { SaveState } from '../notes/editor/useNoteDraft';
import { applyDefaults } from '../notes/form/field-values';
import { followMembers, placeErrors, type GroupErrors, type MemberDraft } from './group-note-model';

const DEBOUNCE_MS = 1500;
const RETRY_MS = 10_000;

/** A member note the group note can still change (one signed on its own is left as it is). */
export const isEditableMember = (n: TNote) => n.status === 'draft' || n.status === 'returned';

const memberDraft = (n: TNote): MemberDraft => ({
  encounter: toEncounterDraft(n.encounter),
  content: applyDefaults(n.definition, n.content, 'member'),
});

/** The editable copy on opening, and which parts the defaults changed (those count as changes to save). */
function initialDraft(group: TGroupNote): { draft: Draft; dirtyShared: boolean; dirtyMembers: string[] } {
  const shared = applyDefaults(group.definition, group.sharedContent, 'shared');
  const members: Record<string, MemberDraft> = {};
  const dirtyMembers: string[] = [];
  for (const n of group.members.filter(isEditableMember)) {
    members[n.id] = memberDraft(n);
    if (members[n.id]!.content !== n.content) dirtyMembers.push(n.id);
  }
  const editable = group.status === 'draft';
  return { draft: { shared, members }, dirtyShared: editable && shared !== group.sharedContent, dirtyMembers: editable ? dirtyMembers : [] };
}

const noErrors = (): GroupErrors => ({ shared: {}, members: {}, general: [] });

interface Draft {
  shared: TNoteContent;
  members: Record<string, MemberDraft>;
}

/**
 * The editable group note with autosave, like a single note's: each change is sent 1.5 s after typing
 * stops (PUT with the group note's version and each changed member note's version). Only what changed
 * is sent: the shared sections when they changed, and the members whose part changed. Offline, it
 * retries; a version conflict stops saving and asks for a reload.
 */
export function useGroupNoteDraft(group: TGroupNote) {
  const qc = useQueryClient();
  const [server, setServer] = useState<TGroupNote>(group);
  const [init] = useState(() => initialDraft(group));
  const [draft, setDraft] = useState<Draft>(init.draft);
  const [state, setState] = useState<SaveState>('saved');
  const [errors, setErrors] = useState<GroupErrors>(noErrors);
  const [message, setMessage] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);

  const draftRef = useRef(draft);
  const version = useRef(group.version);
  const memberVersions = useRef(new Map(group.members.map((m) => [m.id, m.version])));
  const dirtyShared = useRef(init.dirtyShared);
  const dirtyMembers = useRef(new Set(init.dirtyMembers));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(false);

  const pending = () => dirtyShared.current || dirtyMembers.current.size > 0;

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (stopped.current || !pending()) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const d = draftRef.current;
    const sentShared = dirtyShared.current;
    const sentIds = [...dirtyMembers.current].filter((id) => d.members[id] && memberVersions.current.has(id));
    dirtyShared.current = false;
    dirtyMembers.current = new Set();
    const body: TSaveGroupNote = {
      version: version.current,
      ...(sentShared ? { sharedContent: contentForSave(group.definition, d.shared) } : {}),
      members: sentIds.map((id) => ({
        noteId: id,
        version: memberVersions.current.get(id)!,
        encounter: encounterForSave(d.members[id]!.encounter),
        content: contentForSave(group.definition, d.members[id]!.content),
      })),
    };
    setState('saving');
    const run = (async () => {
      try {
        const saved = await saveGroupNote(group.id, body);
        version.current = saved.version;
        memberVersions.current = new Map(saved.members.map((m) => [m.id, m.version]));
        // Members marked present since join with the server's copy; those marked absent leave.
        const members = followMembers(draftRef.current.members, saved.members.filter(isEditableMember), (n) => {
          dirtyMembers.current.add(n.id);
          return memberDraft(n);
        });
        draftRef.current = { ...draftRef.current, members };
        setDraft(draftRef.current);
        setServer(saved);
        qc.setQueryData(groupNoteKeys.one(group.id), saved);
        setLastSavedAt(new Date());
        setErrors(noErrors());
        setMessage(null);
        setState(pending() ? 'dirty' : 'saved');
        if (pending()) timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
      } catch (e) {
        // What was not saved is sent again with the next save.
        if (sentShared) dirtyShared.current = true;
        for (const id of sentIds) dirtyMembers.current.add(id);
        if (!(e instanceof ApiError)) {
          setState('error');
          setMessage(userMessageFor(e));
        } else if (e.status === 0) {
          setState('offline');
          timer.current = setTimeout(() => void save(), RETRY_MS);
        } else if (e.status === 409) {
          stopped.current = true;
          setState(e.problem.reason === 'locked' ? 'locked' : 'conflict');
          setMessage(e.userMessage);
        } else {
          setState('error');
          setMessage(e.userMessage);
          setErrors(placeErrors(e.fieldErrors, sentIds));
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
  }, [group.id, group.definition, qc]);

  const schedule = useCallback(() => {
    setState((s) => (s === 'offline' || s === 'saving' ? s : 'dirty'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  const updateShared = useCallback(
    (content: TNoteContent) => {
      if (stopped.current) return;
      draftRef.current = { ...draftRef.current, shared: content };
      dirtyShared.current = true;
      setDraft(draftRef.current);
      schedule();
    },
    [schedule],
  );

  const updateMember = useCallback(
    (noteId: string, fn: (m: MemberDraft) => MemberDraft) => {
      const cur = draftRef.current.members[noteId];
      if (stopped.current || !cur) return;
      draftRef.current = { ...draftRef.current, members: { ...draftRef.current.members, [noteId]: fn(cur) } };
      dirtyMembers.current.add(noteId);
      setDraft(draftRef.current);
      schedule();
    },
    [schedule],
  );

  /** Saves now (Ctrl+S, before signing); true when the server has every change. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5; i++) {
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (stopped.current || !pending()) break;
      const before = version.current;
      await save();
      if (version.current === before) break; // the save failed: the state says why
    }
    return !stopped.current && !pending();
  }, [save]);

  // Defaults filled in on opening (an all-normal mental status exam) are saved at once; the
  // connection coming back retries at once.
  useEffect(() => {
    if (init.dirtyShared || init.dirtyMembers.length) void save();
    const online = () => void save();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [init, save]);

  /** After signing: the server's group note is the one to show. */
  const replace = useCallback((g: TGroupNote) => {
    stopped.current = g.status === 'signed';
    version.current = g.version;
    memberVersions.current = new Map(g.members.map((m) => [m.id, m.version]));
    setServer(g);
  }, []);

  return {
    server,
    draft,
    updateShared,
    updateMember,
    flush,
    replace,
    state,
    errors,
    message,
    lastSavedAt,
    unsaved: state !== 'saved' && state !== 'locked',
    version: () => version.current,
  };
}

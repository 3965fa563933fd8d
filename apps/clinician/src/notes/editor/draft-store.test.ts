import { describe, expect, it } from 'vitest';
import {
  canonical,
  decideRestore,
  draftKey,
  pruneLocalDrafts,
  clearLocalDrafts,
  readLocalDraft,
  writeLocalDraft,
  type DraftPayload,
  type LocalDraft,
} from './draft-store';

const USER = 'u-1';
const base: DraftPayload = {
  encounter: { serviceDate: '2027-03-15', startTime: '15:00', endTime: '15:53' },
  content: { data: { notes: 'Reports better sleep' } },
  enabledSections: [],
};
const edited: DraftPayload = { ...base, content: { data: { notes: 'Reports better sleep and appetite' } } };
const local = (over: Partial<LocalDraft> = {}): LocalDraft => ({
  v: 1,
  userId: USER,
  baseVersion: 3,
  editedAt: '2027-03-15T21:05:00.000Z',
  draft: edited,
  ...over,
});
const server = (over: Partial<{ version: number; updatedAt: string; status: 'draft' | 'returned' | 'signed' | 'pending_cosign'; draft: DraftPayload }> = {}) => ({
  version: 3,
  updatedAt: '2027-03-15T21:04:00.000Z',
  status: 'draft' as const,
  draft: base,
  ...over,
});

describe('decideRestore', () => {
  it('does nothing without a kept copy, or with another user’s', () => {
    expect(decideRestore({ local: null, userId: USER, server: server() })).toEqual({ action: 'none' });
    expect(decideRestore({ local: local({ userId: 'someone-else' }), userId: USER, server: server() })).toEqual({ action: 'none' });
  });

  it('restores edits made on the server’s current version (the save never arrived)', () => {
    expect(decideRestore({ local: local(), userId: USER, server: server() })).toEqual({ action: 'restore', rebased: false });
    // Even when this device's clock is behind the server's.
    expect(decideRestore({ local: local({ editedAt: '2020-01-01T00:00:00Z' }), userId: USER, server: server() })).toEqual({
      action: 'restore',
      rebased: false,
    });
  });

  it('restores edits made later than a newer server save, on top of it', () => {
    const d = decideRestore({ local: local({ baseVersion: 2 }), userId: USER, server: server({ version: 3 }) });
    expect(d).toEqual({ action: 'restore', rebased: true });
  });

  it('drops the kept copy when the server has newer work', () => {
    const d = decideRestore({
      local: local({ baseVersion: 2, editedAt: '2027-03-15T20:00:00Z' }),
      userId: USER,
      server: server({ version: 3 }),
    });
    expect(d).toEqual({ action: 'discard', reason: 'server_newer' });
  });

  it('drops a copy identical to the server’s, whatever the key order', () => {
    const same: DraftPayload = { enabledSections: [], content: base.content, encounter: { endTime: '15:53', startTime: '15:00', serviceDate: '2027-03-15' } };
    expect(decideRestore({ local: local({ draft: same }), userId: USER, server: server() })).toEqual({ action: 'discard', reason: 'same' });
  });

  it('drops the copy of a note that is signed or awaiting co-signature, but keeps it for a returned one', () => {
    expect(decideRestore({ local: local(), userId: USER, server: server({ status: 'signed' }) })).toEqual({ action: 'discard', reason: 'locked' });
    expect(decideRestore({ local: local(), userId: USER, server: server({ status: 'pending_cosign' }) })).toEqual({
      action: 'discard',
      reason: 'locked',
    });
    expect(decideRestore({ local: local(), userId: USER, server: server({ status: 'returned' }) }).action).toBe('restore');
  });
});

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('kept drafts', () => {
  it('are keyed by the note id only and read back', () => {
    const s = new MemoryStorage();
    expect(draftKey('n-1')).toBe('hearth.noteDraft.n-1');
    expect(writeLocalDraft('n-1', local(), s)).toBe(true);
    expect(readLocalDraft('n-1', s)).toEqual(local());
    s.setItem(draftKey('n-2'), '{not json');
    expect(readLocalDraft('n-2', s)).toBeNull();
  });

  it('older than two weeks are pruned, newer ones kept', () => {
    const s = new MemoryStorage();
    writeLocalDraft('old', local({ editedAt: '2027-01-01T00:00:00Z' }), s);
    writeLocalDraft('new', local({ editedAt: '2027-03-10T00:00:00Z' }), s);
    s.setItem('hearth.other', 'x');
    pruneLocalDrafts(Date.parse('2027-03-15T00:00:00Z'), s);
    expect(readLocalDraft('old', s)).toBeNull();
    expect(readLocalDraft('new', s)).not.toBeNull();
    expect(s.getItem('hearth.other')).toBe('x');
  });

  it('are all removed at an explicit sign-out, leaving other keys alone', () => {
    const s = new MemoryStorage();
    writeLocalDraft('a', local(), s);
    writeLocalDraft('b', local(), s);
    s.setItem('hearth.other', 'x');
    clearLocalDrafts(s);
    expect(readLocalDraft('a', s)).toBeNull();
    expect(readLocalDraft('b', s)).toBeNull();
    expect(s.getItem('hearth.other')).toBe('x');
  });

  it('compare by canonical JSON (sorted keys, undefined left out)', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});

import type { TNoteSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditNotes } from './extras-audit.js';
import { searchNotePage } from './search.repo.js';
import { toNoteSummary } from './queue-view.js';

export interface NoteSearch {
  q: string;
  authorId?: string;
  patientId?: string;
  page: number;
  pageSize: number;
}

/**
 * Full-text search over notes the reader may read, with the rule of opening one: by default the
 * reader's own notes; with `authorId`, that author's notes for patients on the reader's caseload
 * (canAccessPatient: the reader's care teams and their supervisees'), their unsigned ones only for
 * their supervisor. The content, its addenda and a group session's shared sections are searched.
 * Ranked, with a plain-text snippet marking the matches with « and ». The terms may hold PHI: they
 * arrive in the body (never the URL) and the audit row records how many notes were shown, never what
 * was asked.
 */
export async function searchNotes(deps: Deps, actor: Actor, s: NoteSearch, ip: string) {
  const now = deps.clock.now();
  // canAccessPatient: an API token reads clinical content only with patients.read_all; people by caseload.
  const tokenSeesAll = actor.kind === 'token' && actor.permissions.has('patients.read_all');
  const { rows, total } = actor.kind === 'token' && !tokenSeesAll
    ? { rows: [], total: 0 }
    : await searchNotePage(deps.db, s.q, {
      readerId: actor.userId, authorId: s.authorId ?? actor.userId, patientId: s.patientId ?? null, caseload: tokenSeesAll ? 'all' : 'care_team',
    }, now, s.pageSize, (s.page - 1) * s.pageSize);
  await auditNotes(deps.db, actor, ip, now, { action: 'note.search', patientId: s.patientId ?? null, detail: { count: rows.length } });
  const items: (TNoteSummary & { snippet: string })[] = rows.map((r) => ({ ...toNoteSummary(r), snippet: r.snippet ?? '' }));
  return { items, page: s.page, pageSize: s.pageSize, total };
}

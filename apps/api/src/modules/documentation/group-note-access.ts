import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { isFacilitator, loadGroupNote, type GroupNoteRow } from './group-notes.repo.js';

// Who may read and write a group note. A group's facilitators need not be on each member's care
// team (a group often has members from other clinicians' caseloads), so facilitating the group is
// the grant: a facilitator with clinical.write writes the session's group note and, through it, its
// member notes (as their author, they keep sight of those notes). The grant covers the group note
// only: it opens no member's chart. Readers: the author, the author's supervisor (who co-signs an
// associate's member notes) and the group's other facilitators (who see signed member notes only:
// unsigned ones are the author's work in progress). Anyone else gets the same 404 as an unknown id.

export const groupNoteNotFound = () => new DomainError('not_found', 'Group note was not found.');

export type GroupReader = 'author' | 'supervisor' | 'facilitator';

export async function readerOf(q: Queryable, actor: Actor, row: GroupNoteRow): Promise<GroupReader | null> {
  if (actor.kind !== 'user' || !actor.permissions.has('clinical.read')) return null;
  if (row.author_id === actor.userId) return 'author';
  if (row.author_supervisor_id === actor.userId) return 'supervisor';
  return (await isFacilitator(q, row.group_id, actor.userId)) ? 'facilitator' : null;
}

/** The group note and how the actor reads it; not found when they may not. */
export async function loadReadableGroupNote(q: Queryable, actor: Actor, id: string): Promise<{ row: GroupNoteRow; reader: GroupReader }> {
  const row = await loadGroupNote(q, id);
  const reader = row ? await readerOf(q, actor, row) : null;
  if (!row || !reader) throw groupNoteNotFound();
  return { row, reader };
}

/** The group note locked for a change by its author (not found for non-readers, 403 for other readers). */
export async function loadGroupNoteForAuthor(q: Queryable, actor: Actor, id: string, doing: string): Promise<GroupNoteRow> {
  const row = await loadGroupNote(q, id, true);
  if (!row || !(await readerOf(q, actor, row))) throw groupNoteNotFound();
  if (row.author_id !== actor.userId) throw new DomainError('forbidden', `Only the group note's author can ${doing} it.`);
  if (row.status === 'signed') throw new DomainError('conflict', 'This group note is signed; correct a member note with an addendum.', [], { reason: 'locked' });
  return row;
}

export function requireGroupVersion(row: GroupNoteRow, version: number): void {
  if (row.version !== version) throw new DomainError('conflict', 'Someone else changed this group note since you opened it. Reload to see their changes.');
}

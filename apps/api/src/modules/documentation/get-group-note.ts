import type { TGroupNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import { auditNotes } from './extras-audit.js';
import { loadReadableGroupNote } from './group-note-access.js';
import { groupNoteView } from './group-note-view.js';
import { groupNoteIdForSession } from './group-notes.repo.js';

/** Reads a group note the actor may read, auditing one read per member note shown (each is a patient's record). */
async function readGroupNote(q: Queryable, actor: Actor, id: string, now: Date, ip: string): Promise<TGroupNote> {
  const { row, reader } = await loadReadableGroupNote(q, actor, id);
  const view = await groupNoteView(q, row, reader);
  for (const m of view.members) {
    await auditNotes(q, actor, ip, now, { action: 'note.read', resourceId: m.id, patientId: m.patientId, detail: { status: m.status, groupNoteId: row.id } });
  }
  await auditNotes(q, actor, ip, now, { action: 'group_note.read', resourceType: 'GroupNote', resourceId: row.id, detail: { members: view.members.length, status: row.status } });
  return view;
}

export async function getGroupNote(deps: Deps, actor: Actor, id: string, ip: string): Promise<TGroupNote> {
  const now = deps.clock.now();
  return deps.db.tx((q) => readGroupNote(q, actor, id, now, ip));
}

/** The group note of a group session, or 404 when there is none the reader may read. */
export async function groupNoteForAppointment(deps: Deps, actor: Actor, appointmentId: string, ip: string): Promise<TGroupNote> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const id = await groupNoteIdForSession(q, appointmentId);
    if (!id) throw new DomainError('not_found', 'This session has no group note you can see.');
    try {
      return await readGroupNote(q, actor, id, now, ip);
    } catch (e) {
      // Same answer whether there is no group note or one the reader may not read.
      if (e instanceof DomainError && e.code === 'not_found') throw new DomainError('not_found', 'This session has no group note you can see.');
      throw e;
    }
  });
}

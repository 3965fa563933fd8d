import type { TNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { knownInterventionCodes } from './interventions.js';
import { auditNote, loadVisibleNote } from './note-access.js';
import { toNote } from './note-view.js';
import { listAddenda, listSignatures, loadSigner, type NoteRow } from './notes.repo.js';
import { signingGaps } from './signing.js';

/** The full note view of a loaded row: signatures, addenda beneath, and (while unsigned) what blocks signing. */
export async function noteView(q: Queryable, row: NoteRow): Promise<TNote> {
  const signatures = await listSignatures(q, row.id);
  const addenda = await listAddenda(q, row.id);
  const unsigned = row.status === 'draft' || row.status === 'returned';
  const missing = unsigned ? await signingGaps(q, row, await loadSigner(q, row.author_id), await knownInterventionCodes(q)) : [];
  return toNote(row, signatures, addenda, missing);
}

/** The note if the actor may see it (not found otherwise), without an audit row (callers audit their own action). */
export async function noteDetails(q: Queryable, actor: Actor, id: string): Promise<TNote> {
  return noteView(q, await loadVisibleNote(q, actor, id));
}

/** A note as its reader sees it; every read is audited. */
export async function getNote(deps: Deps, actor: Actor, id: string, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  const note = await noteDetails(db, actor, id);
  await auditNote(db, actor, ip, clock.now(), { action: 'note.read', noteId: id, patientId: note.patientId, detail: { status: note.status } });
  return note;
}

import type { TNote, TReturnNoteRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { newId } from '../../platform/ids.js';
import { auditNote } from './note-access.js';
import { insertSignature, loadSigner, markReturned } from './notes.repo.js';
import { pendingForSupervisor } from './cosign-note.js';
import { noteDetails } from './get-note.js';

/**
 * The supervisor returns an associate's note with a comment: it goes back to the author, editable,
 * to be signed again. The author's signature and the return (with the comment) stay in the note's
 * signature history.
 */
export async function returnNote(deps: Deps, actor: Actor, id: string, body: TReturnNoteRequest, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  const now = clock.now();
  await db.tx(async (q) => {
    const row = await pendingForSupervisor(q, actor, id, body.version, 'return');
    const signer = (await loadSigner(q, actor.userId))!;
    await insertSignature(q, {
      id: newId(), noteId: id, kind: 'returned', userId: actor.userId, signerName: signer.name, credentials: signer.credentials, at: now,
      hash: row.content_hash!, comment: body.comment,
    });
    await markReturned(q, id, now);
    // The comment is clinical text: the audit row records that one was written, not what it says.
    await auditNote(q, actor, ip, now, { action: 'note.return', noteId: id, patientId: row.patient_id, detail: { status: 'returned', commentLength: body.comment.length } });
  });
  return noteDetails(db, actor, id);
}

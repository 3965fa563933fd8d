import type { TAddendumRequest, TNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient } from '../patients/index.js';
import { addendumHash } from './domain/content-hash.js';
import { auditNote, loadVisibleNote, noteNotFound } from './note-access.js';
import { insertAddendum, loadSigner } from './notes.repo.js';
import { noteDetails } from './get-note.js';

/**
 * A correction or late addition to a signed note (final or awaiting co-signature), by a clinician
 * who may write for the patient: signed and dated, hashed together with the note's own hash, and
 * shown beneath the note. The note itself never changes.
 */
export async function addAddendum(deps: Deps, actor: Actor, id: string, body: TAddendumRequest, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  const now = clock.now();
  await db.tx(async (q) => {
    const row = await loadVisibleNote(q, actor, id, { lock: true });
    // Writing needs the patient on the writer's caseload, not only sight of the note.
    if (!(await canAccessPatient(q, actor, row.patient_id, 'clinical'))) throw noteNotFound();
    if (row.status !== 'signed' && row.status !== 'pending_cosign') {
      throw new DomainError('conflict', 'This note is not signed yet: edit the note itself instead of adding an addendum.');
    }
    const signer = await loadSigner(q, actor.userId);
    if (!signer) throw new DomainError('forbidden', 'Only a staff member can sign an addendum.');
    const addendumId = newId();
    const signedAt = now.toISOString();
    const hash = addendumHash({ noteId: id, noteContentHash: row.content_hash, authorId: actor.userId, reason: body.reason, body: body.body, signedAt });
    await insertAddendum(q, { id: addendumId, noteId: id, authorId: actor.userId, signerName: signer.name, credentials: signer.credentials, reason: body.reason, body: body.body, at: now, hash });
    await auditNote(q, actor, ip, now, { action: 'note.addendum', noteId: id, patientId: row.patient_id, detail: { addendumId, reason: body.reason } });
  });
  return noteDetails(db, actor, id);
}

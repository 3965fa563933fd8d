import type { TNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { auditNote, loadVisibleNote, requireVersion } from './note-access.js';
import { insertSignature, loadSigner, markCosigned, type NoteRow } from './notes.repo.js';
import { finalizeInTx, hashOf } from './signing.js';
import { noteDetails } from './get-note.js';

/**
 * The note awaiting the actor's co-signature, locked: never one's own, only by the supervisor
 * named on it, and only while it waits (409 otherwise, e.g. when already co-signed or returned).
 */
export async function pendingForSupervisor(q: Queryable, actor: Actor, id: string, version: number, doing: string): Promise<NoteRow> {
  const row = await loadVisibleNote(q, actor, id, { lock: true });
  if (row.author_id === actor.userId) throw new DomainError('forbidden', `You cannot ${doing} your own note.`);
  if (row.status === 'pending_cosign' && row.supervisor_id !== actor.userId) throw new DomainError('forbidden', `Only the supervisor named on this note can ${doing} it.`);
  if (row.status !== 'pending_cosign') throw new DomainError('conflict', 'This note is not awaiting co-signature.');
  requireVersion(row, version);
  return row;
}

/**
 * The supervisor co-signs an associate's note: a co-signature over the same content hash makes it
 * final (finalized_at) and completes its appointment, in one transaction.
 */
export async function cosignNote(deps: Deps, actor: Actor, id: string, body: { version: number }, ip: string): Promise<TNote> {
  const { db, clock } = deps;
  const now = clock.now();
  await db.tx(async (q) => {
    const row = await pendingForSupervisor(q, actor, id, body.version, 'co-sign');
    const hash = hashOf(row);
    // The note is locked while pending; a different hash means it changed outside the API.
    if (hash !== row.content_hash) throw new DomainError('conflict', 'This note changed since its author signed it; it cannot be co-signed.');
    const signer = (await loadSigner(q, actor.userId))!;
    await markCosigned(q, id, now);
    await insertSignature(q, { id: newId(), noteId: id, kind: 'cosign', userId: actor.userId, signerName: signer.name, credentials: signer.credentials, at: now, hash, comment: null });
    await finalizeInTx(q, actor, row, now, ip);
    await auditNote(q, actor, ip, now, { action: 'note.cosign', noteId: id, patientId: row.patient_id, detail: { status: 'signed' } });
  });
  return noteDetails(db, actor, id);
}

import type { TNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isLateEntry } from './domain/overdue.js';
import { knownInterventionCodes } from './interventions.js';
import { auditNote, loadVisibleNote, requireAuthor, requireVersion } from './note-access.js';
import { noteDueAt } from './note-view.js';
import { insertSignature, loadSigner, markSigned } from './notes.repo.js';
import { finalizeInTx, hashOf, signingGaps } from './signing.js';
import { noteDetails } from './get-note.js';

/**
 * The author signs, in the caller's transaction: every required element must be there (each gap
 * named in one 400), the signature records name, credentials, time and content hash, and the
 * note locks. An associate's note waits for their supervisor's co-signature; anyone else's is
 * final at once and completes its appointment. Signed after the note was due: a late entry.
 */
export async function signNoteInTx(q: Queryable, actor: Actor, noteId: string, o: { version?: number; now: Date; ip: string }): Promise<{ status: 'signed' | 'pending_cosign'; lateEntry: boolean }> {
  const row = await loadVisibleNote(q, actor, noteId, { lock: true });
  requireAuthor(actor, row, 'sign');
  if (row.status === 'signed' || row.status === 'pending_cosign') throw new DomainError('conflict', 'This note is already signed.');
  if (o.version !== undefined) requireVersion(row, o.version);
  const signer = await loadSigner(q, actor.userId);
  const gaps = await signingGaps(q, row, signer, await knownInterventionCodes(q));
  if (gaps.length) {
    throw new DomainError('validation', `The note cannot be signed yet. ${gaps.map((g) => g.message).join('; ')}.`.slice(0, 1000), gaps);
  }
  const hash = hashOf(row);
  const lateEntry = isLateEntry(o.now, noteDueAt(row));
  const cosign = !!signer?.is_associate;
  const status = cosign ? 'pending_cosign' : 'signed';
  await markSigned(q, noteId, { status, hash, lateEntry, cosignRequired: cosign, supervisorId: cosign ? signer!.supervisor_id : null, now: o.now });
  await insertSignature(q, { id: newId(), noteId, kind: 'author', userId: actor.userId, signerName: signer!.name, credentials: signer!.credentials, at: o.now, hash, comment: null });
  if (!cosign) await finalizeInTx(q, actor, row, o.now, o.ip);
  await auditNote(q, actor, o.ip, o.now, { action: 'note.sign', noteId, patientId: row.patient_id, detail: { status, lateEntry, cosignRequired: cosign } });
  return { status, lateEntry };
}

export async function signNote(deps: Deps, actor: Actor, id: string, body: { version: number }, ip: string): Promise<TNote> {
  const now = deps.clock.now();
  await deps.db.tx((q) => signNoteInTx(q, actor, id, { version: body.version, now, ip }));
  return noteDetails(deps.db, actor, id);
}

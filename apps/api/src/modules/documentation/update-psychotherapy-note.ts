import type { z } from 'zod';
import type { ZUpdatePsychotherapyNoteRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditPsychotherapy, auditRefused, authorIdOf, noteNotFound, toPsychotherapyNote, type TPsychotherapyNote } from './psychotherapy-access.js';
import { loadOwnPsychotherapyNote, updatePsychotherapyNoteBody } from './psychotherapy.repo.js';

export type TUpdatePsychotherapyNoteRequest = z.infer<typeof ZUpdatePsychotherapyNoteRequest>;

/** The author rewrites their note, if nobody (another tab of theirs) saved it since `version`. */
export async function updatePsychotherapyNote(deps: Deps, actor: Actor, id: string, input: TUpdatePsychotherapyNoteRequest, ip: string): Promise<TPsychotherapyNote> {
  const { db, clock } = deps;
  const now = clock.now();
  const authorId = authorIdOf(actor);
  const cur = authorId ? await loadOwnPsychotherapyNote(db, id, authorId) : null;
  if (!authorId || !cur) {
    await auditRefused(db, actor, ip, now, 'psychotherapy_note.update', id);
    throw noteNotFound();
  }
  const conflict = () => new DomainError('conflict', 'This psychotherapy note was saved elsewhere since you opened it. Reload to see that version.');
  if (cur.version !== input.version) throw conflict();
  const row = await db.tx(async (q) => {
    const r = await updatePsychotherapyNoteBody(q, id, authorId, input.version, input.body, now);
    if (!r) throw conflict();
    await auditPsychotherapy(q, actor, ip, now, { action: 'psychotherapy_note.update', resourceId: id, patientId: r.patient_id, detail: { version: r.version } });
    return r;
  });
  return toPsychotherapyNote(row);
}

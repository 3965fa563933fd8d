import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditPsychotherapy, auditRefused, authorIdOf, noteNotFound, toPsychotherapyNote, type TPsychotherapyNote } from './psychotherapy-access.js';
import { loadOwnPsychotherapyNote } from './psychotherapy.repo.js';

/**
 * One psychotherapy note, for its author only. Anyone else (administrators, supervisors, the
 * patient's other clinicians, API tokens) gets the same "not found" as for an id that names no note:
 * there is no override and no emergency access.
 */
export async function getPsychotherapyNote(deps: Deps, actor: Actor, id: string, ip: string): Promise<TPsychotherapyNote> {
  const { db, clock } = deps;
  const now = clock.now();
  const authorId = authorIdOf(actor);
  const row = authorId ? await loadOwnPsychotherapyNote(db, id, authorId) : null;
  if (!row) {
    await auditRefused(db, actor, ip, now, 'psychotherapy_note.read', id);
    throw noteNotFound();
  }
  await auditPsychotherapy(db, actor, ip, now, { action: 'psychotherapy_note.read', resourceId: id, patientId: row.patient_id });
  return toPsychotherapyNote(row);
}

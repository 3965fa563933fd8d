import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditPsychotherapy, authorIdOf, toPsychotherapyNote, type TPsychotherapyNote } from './psychotherapy-access.js';
import { listOwnPsychotherapyNotes } from './psychotherapy.repo.js';

/**
 * The reader's own psychotherapy notes about one patient, newest session first. Nobody sees anyone
 * else's: for every other reader the list is simply empty, so it reveals neither whether a colleague
 * keeps such notes nor how many.
 */
export async function listPsychotherapyNotes(
  deps: Deps,
  actor: Actor,
  query: { patientId: string; page: number; pageSize: number },
  ip: string,
): Promise<{ items: TPsychotherapyNote[]; page: number; pageSize: number; total: number }> {
  const { db, clock } = deps;
  const authorId = authorIdOf(actor);
  const { rows, total } = authorId
    ? await listOwnPsychotherapyNotes(db, authorId, query.patientId, query.pageSize, (query.page - 1) * query.pageSize)
    : { rows: [], total: 0 };
  await auditPsychotherapy(db, actor, ip, clock.now(), {
    action: 'psychotherapy_note.list', patientId: query.patientId, detail: { count: rows.length, page: query.page, noteIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(toPsychotherapyNote), page: query.page, pageSize: query.pageSize, total };
}

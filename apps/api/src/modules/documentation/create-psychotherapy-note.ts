import type { z } from 'zod';
import type { ZCreatePsychotherapyNoteRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canAccessPatient, practiceToday } from '../patients/index.js';
import { auditPsychotherapy, authorIdOf, toPsychotherapyNote, type TPsychotherapyNote } from './psychotherapy-access.js';
import { appointmentDateForPatient, insertPsychotherapyNote, patientExists } from './psychotherapy.repo.js';

export type TCreatePsychotherapyNoteRequest = z.infer<typeof ZCreatePsychotherapyNoteRequest>;

/**
 * A clinician writes a psychotherapy (process) note about a patient on their caseload, optionally
 * for one of the patient's sessions. The note is theirs alone: it is kept apart from the record and
 * nobody else, whatever their role, can read it.
 */
export async function createPsychotherapyNote(deps: Deps, actor: Actor, input: TCreatePsychotherapyNoteRequest, ip: string): Promise<TPsychotherapyNote> {
  const { db, clock } = deps;
  const now = clock.now();
  const authorId = authorIdOf(actor);
  if (!authorId) throw new DomainError('forbidden', 'Psychotherapy notes are written by their author in person; an API token cannot write them.');
  // Unknown and not-on-your-caseload read the same, so patient ids cannot be probed.
  if (!(await patientExists(db, input.patientId)) || !(await canAccessPatient(db, actor, input.patientId, 'clinical'))) {
    throw new DomainError('validation', 'patientId: was not found, or is not on your caseload', [{ field: 'patientId', message: 'was not found, or is not on your caseload' }]);
  }
  const issues: FieldIssue[] = [];
  const appointmentDate = input.appointmentId ? await appointmentDateForPatient(db, input.appointmentId, input.patientId) : null;
  if (input.appointmentId && !appointmentDate) {
    issues.push({ field: 'appointmentId', message: 'was not found, or is not an appointment of this patient' });
  } else if (appointmentDate && appointmentDate !== input.sessionDate) {
    issues.push({ field: 'sessionDate', message: 'must be the date of the appointment' });
  } else if (!appointmentDate && input.sessionDate > (await practiceToday(db, now))) {
    // (A session linked by its appointment carries its own zone's date, which may be ahead of the practice's.)
    issues.push({ field: 'sessionDate', message: 'cannot be in the future' });
  }
  if (issues.length) throw new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; '), issues);

  const row = await db.tx(async (q) => {
    const r = await insertPsychotherapyNote(q, {
      id: newId(), authorId, patientId: input.patientId, appointmentId: input.appointmentId ?? null, sessionDate: input.sessionDate, body: input.body, at: now,
    });
    await auditPsychotherapy(q, actor, ip, now, {
      action: 'psychotherapy_note.create', resourceId: r.id, patientId: input.patientId, detail: { appointmentId: input.appointmentId ?? null },
    });
    return r;
  });
  return toPsychotherapyNote(row);
}

import type { TNoteSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/index.js';
import { auditNote } from './note-access.js';
import { toSummary } from './note-view.js';
import { appointmentNoteSummary, loadAppointmentForNote } from './notes.repo.js';

/**
 * The note started from an appointment (its state for the day's schedule: draft, signed, needs
 * co-signature), or 404 when there is none the reader may see. Group sessions have one note per
 * member, under their group note.
 */
export async function appointmentNote(deps: Deps, actor: Actor, appointmentId: string, ip: string): Promise<TNoteSummary> {
  const { db, clock } = deps;
  const none = () => new DomainError('not_found', 'This appointment has no note you can see.');
  const appt = await loadAppointmentForNote(db, appointmentId);
  if (!appt?.patient_id || !(await canAccessPatient(db, actor, appt.patient_id, 'clinical'))) throw none();
  const row = await appointmentNoteSummary(db, appointmentId, appt.patient_id, actor.userId);
  if (!row) throw none();
  const now = clock.now();
  await auditNote(db, actor, ip, now, { action: 'note.lookup', noteId: row.id, patientId: row.patient_id, detail: { appointmentId, status: row.status } });
  return toSummary(row, now);
}

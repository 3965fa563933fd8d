import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { completeAppointmentForNote } from '../scheduling/index.js';
import { restrictToScopes, validateContent } from './domain/content-rules.js';
import { contentHash } from './domain/content-hash.js';
import { missingElements, type MissingElement } from './domain/required-elements.js';
import { toEncounter } from './note-view.js';
import { groupSharedContent, type NoteRow, type SignerRow } from './notes.repo.js';

// What signing checks and what finalizing does, shared by signing, co-signing and the note view.

/** The co-signature an associate's note needs: a supervisor who can co-sign, or a named gap. */
function supervisorGap(signer: SignerRow | null): MissingElement[] {
  if (!signer?.is_associate) return [];
  if (!signer.supervisor_id) return [{ field: 'supervisor', message: 'Your notes need a co-signature: ask an admin to name your supervisor' }];
  if (!signer.supervisor_can_cosign) return [{ field: 'supervisor', message: 'Your supervisor cannot co-sign notes: ask an admin to check their roles' }];
  return [];
}

/**
 * What still blocks signing, each named: content that no longer fits the template (an intervention
 * since retired), the required elements, and for an associate a supervisor. A group member's note
 * is checked together with its group note's shared sections.
 */
export async function signingGaps(q: Queryable, row: NoteRow, signer: SignerRow | null, interventionCodes: ReadonlySet<string>): Promise<MissingElement[]> {
  const own = row.group_note_id ? restrictToScopes(row.definition, ['note', 'member']) : row.definition;
  const issues = validateContent(own, row.content ?? {}, { interventionCodes });
  const content = row.group_note_id ? { ...(await groupSharedContent(q, row.group_note_id)), ...row.content } : (row.content ?? {});
  const missing = missingElements({ definition: row.definition, billable: row.billable, kind: row.kind, encounter: toEncounter(row), content, enabledSections: row.enabled_sections ?? [] });
  return [...issues, ...missing, ...supervisorGap(signer)];
}

/**
 * The encounter as stored, for hashing: instants rather than local times, so the hash does not
 * depend on a zone setting that may change after signing.
 */
const storedEncounter = (row: NoteRow) => ({
  serviceDate: row.service_date,
  startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
  endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
  psychotherapyMinutes: row.psychotherapy_minutes,
  medicalMinutes: row.medical_minutes,
  placeOfService: row.place_of_service,
  posCode: row.pos_code,
  telehealthMode: row.telehealth_mode,
  patientLocation: row.patient_location,
  participants: row.participants ?? [],
  diagnoses: row.diagnoses ?? [],
});

/**
 * The content hash of a note as stored (what a signature attests; anyone can recompute it). A group
 * member's note attests the session's shared sections too, so they are hashed with the member's own.
 */
export const hashOf = (row: NoteRow): string =>
  contentHash({
    encounter: storedEncounter(row), content: row.group_note_id ? { ...(row.shared_content ?? {}), ...(row.content ?? {}) } : (row.content ?? {}), enabledSections: row.enabled_sections ?? [], templateId: row.template_id,
    templateVersion: row.template_version, patientId: row.patient_id, authorId: row.author_id,
  });

/**
 * A note became final: its appointment is completed in the same transaction (a missed-appointment
 * note documents a session that did not happen, so it leaves the appointment as it is).
 */
export async function finalizeInTx(q: Queryable, actor: Actor, row: NoteRow, now: Date, ip: string): Promise<void> {
  if (row.appointment_id && row.kind !== 'missed_appointment') await completeAppointmentForNote(q, actor, row.appointment_id, now, ip);
}

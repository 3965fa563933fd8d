import type { TNote, TNoteSummary } from '@hearth/contracts';
import type { MissingElement } from './domain/required-elements.js';
import { sessionEnd, toLocal } from './domain/encounter.js';
import { dueAt, isOverdue } from './domain/overdue.js';
import type { AddendumRow, NoteRow, SignatureRow, SummaryRow } from './notes.repo.js';

// Notes as the API shows them. Times are local 'HH:MM' in the note's zone; instants are ISO strings.

const isoOrNull = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The encounter facts of a note (also what its content hash covers). */
export function toEncounter(r: NoteRow): TNote['encounter'] {
  return {
    serviceDate: r.service_date,
    startTime: r.started_at ? toLocal(new Date(r.started_at), r.time_zone).time : null,
    endTime: r.ended_at ? toLocal(new Date(r.ended_at), r.time_zone).time : null,
    timeZone: r.time_zone,
    psychotherapyMinutes: r.psychotherapy_minutes,
    medicalMinutes: r.medical_minutes,
    placeOfService: r.place_of_service,
    posCode: r.pos_code,
    telehealthMode: r.telehealth_mode,
    patientLocation: r.patient_location,
    participants: r.participants ?? [],
    diagnoses: r.diagnoses ?? [],
  };
}

export function toNote(r: NoteRow, signatures: SignatureRow[], addenda: AddendumRow[], missing: MissingElement[]): TNote {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    authorId: r.author_id,
    authorName: r.author_name,
    templateId: r.template_id,
    templateVersion: r.template_version,
    templateName: r.template_name,
    kind: r.kind,
    billable: r.billable,
    status: r.status,
    appointmentId: r.appointment_id,
    groupNoteId: r.group_note_id,
    encounter: toEncounter(r),
    // A group member's note reads as one note: the session's shared sections with the member's own.
    content: r.group_note_id ? { ...(r.shared_content ?? {}), ...(r.content ?? {}) } : (r.content ?? {}),
    enabledSections: r.enabled_sections ?? [],
    carriedForward: r.carried_forward ?? [],
    copiedFrom: r.copied_from,
    cosignRequired: r.cosign_required,
    supervisorId: r.supervisor_id,
    supervisorName: r.supervisor_id ? r.supervisor_name : null,
    lateEntry: r.late_entry,
    contentHash: r.content_hash,
    signedAt: isoOrNull(r.signed_at),
    finalizedAt: isoOrNull(r.finalized_at),
    signatures: signatures.map((s) => ({
      kind: s.kind, userId: s.user_id, signerName: s.signer_name, credentials: s.credentials, signedAt: new Date(s.signed_at).toISOString(),
      contentHash: s.content_hash, comment: s.comment,
    })),
    addenda: addenda.map((a) => ({
      id: a.id, authorId: a.author_id, signerName: a.signer_name, credentials: a.credentials, reason: a.reason, body: a.body,
      signedAt: new Date(a.signed_at).toISOString(), contentHash: a.content_hash,
    })),
    missing,
    definition: r.definition,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

/** When a note is (or was) due: its session's end plus the practice's hours. */
export function noteDueAt(r: { service_date: string; ended_at: Date | null; time_zone: string; overdue_hours: number }): Date {
  return dueAt(sessionEnd(r.service_date, r.ended_at ? new Date(r.ended_at) : null, r.time_zone), r.overdue_hours);
}

export function toSummary(r: SummaryRow, now: Date): TNoteSummary {
  const due = noteDueAt(r);
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    authorId: r.author_id,
    authorName: r.author_name,
    templateName: r.template_name,
    kind: r.kind,
    status: r.status,
    serviceDate: r.service_date,
    appointmentId: r.appointment_id,
    lateEntry: r.late_entry,
    addendaCount: r.addenda_count,
    signedAt: isoOrNull(r.signed_at),
    dueAt: due.toISOString(),
    overdue: isOverdue(r.status, now, due),
  };
}

import type { TNoteSummary } from '@hearth/contracts';
import type { NoteSummaryRow } from './queue.repo.js';

/** A note as a line in a work queue or a search result: who, what, when, and when it is due. */
export function toNoteSummary(r: NoteSummaryRow): TNoteSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    authorId: r.author_id,
    authorName: r.author_name,
    templateName: r.template_name,
    kind: r.kind as TNoteSummary['kind'],
    status: r.status,
    serviceDate: r.service_date,
    appointmentId: r.appointment_id,
    lateEntry: r.late_entry,
    addendaCount: Number(r.addenda_count),
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    dueAt: new Date(r.due_at).toISOString(),
    overdue: r.overdue,
  };
}

import type { TWaitlistEntry } from '@hearth/contracts';
import type { EntryRow } from './waitlist.repo.js';

/** An entry as the API shows it; who the patient is (and the note) only to readers who may see them. */
export function toEntry(r: EntryRow): TWaitlistEntry {
  return {
    id: r.id,
    patientId: r.patient_id,
    patient: r.visible ? { id: r.patient_id, name: r.patient_name, mrn: r.mrn } : null,
    clinicianId: r.clinician_id,
    clinician: r.clinician_id ? { id: r.clinician_id, name: r.clinician_name ?? '' } : null,
    appointmentTypeId: r.appointment_type_id,
    appointmentType: r.appointment_type_id ? { id: r.appointment_type_id, name: r.type_name ?? '' } : null,
    locationId: r.location_id,
    location: r.location_id ? { id: r.location_id, name: r.location_name ?? '' } : null,
    telehealthOk: r.telehealth_ok,
    preferredTimes: (r.preferred_times ?? []).map((t) => ({ weekday: t.weekday, from: t.from, to: t.to })),
    priority: r.priority,
    note: r.visible ? r.note : null,
    addedOn: r.added_on,
    status: r.status,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
  };
}

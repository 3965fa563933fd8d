// The front desk's view of an appointment's reminders, as one SQL expression for the appointment
// list (ZAppointment.confirmation):
//   'confirmed'  the appointment's status is confirmed (by the patient through a reminder link, or
//                by the front desk). Moving an appointment resets a confirmation (the core sets it
//                back to scheduled), so an old confirmation never shows for a new time.
//   'reminded'   a reminder for its current start time was sent (e-mail or SMS), no confirmation yet.
//   'none'       nothing sent yet for the current time (also: every reminder skipped or failed).
// For a group session the expression describes the session; each member's own confirmation is their
// group_attendance line (status 'confirmed').
// Uses the index reminders_once (appointment_id first).

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SQL (text) computing 'confirmed' | 'reminded' | 'none' for the appointments row aliased `alias`. */
export function confirmationSql(alias = 'a'): string {
  if (!ALIAS.test(alias)) throw new Error('confirmationSql: the alias must be a plain SQL identifier');
  return `CASE WHEN ${alias}.status = 'confirmed' THEN 'confirmed'
              WHEN EXISTS (SELECT 1 FROM reminders rmd WHERE rmd.appointment_id = ${alias}.id AND rmd.for_starts_at = ${alias}.starts_at AND rmd.status = 'sent') THEN 'reminded'
              ELSE 'none' END`;
}

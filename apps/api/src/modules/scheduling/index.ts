// The scheduling module's public API for other modules (groups, reminders, patients): booking inside a
// caller's transaction, conflict checks, attendance rules and fees, series endings, and local-time helpers.
export { bookDraft, checkReferences, isSlotTaken, slotTakenError, type BookingDraft } from './book.js';
export { findConflicts } from './conflicts.js';
export { primaryPayer } from './change-status.js';
export { decideStatus } from './domain/attendance-rules.js';
export { attendanceFee } from './domain/fees.js';
export { describeRule, instantToLocal, localToInstant, parseRule, expandLocal, addDays } from './domain/recurrence.js';
export { endSeriesIn, endSeriesOfDischargedPatient } from './end-series.js';
export { insertEvents, loadPolicy, lockAppointment, type EventInput } from './scheduling.repo.js';
export { schedulingRoutes } from './scheduling.routes.js';
export { completeAppointmentForNote } from './complete-from-note.js';

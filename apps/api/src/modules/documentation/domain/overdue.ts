// When a note is due: the practice gives clinicians `note_overdue_hours` after the session ends to
// sign it. Unsigned past that, it is overdue (dashboards); signed past that, it is a late entry.

const HOUR_MS = 3_600_000;

export const UNSIGNED_STATUSES: ReadonlySet<string> = new Set(['draft', 'returned', 'pending_cosign']);

/** The instant the note becomes overdue. */
export function dueAt(sessionEnd: Date, overdueHours: number): Date {
  return new Date(sessionEnd.getTime() + overdueHours * HOUR_MS);
}

/** Unsigned (draft, returned or awaiting co-signature) and past its due time. */
export function isOverdue(status: string, now: Date, due: Date): boolean {
  return UNSIGNED_STATUSES.has(status) && now.getTime() > due.getTime();
}

/** The author signed after the note was due: the note is labelled a late entry. */
export function isLateEntry(signedAt: Date, due: Date): boolean {
  return signedAt.getTime() > due.getTime();
}

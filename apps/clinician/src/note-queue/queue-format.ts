import type { TNoteStatus, TNoteSummary } from '@hearth/contracts';
import type { StatusTone } from '@hearth/ui';

// Words for the note queues: how long until a note is due or how long it has been overdue, and how
// long a note has waited for co-signature. Pure, with `now` passed in, so it is unit-tested.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in the largest unit that reads naturally: "45 min", "5 h", "3 days". */
export function formatSpan(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < HOUR) {
    const m = Math.max(1, Math.round(abs / MINUTE));
    return `${m} min`;
  }
  if (abs < 2 * DAY) return `${Math.floor(abs / HOUR)} h`;
  const d = Math.floor(abs / DAY);
  return `${d} days`;
}

export interface DueDescription {
  text: string;
  tone: StatusTone;
}

/** "Overdue by 2 days" (red), "Due in 5 h" (yellow when under a day), or "Due in 3 days". */
export function describeDue(n: Pick<TNoteSummary, 'dueAt' | 'overdue' | 'status'>, now: Date): DueDescription | null {
  if (!n.dueAt || n.status === 'signed') return null;
  const left = new Date(n.dueAt).getTime() - now.getTime();
  if (n.overdue || left <= 0) return { text: `Overdue by ${formatSpan(-left)}`, tone: 'negative' };
  return { text: `Due in ${formatSpan(left)}`, tone: left < DAY ? 'caution' : 'neutral' };
}

/** How long a note has waited for co-signature, from the author's signature. */
export function waitingFor(signedAt: string | null, now: Date): string {
  if (!signedAt) return '';
  return formatSpan(now.getTime() - new Date(signedAt).getTime());
}

export const STATUS_TONE: Record<TNoteStatus, StatusTone> = {
  draft: 'neutral',
  returned: 'caution',
  pending_cosign: 'info',
  signed: 'positive',
};

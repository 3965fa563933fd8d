import type { TPatientProblem } from '@hearth/contracts';
import type { StatusTone } from '@hearth/ui';
import { ApiError } from '../api/client';

// Pure helpers of the problem list card: order, what is shown by default, and how a failed change
// is explained.

export type TProblemStatus = TPatientProblem['status'];

export const PROBLEM_STATUS_LABELS: Record<TProblemStatus, string> = {
  active: 'Active',
  in_remission: 'In remission',
  resolved: 'Resolved',
  ruled_out: 'Ruled out',
};

export const PROBLEM_STATUS_TONE: Record<TProblemStatus, StatusTone> = {
  active: 'info',
  in_remission: 'positive',
  resolved: 'neutral',
  ruled_out: 'neutral',
};

const ORDER: Record<TProblemStatus, number> = { active: 0, in_remission: 1, resolved: 2, ruled_out: 3 };

/** Only an active problem or one in remission can be the primary diagnosis. */
export const canBePrimary = (s: TProblemStatus) => s === 'active' || s === 'in_remission';

/** Primary first, then active, in remission, resolved, ruled out; newest added first within each. */
export function sortProblems(items: readonly TPatientProblem[]): TPatientProblem[] {
  return [...items].sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) ||
      ORDER[a.status] - ORDER[b.status] ||
      b.addedAt.localeCompare(a.addedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The current problems (active, in remission) and the past ones (resolved, ruled out), each sorted. */
export function splitProblems(items: readonly TPatientProblem[]): { current: TPatientProblem[]; past: TPatientProblem[] } {
  const sorted = sortProblems(items);
  return { current: sorted.filter((p) => canBePrimary(p.status)), past: sorted.filter((p) => !canBePrimary(p.status)) };
}

/** Codes that cannot be added again (already current on the list). */
export const currentCodes = (items: readonly TPatientProblem[]) => items.filter((p) => canBePrimary(p.status)).map((p) => p.code);

/**
 * What to tell someone whose change failed, and whether the list must be reloaded first: a 409
 * without field errors means someone else changed the problem (their version wins); a 409 naming a
 * field is a duplicate diagnosis, which reloading does not fix. A 400 names the input (`field`, with
 * `fieldMessage` to show beside it).
 */
export function explainProblemError(err: unknown): { message: string; reload: boolean; field?: string; fieldMessage?: string } {
  if (err instanceof ApiError && err.status === 409 && err.fieldErrors.length === 0) {
    return { message: 'Someone else changed this problem meanwhile. The list now shows their change; make yours again if it is still needed.', reload: true };
  }
  if (err instanceof ApiError && err.status === 404) {
    return { message: 'This problem is no longer on the list. The list has been reloaded.', reload: true };
  }
  if (err instanceof ApiError && err.fieldErrors.length > 0) {
    const fe = err.fieldErrors[0]!;
    const sentence = fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
    if (err.status === 409) return { message: err.detail ?? sentence, reload: false };
    const what = FIELD_NAMES[fe.field];
    return { message: what ? `${what}: ${fe.message}` : sentence, reload: false, field: fe.field, fieldMessage: sentence };
  }
  return { message: err instanceof ApiError ? err.userMessage : 'Something went wrong. Please try again.', reload: false };
}

const FIELD_NAMES: Record<string, string> = { onsetDate: 'Onset date', isPrimary: 'Primary', code: 'Diagnosis', status: 'Status', comment: 'Comment' };

/** Today as 'YYYY-MM-DD' in this browser's zone (an onset date cannot be later). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

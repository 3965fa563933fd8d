import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/errors.js';
import { auditNotes } from './extras-audit.js';
import { practiceOverdueHours, setPracticeOverdueHours } from './queue.repo.js';

// The practice's documentation policy: how many hours after a session a note may stay unsigned before
// it is overdue (on the dashboards) and, once signed, labelled a late entry. 72 hours unless changed.

const DEFAULT_OVERDUE_HOURS = 72;

export async function getNotesSettings(deps: Deps): Promise<{ noteOverdueHours: number }> {
  return { noteOverdueHours: (await practiceOverdueHours(deps.db))?.hours ?? DEFAULT_OVERDUE_HOURS };
}

export async function updateNotesSettings(deps: Deps, actor: Actor, input: { noteOverdueHours: number }, ip: string): Promise<{ noteOverdueHours: number }> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const cur = await practiceOverdueHours(q, true);
    if (!cur) throw new DomainError('conflict', 'Set up the practice before changing its documentation settings.');
    await setPracticeOverdueHours(q, cur.id, input.noteOverdueHours);
    await auditNotes(q, actor, ip, now, {
      action: 'notes.settings.update', resourceType: 'Practice', resourceId: cur.id,
      detail: { noteOverdueHours: { from: cur.hours, to: input.noteOverdueHours } },
    });
    return { noteOverdueHours: input.noteOverdueHours };
  });
}

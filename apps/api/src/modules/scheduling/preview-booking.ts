import type { TBookingPreview, TBookingRequest } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { draftFromRequest } from './book.js';
import { expandDraft } from './expand-draft.js';
import { instantToLocal } from './domain/recurrence.js';
import { loadPolicy } from './scheduling.repo.js';

/** Every occurrence a booking would create, with its conflicts, so the person can skip or move dates first. Writes nothing. */
export async function previewBooking(deps: Deps, actor: Actor, b: TBookingRequest): Promise<TBookingPreview> {
  const { db } = deps;
  const draft = await draftFromRequest(db, actor, b);
  const x = await expandDraft(db, await loadPolicy(db), draft);
  return {
    timeZone: draft.timeZone,
    description: x.description,
    openEnded: x.openEnded,
    throughDate: x.throughDate,
    occurrences: x.occurrences.map((o) => ({
      occurrence: o.occurrence,
      start: instantToLocal(o.startsAt, draft.timeZone),
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      conflicts: o.conflicts,
    })),
    blockingCount: x.occurrences.filter((o) => o.conflicts.some((c) => c.blocking)).length,
  };
}

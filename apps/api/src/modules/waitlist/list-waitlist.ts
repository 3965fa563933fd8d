import type { TWaitlistEntry } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditWaitlist, visibilityFor } from './waitlist-access.js';
import { listEntries } from './waitlist.repo.js';
import { toEntry } from './waitlist-view.js';

/**
 * The waitlist, open entries first, most urgent and longest waiting first. Everyone who sees
 * schedules sees every entry (what is wanted and since when); the patient's name and the note only
 * where the reader may see that patient. One audit row lists the patients shown by name.
 */
export async function listWaitlist(deps: Deps, actor: Actor, query: { status?: string; page: number; pageSize: number }, ip: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const { rows, total } = await listEntries(db, visibilityFor(actor), query.status ?? null, query.pageSize, (query.page - 1) * query.pageSize);
  await auditWaitlist(db, actor, ip, now, {
    action: 'waitlist.list',
    detail: { status: query.status ?? null, count: rows.length, patientIds: rows.filter((r) => r.visible).map((r) => r.patient_id) },
  });
  const items: TWaitlistEntry[] = rows.map(toEntry);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

import type { TNoteSummary } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { forbidden } from '../../platform/errors.js';
import { auditNotes } from './extras-audit.js';
import { queueCounts, queuePage, type QueueName } from './queue.repo.js';
import { toNoteSummary } from './queue-view.js';

// The reader's note work: their drafts and returned notes, their overdue notes (oldest first), and for
// supervisors the co-signature inbox and their supervisees' overdue notes. A queue lists the notes the
// reader wrote or must co-sign, whoever's caseload the patient is on now: the work is theirs to finish,
// and a line carries dates and names, never note content (opening the note checks access again).

const SUPERVISOR_QUEUES: ReadonlySet<QueueName> = new Set(['cosign_inbox', 'supervisees_overdue']);

export async function listNoteQueue(deps: Deps, actor: Actor, query: { queue: QueueName; page: number; pageSize: number }, ip: string) {
  if (SUPERVISOR_QUEUES.has(query.queue) && !actor.permissions.has('clinical.cosign')) {
    throw forbidden('Only supervisors who co-sign notes have this queue.');
  }
  const now = deps.clock.now();
  const { rows, total } = await queuePage(deps.db, query.queue, actor.userId, now, query.pageSize, (query.page - 1) * query.pageSize);
  await auditNotes(deps.db, actor, ip, now, {
    action: 'note.queue',
    detail: { queue: query.queue, count: rows.length, noteIds: rows.map((r) => r.id), patientIds: [...new Set(rows.map((r) => r.patient_id))] },
  });
  const items: TNoteSummary[] = rows.map(toNoteSummary);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** The home page badges: how many notes wait in each queue (the supervisor ones are 0 for non-supervisors). */
export async function noteQueueCounts(deps: Deps, actor: Actor, ip: string) {
  const now = deps.clock.now();
  const c = await queueCounts(deps.db, actor.userId, now, actor.permissions.has('clinical.cosign'));
  await auditNotes(deps.db, actor, ip, now, { action: 'note.queue', detail: { queue: 'counts', ...c } });
  return { mineUnsigned: c.mine_unsigned, overdue: c.overdue, cosignInbox: c.cosign_inbox, superviseesOverdue: c.supervisees_overdue };
}

import type { Queryable } from '../../platform/db/db.js';
import type { Actor } from '../../platform/auth/actor.js';
import { primaryRole } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { canAccessPatient } from '../patients/index.js';
import { loadNoteRow, type NoteRow } from './notes.repo.js';

// Who may see and change a note. Clinical content needs clinical.read and the patient on the
// reader's caseload (canAccessPatient, which includes supervisees' patients). Unsigned notes are
// the author's work in progress: only the author and the supervisor see them. Anything else reads
// as "not found", the same answer as for an unknown id.

export const noteNotFound = () => new DomainError('not_found', 'Note was not found.');

/** The supervisor of an unsigned note: named on it (once signed), or the author's supervisor today. */
export const isNoteSupervisor = (actor: Actor, row: Pick<NoteRow, 'supervisor_id' | 'author_supervisor_id'>): boolean =>
  row.supervisor_id === actor.userId || row.author_supervisor_id === actor.userId;

export async function canSeeNote(q: Queryable, actor: Actor, row: NoteRow): Promise<boolean> {
  if (!actor.permissions.has('clinical.read')) return false;
  const own = actor.kind === 'user' && row.author_id === actor.userId;
  const supervising = actor.kind === 'user' && isNoteSupervisor(actor, row);
  if (row.status !== 'signed' && !own && !supervising) return false;
  // An author keeps sight of their own notes even after leaving the patient's care team, and the
  // supervisor who must co-sign sees the note even when the patient is not on a supervisee's care team
  // (an associate facilitating a group writes notes for members who are not their own patients).
  return own || (supervising && row.cosign_required) || canAccessPatient(q, actor, row.patient_id, 'clinical');
}

/** The note if the actor may see it; otherwise not found. `lock` takes the row for a change. */
export async function loadVisibleNote(q: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<NoteRow> {
  const row = await loadNoteRow(q, id, opts);
  if (!row || !(await canSeeNote(q, actor, row))) throw noteNotFound();
  return row;
}

/** Only the author writes and signs a note. */
export function requireAuthor(actor: Actor, row: NoteRow, doing: string): void {
  if (row.author_id !== actor.userId) throw new DomainError('forbidden', `Only the note's author can ${doing} it.`);
}

/** A signed note, or one awaiting co-signature, is locked: corrections are addenda. */
export function requireEditable(row: NoteRow): void {
  if (row.status === 'signed' || row.status === 'pending_cosign') {
    throw new DomainError('conflict', 'Signed notes cannot be edited; add an addendum.', [], { reason: 'locked' });
  }
}

export function requireVersion(row: NoteRow, version: number): void {
  if (row.version !== version) throw new DomainError('conflict', 'Someone else changed this note since you opened it. Reload to see their changes.');
}

export interface NoteAuditEvent {
  action: string;
  noteId: string | null;
  patientId: string | null;
  /** Non-PHI context only: ids, counts, statuses, field names. */
  detail?: Record<string, unknown>;
}

export function auditNote(q: Queryable, actor: Actor, ip: string, at: Date, e: NoteAuditEvent): Promise<void> {
  return appendAudit(q, {
    at, actorId: actor.userId, actorKind: actor.kind, actorRole: primaryRole(actor), clientIp: ip, outcome: 'success',
    action: e.action, resourceType: 'Note', resourceId: e.noteId, patientId: e.patientId, detail: e.detail,
  });
}

import type { TGroupNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { createNoteInTx } from './create-note.js';
import { auditNotes } from './extras-audit.js';
import { groupNoteView } from './group-note-view.js';
import {
  discardDraftMemberNote, groupNoteIdForSession, insertGroupNote, isFacilitator, loadGroupNote, loadGroupSession, memberNotes, presentMembers,
  type GroupNoteRow, type GroupSessionRow,
} from './group-notes.repo.js';
import { loadWritableTemplate } from './notes.repo.js';

/** A session that did not take place has nothing to document. */
const NOT_HELD = new Set(['rescheduled', 'skipped', 'cancelled_patient', 'cancelled_practice', 'no_show', 'late_cancel']);

/**
 * Who gets a member note: the members on the roster that day whose attendance says they were there
 * (checked in or completed). Members recorded as absent (no-show, late cancel, cancelled) get none, and
 * so do members whose attendance has not been taken: a note, and the claim billed from it, must not
 * say someone attended a session nobody recorded them at. Attendance is taken first (the front desk
 * or the facilitator); members marked present later join the group note at its next save.
 */
export async function syncMemberNotes(
  q: Queryable, actor: Actor, g: Pick<GroupNoteRow, 'id' | 'template_id' | 'template_version'>, session: GroupSessionRow & { group_id: string }, now: Date, ip: string,
): Promise<{ added: number; removed: number }> {
  const present = await presentMembers(q, session);
  const existing = await memberNotes(q, g.id);
  const have = new Set(existing.map((m) => m.patient_id));
  let added = 0;
  for (const patientId of present) {
    if (have.has(patientId)) continue;
    // Prefilled from the session by the note's own creation: date, times, place of service, the
    // member as participant, and their active problems as diagnoses.
    await createNoteInTx(q, actor, { patientId, templateId: g.template_id, templateVersion: g.template_version, appointmentId: session.id, groupNoteId: g.id }, now, ip);
    added++;
  }
  // A member whose attendance was corrected to absent loses their unsigned, never-signed draft.
  const here = new Set(present);
  let removed = 0;
  for (const m of existing) {
    if (here.has(m.patient_id) || m.status !== 'draft') continue;
    if (await discardDraftMemberNote(q, m.id)) {
      removed++;
      await auditNotes(q, actor, ip, now, { action: 'note.discard', resourceId: m.id, patientId: m.patient_id, detail: { groupNoteId: g.id, reason: 'not_present' } });
    }
  }
  return { added, removed };
}

/** The group session, checked: a group's appointment that took place, facilitated by the actor. */
export async function facilitatedSession(q: Queryable, actor: Actor, appointmentId: string, lock = false): Promise<GroupSessionRow & { group_id: string }> {
  const session = await loadGroupSession(q, appointmentId, lock);
  if (!session) throw invalid('appointmentId', 'was not found');
  if (!session.group_id) throw invalid('appointmentId', 'is not a group session: write an individual note instead');
  if (NOT_HELD.has(session.status)) throw invalid('appointmentId', 'is a session that did not take place');
  if (actor.kind !== 'user' || !(await isFacilitator(q, session.group_id, actor.userId))) {
    throw new DomainError('forbidden', "Only the group's facilitators write its session notes.");
  }
  return session as GroupSessionRow & { group_id: string };
}

/**
 * POST /api/group-notes: starts the note of a group session on a group template. The group note
 * holds the shared sections (written once); each member present gets their own note (the encounter
 * and the member sections) linked to the session and the group note. One group note per session.
 */
export async function createGroupNote(deps: Deps, actor: Actor, input: { appointmentId: string; templateId: string }, ip: string): Promise<TGroupNote> {
  const { db, clock } = deps;
  const now = clock.now();
  const id = await db.tx(async (q) => {
    // Locking the session serializes two facilitators starting its note at once.
    const session = await facilitatedSession(q, actor, input.appointmentId, true);
    const existing = await groupNoteIdForSession(q, session.id);
    if (existing) throw new DomainError('conflict', 'This session already has a group note; open it instead.', [], { groupNoteId: existing });
    const template = await loadWritableTemplate(q, input.templateId);
    if (!template) throw invalid('templateId', 'is not an active template with a published version');
    if (template.kind !== 'group') throw invalid('templateId', 'is not a group template');
    if (!(await presentMembers(q, session)).length) {
      throw new DomainError('conflict', 'Nobody is marked present at this session yet: take attendance first.', [
        { field: 'appointmentId', message: 'has no member marked present: take attendance first' },
      ]);
    }
    const groupNoteId = newId();
    await insertGroupNote(q, { id: groupNoteId, appointmentId: session.id, groupId: session.group_id, authorId: actor.userId, templateId: template.template_id, templateVersion: template.version, now });
    const { added } = await syncMemberNotes(q, actor, { id: groupNoteId, template_id: template.template_id, template_version: template.version }, session, now, ip);
    await auditNotes(q, actor, ip, now, {
      action: 'group_note.create', resourceType: 'GroupNote', resourceId: groupNoteId,
      detail: { appointmentId: session.id, groupId: session.group_id, templateId: template.template_id, templateVersion: template.version, members: added },
    });
    return groupNoteId;
  });
  return db.tx(async (q) => groupNoteView(q, (await loadGroupNote(q, id))!, 'author'));
}

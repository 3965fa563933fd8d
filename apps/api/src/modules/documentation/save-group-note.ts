import type { TEncounter, TGroupNote, TNoteContent } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { assertContentSize, restrictToScopes, validateContent } from './domain/content-rules.js';
import { encounterColumns, mergeEncounter, type EncounterState } from './encounter-input.js';
import { syncMemberNotes } from './create-group-note.js';
import { auditNotes } from './extras-audit.js';
import { loadGroupNoteForAuthor, requireGroupVersion } from './group-note-access.js';
import { groupNoteView } from './group-note-view.js';
import { loadGroupNote, loadGroupSession, memberNotes, updateGroupNote, type GroupNoteRow } from './group-notes.repo.js';
import { knownInterventionCodes } from './interventions.js';
import { auditNote, loadVisibleNote, requireEditable } from './note-access.js';
import { updateDraft, type NoteRow } from './notes.repo.js';
import { encounterState } from './save-note.js';

export interface SaveGroupNoteInput {
  version: number;
  sharedContent?: TNoteContent;
  members?: { noteId: string; version: number; encounter?: TEncounter; content?: TNoteContent }[];
}

const validation = (issues: FieldIssue[]) => new DomainError('validation', issues.map((i) => `${i.field} ${i.message}`).join('; ').slice(0, 1000), issues);

interface MemberWrite {
  row: NoteRow;
  version: number;
  state: EncounterState;
  content: TNoteContent;
}

/**
 * Checks every member's part of the request against its note: it must be a member note of this group
 * note, still a draft, at the version sent; its encounter and member sections must fit the template.
 * Each problem is named by the member's place in the request ('members[1].content.member.progress').
 */
async function planMembers(q: Queryable, actor: Actor, g: GroupNoteRow, members: NonNullable<SaveGroupNoteInput['members']>, codes: ReadonlySet<string>) {
  const ids = new Set((await memberNotes(q, g.id)).map((m) => m.id));
  const memberDefinition = restrictToScopes(g.definition, ['note', 'member']);
  const issues: FieldIssue[] = [];
  const writes: MemberWrite[] = [];
  for (const [i, m] of members.entries()) {
    const at = `members[${i}]`;
    if (!ids.has(m.noteId)) {
      issues.push({ field: `${at}.noteId`, message: 'is not a member note of this group note' });
      continue;
    }
    if (members.findIndex((x) => x.noteId === m.noteId) !== i) {
      issues.push({ field: `${at}.noteId`, message: 'lists a member note twice' });
      continue;
    }
    // The group note's author is every member note's author, so the note is visible to them.
    const row = await loadVisibleNote(q, actor, m.noteId, { lock: true });
    requireEditable(row);
    if (row.version !== m.version) {
      throw new DomainError('conflict', "Someone else changed a member's note since you opened it. Reload to see their changes.", [
        { field: `${at}.version`, message: 'is not the current version of this member note' },
      ]);
    }
    if (m.content) assertContentSize(m.content);
    const { state, issues: encounterIssues } = await mergeEncounter(q, encounterState(row), m.encounter);
    const content = m.content ?? row.content ?? {};
    for (const issue of [...encounterIssues, ...validateContent(memberDefinition, content, { interventionCodes: codes })]) {
      issues.push({ field: `${at}.${issue.field}`, message: issue.message });
    }
    writes.push({ row, version: m.version, state, content });
  }
  return { issues, writes };
}

/**
 * PUT /api/group-notes/:id (autosave): the shared sections, written once on the group note, and each
 * member's encounter and member sections on their note, all in one transaction if every version
 * still matches and everything fits the template (a refused save changes nothing). Members marked
 * present since the last save join; drafts of members since marked absent are dropped.
 */
export async function saveGroupNote(deps: Deps, actor: Actor, id: string, input: SaveGroupNoteInput, ip: string): Promise<TGroupNote> {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.sharedContent) assertContentSize(input.sharedContent);
  await db.tx(async (q) => {
    const g = await loadGroupNoteForAuthor(q, actor, id, 'edit');
    requireGroupVersion(g, input.version);
    const codes = await knownInterventionCodes(q);
    const shared = input.sharedContent ?? g.shared_content ?? {};
    const issues: FieldIssue[] = validateContent(restrictToScopes(g.definition, ['shared']), shared, { interventionCodes: codes })
      .map((i) => ({ field: i.field.replace(/^content/, 'sharedContent'), message: i.message }));
    const plan = await planMembers(q, actor, g, input.members ?? [], codes);
    issues.push(...plan.issues);
    if (issues.length) throw validation(issues);

    if (!(await updateGroupNote(q, id, input.version, shared, now))) {
      throw new DomainError('conflict', 'Someone else changed this group note since you opened it. Reload to see their changes.');
    }
    for (const w of plan.writes) {
      const ok = await updateDraft(q, w.row.id, w.version, {
        ...encounterColumns(w.state, w.row.time_zone, w.row.location_pos), content: w.content, enabledSections: w.row.enabled_sections ?? [], carriedForward: w.row.carried_forward ?? [],
      }, now);
      if (!ok) throw new DomainError('conflict', "Someone else changed a member's note since you opened it. Reload to see their changes.");
      await auditNote(q, actor, ip, now, { action: 'note.save', noteId: w.row.id, patientId: w.row.patient_id, detail: { groupNoteId: id, status: w.row.status } });
    }
    // The author finishes the note they started even if no longer facilitating the group.
    const session = (await loadGroupSession(q, g.appointment_id))!;
    const sync = await syncMemberNotes(q, actor, g, { ...session, group_id: g.group_id }, now, ip);
    await auditNotes(q, actor, ip, now, {
      action: 'group_note.save', resourceType: 'GroupNote', resourceId: id,
      detail: { sharedContent: input.sharedContent !== undefined, members: plan.writes.length, ...sync },
    });
  });
  return groupNoteView(db, (await loadGroupNote(db, id))!, 'author');
}

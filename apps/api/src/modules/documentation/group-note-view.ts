import type { TGroupNote, TNote } from '@hearth/contracts';
import type { Queryable } from '../../platform/db/db.js';
import type { GroupReader } from './group-note-access.js';
import { noteView } from './get-note.js';
import { memberNotes, type GroupNoteRow } from './group-notes.repo.js';
import { loadNoteRow } from './notes.repo.js';

// A group note as the API shows it: the shared sections once, and each member's note (encounter and
// member sections) as a full note view, alphabetically by member.

export function toGroupNote(r: GroupNoteRow, members: TNote[]): TGroupNote {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    groupId: r.group_id,
    groupName: r.group_name,
    authorId: r.author_id,
    templateId: r.template_id,
    templateVersion: r.template_version,
    status: r.status,
    sharedContent: r.shared_content ?? {},
    definition: r.definition,
    members,
    version: r.version,
  };
}

/** The member notes the reader sees: all for the author and supervisor, signed ones for other facilitators. */
export async function groupNoteView(q: Queryable, row: GroupNoteRow, reader: GroupReader): Promise<TGroupNote> {
  const members: TNote[] = [];
  for (const m of await memberNotes(q, row.id)) {
    if (reader === 'facilitator' && m.status !== 'signed') continue;
    const noteRow = await loadNoteRow(q, m.id);
    // On the group note each member carries only their own sections; the shared ones are sharedContent.
    if (noteRow) members.push({ ...(await noteView(q, noteRow)), content: noteRow.content ?? {} });
  }
  return toGroupNote(row, members);
}

import type { TGroupNote } from '@hearth/contracts';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { DomainError, type FieldIssue } from '../../platform/errors.js';
import { nameGroupGaps } from './domain/group-gaps.js';
import { auditNotes } from './extras-audit.js';
import { loadGroupNoteForAuthor, requireGroupVersion } from './group-note-access.js';
import { groupNoteView } from './group-note-view.js';
import { loadGroupNote, loadGroupSession, markGroupNoteSigned, memberNotes, presentMembers } from './group-notes.repo.js';
import { knownInterventionCodes } from './interventions.js';
import { loadNoteRow, loadSigner } from './notes.repo.js';
import { signNoteInTx } from './sign-note.js';
import { signingGaps } from './signing.js';

/**
 * POST /api/group-notes/:id/sign: the author signs every member's note at once, through the same
 * signing as a single note (required elements, signature with content hash, lock, co-signature for
 * associates, late entry, the session completed), in one transaction: all of them or none. Every
 * member's gaps are reported together first. Member notes already signed on their own are left as
 * they are. Attendance must match the member notes (a save brings them in line).
 */
export async function signGroupNote(deps: Deps, actor: Actor, id: string, input: { version: number }, ip: string): Promise<TGroupNote> {
  const { db, clock } = deps;
  const now = clock.now();
  await db.tx(async (q) => {
    const g = await loadGroupNoteForAuthor(q, actor, id, 'sign');
    requireGroupVersion(g, input.version);
    const session = (await loadGroupSession(q, g.appointment_id))!;
    const present = new Set(await presentMembers(q, { ...session, group_id: g.group_id }));
    const members = await memberNotes(q, id);
    const documented = new Set(members.map((m) => m.patient_id));
    if ([...present].some((p) => !documented.has(p)) || members.some((m) => m.status === 'draft' && !present.has(m.patient_id))) {
      throw new DomainError('conflict', "Attendance at this session changed since the group note was saved: save it again to update its members, then sign.");
    }
    if (!members.length) throw new DomainError('conflict', 'Nobody is marked present at this session: there is no member note to sign.');
    const toSign = members.filter((m) => m.status === 'draft' || m.status === 'returned');
    const signer = await loadSigner(q, actor.userId);
    const codes = await knownInterventionCodes(q);
    const perMember: FieldIssue[][] = [];
    for (const m of members) {
      const row = toSign.includes(m) ? await loadNoteRow(q, m.id) : null;
      perMember.push(row ? await signingGaps(q, row, signer, codes) : []);
    }
    const gaps = nameGroupGaps(g, perMember);
    if (gaps.length) {
      throw new DomainError('validation', `The group note cannot be signed yet. ${gaps.map((x) => `${x.field}: ${x.message}`).join('; ')}.`.slice(0, 1000), gaps);
    }
    const statuses: Record<string, number> = {};
    for (const m of toSign) {
      const r = await signNoteInTx(q, actor, m.id, { now, ip });
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
    await markGroupNoteSigned(q, id, now);
    await auditNotes(q, actor, ip, now, { action: 'group_note.sign', resourceType: 'GroupNote', resourceId: id, detail: { members: members.length, signedNow: toSign.length, statuses } });
  });
  return groupNoteView(db, (await loadGroupNote(db, id))!, 'author');
}

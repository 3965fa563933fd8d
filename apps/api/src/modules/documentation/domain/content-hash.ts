import { canonicalJson } from '../../../platform/audit/audit.js';
import { sha256 } from '../../../platform/ids.js';

// What a signature attests, as a hash: the same facts hash the same after a round trip through
// jsonb (keys sorted), so anyone can later recompute it and see the note was not changed.

export interface HashedNote {
  encounter: unknown;
  content: unknown;
  enabledSections: string[];
  templateId: string;
  templateVersion: number;
  patientId: string;
  authorId: string;
}

export function contentHash(n: HashedNote): string {
  return sha256(
    canonicalJson({
      encounter: n.encounter, content: n.content, enabledSections: n.enabledSections, templateId: n.templateId,
      templateVersion: n.templateVersion, patientId: n.patientId, authorId: n.authorId,
    }),
  );
}

/** An addendum's hash binds its text to the note (as signed) it amends, its author and its time. */
export function addendumHash(a: { noteId: string; noteContentHash: string | null; authorId: string; reason: string; body: string; signedAt: string }): string {
  return sha256(canonicalJson(a));
}

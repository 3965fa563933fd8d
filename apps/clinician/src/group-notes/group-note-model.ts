import type { TEncounter, TGroupNote, TNote, TNoteContent, TTemplateDefinition } from '@hearth/contracts';

// The group note page's pure logic: which missing elements belong to the shared sections (shown once)
// and which to each member, where the server's error paths point ('sharedContent.<s>.<f>',
// 'members[2].encounter.diagnoses'), and how the local drafts follow the server's member list when
// attendance changes.

export interface FieldIssue {
  field: string;
  message: string;
}

/** Section keys written once for the session. */
export const sharedSectionKeys = (definition: TTemplateDefinition) =>
  new Set(definition.sections.filter((s) => s.scope === 'shared').map((s) => s.key));

const sectionOf = (path: string) => /^content\.([^.]+)\./.exec(path)?.[1];

/**
 * Splits the members' missing elements: gaps in shared sections once (in order of first appearance),
 * the rest per member note id.
 */
export function splitMissing(group: Pick<TGroupNote, 'definition' | 'members'>): {
  shared: FieldIssue[];
  byMember: Record<string, FieldIssue[]>;
} {
  const sharedKeys = sharedSectionKeys(group.definition);
  const shared: FieldIssue[] = [];
  const seen = new Set<string>();
  const byMember: Record<string, FieldIssue[]> = {};
  for (const m of group.members) {
    byMember[m.id] = [];
    for (const issue of m.missing) {
      const section = sectionOf(issue.field);
      if (section && sharedKeys.has(section)) {
        if (!seen.has(issue.field)) {
          seen.add(issue.field);
          shared.push(issue);
        }
      } else byMember[m.id]!.push(issue);
    }
  }
  return { shared, byMember };
}

export interface GroupErrors {
  /** Shared-section messages keyed as the note form expects ('content.<section>.<field>'). */
  shared: Record<string, string>;
  /** Per member note id: 'content.<section>.<field>' or 'encounter.<field>' -> message. */
  members: Record<string, Record<string, string>>;
  /** Anything else (the supervisor, a version), in words. */
  general: string[];
}

/**
 * Places each server error. `memberIds[i]` is the member note the request's (or, when signing, the
 * group note's) i-th member was. Shared gaps arrive as 'sharedContent.<s>.<f>'; per-member ones as
 * 'members[i].<path>' (or 'members.i.<path>').
 */
export function placeErrors(errors: readonly FieldIssue[], memberIds: readonly string[]): GroupErrors {
  const out: GroupErrors = { shared: {}, members: {}, general: [] };
  for (const e of errors) {
    const shared = /^sharedContent\.(.+)$/.exec(e.field);
    if (shared) {
      out.shared[`content.${shared[1]}`] ??= e.message;
      continue;
    }
    const member = /^members(?:\[(\d+)\]|\.(\d+))\.(.+)$/.exec(e.field);
    const id = member ? memberIds[Number(member[1] ?? member[2])] : undefined;
    if (member && id) {
      const path = member[3]!;
      const bucket = (out.members[id] ??= {});
      bucket[path] ??= e.message;
      continue;
    }
    out.general.push(e.field === 'supervisor' ? e.message : `${e.field}: ${e.message}`);
  }
  return out;
}

/** As placeErrors, but as missing-element lists (for the "not ready to sign" dialog). */
export function errorsAsMissing(errors: readonly FieldIssue[], memberIds: readonly string[]) {
  const placed = placeErrors(errors, memberIds);
  return {
    shared: Object.entries(placed.shared).map(([field, message]) => ({ field, message })),
    byMember: Object.fromEntries(
      Object.entries(placed.members).map(([id, m]) => [id, Object.entries(m).map(([field, message]) => ({ field, message }))]),
    ) as Record<string, FieldIssue[]>,
    general: placed.general,
  };
}

export interface MemberDraft {
  encounter: TEncounter;
  content: TNoteContent;
}

/**
 * The local drafts after a save answered with `server`: members still there keep what is being typed
 * (unless `replace` says the server's copy is the one to show), members who joined (marked present
 * since) start from the server's note, and members who left (marked absent) are dropped.
 */
export function followMembers(
  local: Readonly<Record<string, MemberDraft>>,
  server: readonly TNote[],
  fromServer: (n: TNote) => MemberDraft,
): Record<string, MemberDraft> {
  const out: Record<string, MemberDraft> = {};
  for (const n of server) out[n.id] = local[n.id] ?? fromServer(n);
  return out;
}

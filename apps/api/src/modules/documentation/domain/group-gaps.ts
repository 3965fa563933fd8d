import type { TTemplateDefinition } from '@hearth/contracts';
import type { FieldIssue } from '../../../platform/errors.js';

// Naming what blocks a group note's signing, for the writer of a group session's note.

/**
 * What blocks signing, across the members: a gap in a shared section is named once
 * ('sharedContent.<section>.<field>'), a missing supervisor once ('supervisor'), and everything else
 * per member by their place in the group note ('members[2].encounter.diagnoses').
 */
export function nameGroupGaps(g: { definition: TTemplateDefinition }, perMember: FieldIssue[][]): FieldIssue[] {
  const shared = new Set(g.definition.sections.filter((s) => s.scope === 'shared').map((s) => s.key));
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  const once = (issue: FieldIssue) => {
    if (seen.has(issue.field)) return;
    seen.add(issue.field);
    out.push(issue);
  };
  perMember.forEach((issues, i) => {
    for (const issue of issues) {
      const section = /^content\.([^.]+)/.exec(issue.field)?.[1];
      if (section && shared.has(section)) once({ field: issue.field.replace(/^content/, 'sharedContent'), message: issue.message });
      else if (issue.field === 'supervisor') once(issue);
      else out.push({ field: `members[${i}].${issue.field}`, message: issue.message });
    }
  });
  return out;
}

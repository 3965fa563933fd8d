import type { TDiagnosisRef, TIcd10Code, TPatientProblem } from '@hearth/contracts';

// Pure logic of the diagnosis picker and the ordered diagnosis list.

export interface PickerItem {
  value: string;
  label: string;
  title: string;
  hint?: string;
  disabled?: boolean;
}

const PROBLEM_ORDER = { active: 0, in_remission: 1, resolved: 2, ruled_out: 3 } as const;
const STATUS_WORD = { active: 'Active', in_remission: 'In remission', resolved: 'Resolved', ruled_out: 'Ruled out' } as const;

const matches = (search: string, code: string, title: string) => {
  if (!search) return true;
  const s = search.toLowerCase();
  return code.toLowerCase().startsWith(s.replace(/\s+/g, '')) || title.toLowerCase().includes(s);
};

/** The picker's groups: matching problems first (primary, then active), then search results not already listed. */
export function pickerGroups(p: {
  problems: readonly TPatientProblem[];
  codes: readonly TIcd10Code[];
  search: string;
  chosen: readonly string[];
}): { group: string; items: PickerItem[] }[] {
  const chosen = new Set(p.chosen);
  const problems = p.problems
    .filter((pr) => pr.status !== 'ruled_out' && !chosen.has(pr.code) && matches(p.search, pr.code, pr.title))
    .sort(
      (a, b) =>
        Number(b.isPrimary) - Number(a.isPrimary) ||
        PROBLEM_ORDER[a.status] - PROBLEM_ORDER[b.status] ||
        a.code.localeCompare(b.code),
    )
    .map<PickerItem>((pr) => ({
      value: pr.code,
      label: `${pr.code} — ${pr.title}`,
      title: pr.title,
      hint: [pr.isPrimary ? 'Primary' : null, STATUS_WORD[pr.status]].filter(Boolean).join(' · '),
    }));
  const listed = new Set(problems.map((i) => i.value));
  const codes = p.codes
    .filter((c) => !chosen.has(c.code) && !listed.has(c.code))
    .map<PickerItem>((c) => ({
      value: c.code,
      label: `${c.code} — ${c.title}`,
      title: c.title,
      hint: c.billable ? undefined : 'A category: choose a more specific code',
      disabled: !c.billable,
    }));
  const out: { group: string; items: PickerItem[] }[] = [];
  if (problems.length) out.push({ group: 'Problem list', items: problems });
  if (codes.length) out.push({ group: 'ICD-10-CM', items: codes });
  return out;
}

/** Moves the item at `from` to `to` (both clamped), returning a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item!);
  return out;
}

/** Adds a diagnosis at the end unless its code is already listed. */
export const addDiagnosis = (list: readonly TDiagnosisRef[], d: TDiagnosisRef): TDiagnosisRef[] =>
  list.some((x) => x.code === d.code) ? [...list] : [...list, d];

import type { TNoteKind, TTemplateSummary } from '@hearth/contracts';

export interface TemplateFilters {
  origin: 'all' | 'builtin' | 'practice';
  kind: TNoteKind | '';
  status: 'active' | 'inactive' | 'all';
  search: string;
}

/** The templates the filters let through, in the server's order (built-ins first, then the practice's by name). */
export function filterTemplates(items: readonly TTemplateSummary[], f: TemplateFilters): TTemplateSummary[] {
  const words = f.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter(
    (t) =>
      (f.origin === 'all' || (f.origin === 'builtin') === t.builtin) &&
      (!f.kind || t.kind === f.kind) &&
      (f.status === 'all' || (f.status === 'active') === t.active) &&
      words.every((w) => t.name.toLowerCase().includes(w)),
  );
}

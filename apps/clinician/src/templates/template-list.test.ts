import type { TTemplateSummary } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { filterTemplates, type TemplateFilters } from './template-list';

const t = (name: string, over: Partial<TTemplateSummary> = {}): TTemplateSummary => ({
  id: name,
  name,
  kind: 'progress',
  billable: true,
  builtin: true,
  active: true,
  publishedVersion: 1,
  draftVersion: null,
  duplicatedFrom: null,
  ...over,
});
const ALL: TemplateFilters = { origin: 'all', kind: '', status: 'all', search: '' };
const LIST = [
  t('Progress note (DAP)'),
  t('Group therapy', { kind: 'group' }),
  t('DAP (Riverbend)', { builtin: false, draftVersion: 2 }),
  t('Old intake', { builtin: false, active: false, kind: 'intake' }),
];
const names = (f: Partial<TemplateFilters>) => filterTemplates(LIST, { ...ALL, ...f }).map((x) => x.name);

describe('filterTemplates', () => {
  it('filters by source, kind and status, keeping the server order', () => {
    expect(names({})).toEqual(['Progress note (DAP)', 'Group therapy', 'DAP (Riverbend)', 'Old intake']);
    expect(names({ origin: 'practice' })).toEqual(['DAP (Riverbend)', 'Old intake']);
    expect(names({ origin: 'builtin', kind: 'group' })).toEqual(['Group therapy']);
    expect(names({ status: 'active' })).toEqual(['Progress note (DAP)', 'Group therapy', 'DAP (Riverbend)']);
    expect(names({ status: 'inactive' })).toEqual(['Old intake']);
  });
  it('matches every word of the name search, in any case', () => {
    expect(names({ search: 'dap' })).toEqual(['Progress note (DAP)', 'DAP (Riverbend)']);
    expect(names({ search: ' riverbend  DAP ' })).toEqual(['DAP (Riverbend)']);
    expect(names({ search: 'soap' })).toEqual([]);
  });
});

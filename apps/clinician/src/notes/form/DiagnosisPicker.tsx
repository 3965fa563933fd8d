import type { TDiagnosisRef } from '@hearth/contracts';
import { Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useIcd10Search, useProblems } from '../../api/diagnoses';
import { pickerGroups } from './diagnosis-model';

interface Props {
  id?: string;
  label: string;
  description?: React.ReactNode;
  error?: string;
  required?: boolean;
  patientId?: string;
  serviceDate?: string;
  /** Codes already chosen: not offered again. */
  chosen: readonly string[];
  onPick: (d: TDiagnosisRef) => void;
  disabled?: boolean;
}

/**
 * Adds a diagnosis: the patient's problem list first (active problems before the rest), then
 * ICD-10-CM codes matching a code ("F43.1"), words ("panic") or a common name ("PTSD").
 * Category headings that cannot go on a claim are listed but cannot be picked.
 */
export function DiagnosisPicker({ id, label, description, error, required, patientId, serviceDate, chosen, onPick, disabled }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const problems = useProblems(patientId);
  const icd = useIcd10Search(debounced, serviceDate);
  const groups = pickerGroups({
    problems: problems.data ?? [],
    codes: debounced ? (icd.data ?? []) : [],
    search: search.trim(),
    chosen,
  });
  const titleOf = new Map(groups.flatMap((g) => g.items.map((i) => [i.value, i.title] as const)));

  return (
    <Select
      id={id}
      label={label}
      description={description}
      error={error}
      withAsterisk={required}
      disabled={disabled}
      placeholder="Search by code, words or a common name (e.g. PTSD)"
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      rightSection={icd.isFetching ? <Loader size="xs" aria-label="Searching codes" /> : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      onChange={(code) => {
        if (!code) return;
        onPick({ code, title: titleOf.get(code) });
        setSearch('');
      }}
      // The server matched codes, words and synonyms; the problem list is filtered in pickerGroups.
      filter={({ options }) => options}
      data={groups.map((g) => ({ group: g.group, items: g.items.map(({ value, label: l, disabled: d }) => ({ value, label: l, disabled: d })) }))}
      renderOption={({ option }) => {
        const item = groups.flatMap((g) => g.items).find((i) => i.value === option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {item?.hint ? (
              <Text size="xs" c="dimmed">
                {item.hint}
              </Text>
            ) : null}
          </div>
        );
      }}
      nothingFoundMessage={
        debounced && !icd.isFetching
          ? icd.isError
            ? 'The code search is not available right now. Try again in a moment.'
            : 'No codes match. Try the code, other words or a shorter search.'
          : 'Type to search ICD-10-CM codes'
      }
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={360}
    />
  );
}

import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchPatients } from '../../api/patients';
import { formatDate, patientDisplayName } from '../../lib/format';

export interface PickedPatient {
  id: string;
  name: string;
  /** MRN and date of birth, to tell people with the same name apart. */
  detail: string;
}

interface Props {
  value: PickedPatient | null;
  onChange: (p: PickedPatient | null) => void;
  error?: string | null;
  disabled?: boolean;
}

/**
 * Search-as-you-type patient choice. The typed text goes in the body of POST /api/patients/search,
 * never in a URL; only patients the reader may see come back.
 */
export function PatientPicker({ value, onChange, error, disabled }: Props) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length >= 2 && debounced !== value?.name;

  const query = useQuery({
    queryKey: ['patient-picker', debounced],
    queryFn: ({ signal }) => searchPatients({ q: debounced, pageSize: 10 }, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const found: PickedPatient[] = searching
    ? (query.data?.items ?? []).map((p) => ({
        id: p.id,
        name: patientDisplayName(p),
        detail: `MRN ${p.mrn} · born ${formatDate(p.dateOfBirth)}`,
      }))
    : [];
  const options = value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label="Patient"
      required
      searchable
      clearable
      disabled={disabled}
      placeholder="Search by name"
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      rightSection={query.isFetching ? <Loader size="xs" aria-label="Searching" /> : undefined}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
      // The server already matched the text (accents, preferred names): show its answer as is.
      filter={({ options: o }) => o}
      data={options.map((p) => ({ value: p.id, label: p.name }))}
      renderOption={({ option }) => {
        const p = options.find((x) => x.id === option.value);
        return (
          <div>
            <div>{option.label}</div>
            {p ? <div style={{ color: 'var(--mantine-color-gray-7)' }}>{p.detail}</div> : null}
          </div>
        );
      }}
      nothingFoundMessage={
        searching && !query.isFetching ? 'No patients match. Check the spelling or try the last name.' : undefined
      }
      error={error}
      data-testid="booking-patient"
    />
  );
}

import type { TPatientSummary } from '@hearth/contracts';
import { Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchPatients } from '../api/patients';
import { formatDate, patientDisplayName } from '../lib/format';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** Ctrl+K / Cmd+K: type a name, move with the arrow keys, Enter opens the chart. */
export function PatientSpotlight({ opened, onClose }: Props) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const listId = useId();

  const { data, isFetching, isError } = useQuery({
    queryKey: ['patient-spotlight', debounced],
    queryFn: ({ signal }) => searchPatients({ q: debounced, pageSize: 8 }, signal),
    enabled: opened && debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const items: TPatientSummary[] = debounced.length >= 2 ? (data?.items ?? []) : [];

  useEffect(() => setActive(0), [debounced]);

  const close = () => {
    setQ('');
    onClose();
  };

  const open = (p: TPatientSummary) => {
    close();
    navigate(`/patients/${p.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (items.length ? (a + 1) % items.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (items.length ? (a - 1 + items.length) % items.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const p = items[active];
      if (p) open(p);
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  let status = 'Type at least two letters of a name.';
  if (debounced.length >= 2) {
    if (isError) status = 'Search is not available right now. Try again.';
    else if (isFetching && !data) status = 'Searching…';
    else if (items.length === 0) status = 'No patients match. Check the spelling or search by last name.';
    else
      status = `${items.length} patient${items.length === 1 ? '' : 's'} found. Use the arrow keys and Enter to open.`;
  }

  return (
    <Modal opened={opened} onClose={close} title="Find a patient" size="lg" yOffset="10vh" centered={false}>
      <div data-testid="patient-spotlight">
        <TextInput
          label="Search patients by name"
          placeholder="e.g. Rivera or Sam Rivera"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          rightSection={isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
          data-autofocus
          autoComplete="off"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[active] ? optionId(active) : undefined}
          data-testid="patient-spotlight-input"
        />
        <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
          {status}
        </Text>
        <Stack gap={2} mt="xs" id={listId} role="listbox" aria-label="Matching patients">
          {items.map((p, i) => (
            <UnstyledButton
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(p)}
              px="sm"
              py={6}
              style={{
                borderRadius: 4,
                background: i === active ? 'var(--mantine-color-indigo-0)' : undefined,
                outline: i === active ? '2px solid var(--mantine-color-indigo-8)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text fw={500}>{patientDisplayName(p)}</Text>
                <Text size="sm" c="dimmed">
                  DOB {formatDate(p.dateOfBirth)} · MRN {p.mrn}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        <Group gap={6} mt="sm" aria-hidden="true">
          <Text size="sm" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open,{' '}
            <Kbd size="xs">Esc</Kbd> to close
          </Text>
        </Group>
      </div>
    </Modal>
  );
}

import { EmptyState, PageHeader } from '@hearth/ui';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { searchPatients } from '../api/patients';
import { useCan } from '../auth/session-context';
import { PagedQueryTable } from '../components/PagedQueryTable';
import { ageFrom, formatDate, patientDisplayName } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { EMPTY_PATIENT_FILTERS, PATIENT_FILTERS_KEY } from '../patients/patient-filters';
import { PatientStatusBadge } from '../patients/PatientStatusBadge';

const PAGE_SIZE = 25;

export function PatientsPage() {
  useDocumentTitle('Patients');
  const canWrite = useCan('patients.write');
  const navigate = useNavigate();
  const { filters, debounced, set, setPage, setFilters } = useRememberedFilters(
    PATIENT_FILTERS_KEY,
    EMPTY_PATIENT_FILTERS,
  );
  const active = Object.entries(filters).some(([k, v]) => k !== 'page' && v !== '');
  const validDob = /^\d{4}-\d{2}-\d{2}$/.test(debounced.dob) ? debounced.dob : undefined;

  const query = useQuery({
    queryKey: ['patients', { ...debounced, dob: validDob }],
    queryFn: ({ signal }) =>
      searchPatients(
        {
          q: debounced.q.trim() || undefined,
          dob: validDob,
          phone: debounced.phone.trim() || undefined,
          mrn: debounced.mrn.trim() || undefined,
          status: debounced.status || undefined,
          page: debounced.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const data = query.data;

  return (
    <>
      <PageHeader
        title="Patients"
        description={
          data
            ? `${data.total} patient${data.total === 1 ? '' : 's'}${active ? ' match your filters' : ''}`
            : undefined
        }
        actions={
          canWrite ? (
            <Button
              component={Link}
              to="/patients/new"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
            >
              New patient
            </Button>
          ) : null
        }
      />
      <Card mb="md">
        <form role="search" aria-label="Filter patients" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <TextInput
              label="Name"
              placeholder="First, last or preferred"
              value={filters.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              data-testid="patient-search"
              autoFocus
            />
            <TextInput
              label="Date of birth"
              type="date"
              value={filters.dob}
              onChange={(e) => set({ dob: e.currentTarget.value })}
            />
            <TextInput
              label="Phone"
              type="tel"
              value={filters.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
            />
            <TextInput
              label="MRN"
              value={filters.mrn}
              onChange={(e) => set({ mrn: e.currentTarget.value })}
            />
            <Select
              label="Status"
              placeholder="Any status"
              clearable
              value={filters.status || null}
              onChange={(v) => set({ status: v ?? '' })}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'waitlist', label: 'Waitlist' },
                { value: 'discharged', label: 'Discharged' },
              ]}
            />
          </SimpleGrid>
          {active ? (
            <Group justify="flex-end" mt="xs">
              <Button variant="subtle" onClick={() => setFilters(EMPTY_PATIENT_FILTERS)}>
                Clear filters
              </Button>
            </Group>
          ) : null}
        </form>
      </Card>

      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) => (
          <>
            Page {d.page} of {pages}
          </>
        )}
        aria-label="Patients"
        data-testid="patients-table"
        stickyHeader
        minWidth={720}
        columns={['Name', 'Date of birth', 'Age', 'MRN', 'Phone', 'Status']}
        loadingLabel="Loading patients"
        empty={
          <EmptyState
            icon={<IconUsers size={22} />}
            title={active ? 'No patients match these filters' : 'No patients yet'}
            description={
              active
                ? 'Check the spelling, search by last name only, or clear the filters.'
                : canWrite
                  ? 'Add your first patient with “New patient”.'
                  : 'Patients will appear here once they are registered.'
            }
            action={
              active ? (
                <Button variant="default" onClick={() => setFilters(EMPTY_PATIENT_FILTERS)}>
                  Clear filters
                </Button>
              ) : canWrite ? (
                <Button component={Link} to="/patients/new">
                  New patient
                </Button>
              ) : null
            }
          />
        }
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(p) => (
          <Table.Tr key={p.id} className="row-link" onClick={() => navigate(`/patients/${p.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${p.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                {patientDisplayName(p)}
              </Anchor>
              {p.pronouns ? (
                <Text component="span" c="dimmed" ml={6}>
                  ({p.pronouns})
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
            <Table.Td>{ageFrom(p.dateOfBirth) ?? ''}</Table.Td>
            <Table.Td>{p.mrn}</Table.Td>
            <Table.Td>{p.phone ?? ''}</Table.Td>
            <Table.Td>
              <PatientStatusBadge status={p.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}

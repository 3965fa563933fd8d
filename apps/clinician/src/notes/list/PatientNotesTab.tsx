import type { TNoteKind, TNoteStatus } from '@hearth/contracts';
import { EmptyState } from '@hearth/ui';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { IconNotes, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePatientNotes } from '../../api/notes';
import { useCan } from '../../auth/session-context';
import { PagedQueryTable } from '../../components/PagedQueryTable';
import { useRememberedFilters } from '../../lib/useRememberedFilters';
import { KIND_LABELS, NOTE_STATUS_LABELS, options } from '../form/labels';
import { formatIsoDate } from '../form/value-format';
import { NewNoteModal } from '../start/NewNoteModal';
import { LateEntryBadge, NoteStatusBadge, OverdueBadge } from '../view/NoteStatusBadge';

const PAGE_SIZE = 20;
const DEFAULTS = { status: '', kind: '', page: 1 };
const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...options(NOTE_STATUS_LABELS)];
const KIND_OPTIONS = [{ value: '', label: 'Any kind' }, ...options(KIND_LABELS)];

/** The chart's Notes tab: the patient's notes, newest first, filtered by status and kind. */
export function PatientNotesTab({ patientId }: { patientId: string }) {
  const canWrite = useCan('clinical.write');
  const { filters, set, setPage } = useRememberedFilters(`chart.notes.${patientId}`, DEFAULTS);
  const [creating, setCreating] = useState(false);
  const query = usePatientNotes(patientId, {
    status: (filters.status || undefined) as TNoteStatus | undefined,
    kind: (filters.kind || undefined) as TNoteKind | undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const filtered = !!(filters.status || filters.kind);

  return (
    <>
      <Card mb="md">
        <Group justify="space-between" align="flex-end">
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1, maxWidth: 560 }}>
            <Select label="Status" data={STATUS_OPTIONS} value={filters.status} allowDeselect={false} onChange={(v) => set({ status: v ?? '' })} />
            <Select label="Kind" data={KIND_OPTIONS} value={filters.kind} allowDeselect={false} onChange={(v) => set({ kind: v ?? '' })} searchable />
          </SimpleGrid>
          {canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)} data-testid="chart-new-note">
              New note
            </Button>
          ) : null}
        </Group>
      </Card>
      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) => `${d.total} note${d.total === 1 ? '' : 's'} · page ${d.page} of ${pages}`}
        aria-label="Notes"
        data-testid="chart-notes-table"
        minWidth={760}
        columns={['Date of service', 'Note', 'Author', 'Status', 'Addenda', '']}
        loadingLabel="Loading notes"
        empty={
          <EmptyState
            icon={<IconNotes size={22} />}
            title={filtered ? 'No notes match these filters' : 'No notes yet'}
            description={
              filtered
                ? 'Choose “Any status” and “Any kind” to see every note.'
                : canWrite
                  ? 'Start one from an appointment, or with “New note” for a contact without one.'
                  : 'Notes appear here once clinicians write them.'
            }
          />
        }
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(n) => (
          <Table.Tr key={n.id} data-testid="chart-note-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(n.serviceDate)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/notes/${n.id}`} fw={500}>
                {n.templateName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {KIND_LABELS[n.kind]}
              </Text>
            </Table.Td>
            <Table.Td>{n.authorName}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <NoteStatusBadge status={n.status} />
                {n.lateEntry ? <LateEntryBadge /> : null}
                {n.overdue ? <OverdueBadge /> : null}
              </Group>
            </Table.Td>
            <Table.Td>{n.addendaCount ? `${n.addendaCount} addend${n.addendaCount === 1 ? 'um' : 'a'}` : ''}</Table.Td>
            <Table.Td>
              <Button component={Link} to={`/notes/${n.id}`} size="compact-sm" variant="default" aria-label={`Open the ${n.templateName} of ${formatIsoDate(n.serviceDate)}`}>
                Open
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <NewNoteModal opened={creating} onClose={() => setCreating(false)} patientId={patientId} />
    </>
  );
}

import type { TWaitlistEntry } from '@hearth/contracts';
import { EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconEdit, IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { userMessageFor } from '../api/client';
import { useSaveWaitlistEntry, useWaitlist } from '../api/waitlist';
import { useCan } from '../auth/session-context';
import { ConfirmModal } from '../components/ConfirmModal';
import { PagedQueryTable } from '../components/PagedQueryTable';
import { formatDate } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { describeTimes, describeWishes, PRIORITIES, STATUS_LABEL } from './waitlist-format';
import { WaitlistEntryModal } from './WaitlistEntryModal';

const PAGE_SIZE = 25;
const DEFAULTS = { status: 'open', page: 1 };
const STATUS_TONE = { open: 'info', scheduled: 'positive', removed: 'neutral' } as const;

/** The waitlist: who is waiting for what, most urgent and longest waiting first. */
export function WaitlistPage() {
  useDocumentTitle('Waitlist');
  const canWrite = useCan('scheduling.write');
  const { filters, set, setPage } = useRememberedFilters('waitlist.list', DEFAULTS);
  const query = useWaitlist({
    status: (filters.status || undefined) as TWaitlistEntry['status'] | undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const [editing, setEditing] = useState<TWaitlistEntry | 'new' | null>(null);
  const [closing, setClosing] = useState<{ entry: TWaitlistEntry; to: 'scheduled' | 'removed' } | null>(null);
  const save = useSaveWaitlistEntry();

  const close = async () => {
    if (!closing) return;
    await save.mutateAsync({
      entryId: closing.entry.id,
      update: { status: closing.to, version: closing.entry.version },
    });
    notifications.show({
      color: 'teal',
      title: closing.to === 'scheduled' ? 'Marked as scheduled' : 'Removed from the waitlist',
      message: 'The entry is kept in the list’s history.',
    });
  };
  const reopen = async (e: TWaitlistEntry) => {
    try {
      await save.mutateAsync({ entryId: e.id, update: { status: 'open', version: e.version } });
      notifications.show({
        color: 'teal',
        title: 'Back on the waitlist',
        message: 'The entry is open again.',
      });
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not reopen the entry', message: userMessageFor(err) });
    }
  };

  return (
    <>
      <PageHeader
        title="Waitlist"
        description="Patients waiting for a time with a clinician or of a kind. When an appointment is cancelled, the ones who fit its time are suggested."
        actions={
          canWrite ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setEditing('new')}
              data-testid="waitlist-add"
            >
              Add to waitlist
            </Button>
          ) : null
        }
      />
      <Card mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Show"
            value={filters.status}
            allowDeselect={false}
            onChange={(v) => set({ status: v ?? 'open' })}
            data={[
              { value: 'open', label: 'Waiting' },
              { value: 'scheduled', label: 'Scheduled' },
              { value: 'removed', label: 'Removed' },
              { value: '', label: 'All entries' },
            ]}
          />
        </SimpleGrid>
      </Card>
      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) =>
          `${d.total} entr${d.total === 1 ? 'y' : 'ies'} · page ${d.page} of ${pages}`
        }
        aria-label="Waitlist"
        data-testid="waitlist-table"
        minWidth={900}
        columns={['Patient', 'Wants', 'Preferred times', 'Priority', 'Added', 'Status', 'Actions']}
        loadingLabel="Loading the waitlist"
        empty={
          <EmptyState
            icon={<IconListCheck size={22} />}
            title={filters.status === 'open' ? 'No one is waiting' : 'No entries here'}
            description={
              canWrite
                ? 'Add a patient with “Add to waitlist” to be offered the next fitting slot.'
                : 'Entries appear here when the front desk adds them.'
            }
          />
        }
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(e) => (
          <Table.Tr key={e.id} data-testid="waitlist-row">
            <Table.Td>
              {e.patient ? (
                <>
                  <Anchor component={Link} to={`/patients/${e.patient.id}`} fw={500}>
                    {e.patient.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    MRN {e.patient.mrn}
                  </Text>
                </>
              ) : (
                <Text c="dimmed">A patient not on your caseload</Text>
              )}
              {e.note ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {e.note}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{describeWishes(e)}</Table.Td>
            <Table.Td>{describeTimes(e.preferredTimes)}</Table.Td>
            <Table.Td>{PRIORITIES.find((p) => p.value === String(e.priority))?.label ?? e.priority}</Table.Td>
            <Table.Td>{formatDate(e.addedOn)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge label={STATUS_LABEL[e.status]} tone={STATUS_TONE[e.status]} />
            </Table.Td>
            <Table.Td>
              {canWrite && e.patient ? (
                <Group gap={4}>
                  {e.status === 'open' ? (
                    <>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconEdit size={14} aria-hidden="true" />}
                        onClick={() => setEditing(e)}
                        aria-label={`Edit the entry of ${e.patient.name}`}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconCalendarCheck size={14} aria-hidden="true" />}
                        onClick={() => setClosing({ entry: e, to: 'scheduled' })}
                        aria-label={`Mark scheduled: ${e.patient.name}`}
                      >
                        Mark scheduled
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden="true" />}
                        onClick={() => setClosing({ entry: e, to: 'removed' })}
                        aria-label={`Remove ${e.patient.name} from the waitlist`}
                      >
                        Remove
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => reopen(e)}
                      aria-label={`Reopen the entry of ${e.patient.name}`}
                    >
                      Reopen
                    </Button>
                  )}
                </Group>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <WaitlistEntryModal entry={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={closing !== null}
        title={closing?.to === 'scheduled' ? 'Mark as scheduled?' : 'Remove from the waitlist?'}
        confirmLabel={closing?.to === 'scheduled' ? 'Mark as scheduled' : 'Remove'}
        danger={closing?.to === 'removed'}
        onConfirm={close}
        onClose={() => setClosing(null)}
      >
        {closing?.to === 'scheduled'
          ? `${closing.entry.patient?.name ?? 'This patient'} has been booked: the entry leaves the waiting list.`
          : `${closing?.entry.patient?.name ?? 'This patient'} will no longer be suggested for open slots. You can reopen the entry later.`}
      </ConfirmModal>
    </>
  );
}

import type { TNoteSummary } from '@hearth/contracts';
import { EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Anchor, Badge, Button, Group, Table, Tabs, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useNoteQueue, useNoteQueueCounts, useNotesSettings, type TNoteQueueName } from '../api/note-queue';
import { useCan } from '../auth/session-context';
import { PagedQueryTable } from '../components/PagedQueryTable';
import { formatDate } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { NOTE_STATUS_LABELS } from '../notes/form/labels';
import { describeDue, STATUS_TONE } from './queue-format';
import { useNow } from './useNow';

const PAGE_SIZE = 25;
type Tab = Exclude<TNoteQueueName, 'cosign_inbox'>;
const DEFAULTS: { queue: Tab; page: number } = { queue: 'mine_unsigned', page: 1 };

/** Notes to sign: my drafts and returned notes, my overdue notes and, for supervisors, supervisees' overdue notes. */
export function NoteQueuePage() {
  useDocumentTitle('Notes to sign');
  const supervisor = useCan('clinical.cosign');
  const { filters, set, setPage } = useRememberedFilters('notes-queue', DEFAULTS);
  // A remembered supervisor tab is not offered to someone who no longer supervises.
  const queue: Tab = filters.queue === 'supervisees_overdue' && !supervisor ? 'mine_unsigned' : filters.queue;
  const query = useNoteQueue(queue, filters.page, PAGE_SIZE);
  const counts = useNoteQueueCounts();
  const settings = useNotesSettings();
  const navigate = useNavigate();
  const now = useNow();
  const hours = settings.data?.noteOverdueHours;
  const showAuthor = queue === 'supervisees_overdue';

  const count = (n: number | undefined) =>
    n ? (
      <Badge size="sm" variant="light" color="gray" ml={4} aria-label={`${n} notes`}>
        {n}
      </Badge>
    ) : null;

  return (
    <>
      <PageHeader
        title="Notes to sign"
        description={
          hours
            ? `A note is overdue ${hours} hours after its session ends while it is unsigned or waiting for co-signature.`
            : 'Unsigned notes, oldest due first.'
        }
      />
      <Tabs value={queue} onChange={(v) => v && set({ queue: v as Tab })} mb="md">
        <Tabs.List>
          <Tabs.Tab value="mine_unsigned" rightSection={count(counts.data?.mineUnsigned)}>
            My unsigned
          </Tabs.Tab>
          <Tabs.Tab value="overdue" rightSection={count(counts.data?.overdue)}>
            Overdue
          </Tabs.Tab>
          {supervisor ? (
            <Tabs.Tab value="supervisees_overdue" rightSection={count(counts.data?.superviseesOverdue)}>
              Supervisees overdue
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
      </Tabs>
      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) => `${d.total} note${d.total === 1 ? '' : 's'} · page ${d.page} of ${pages}`}
        aria-label="Notes to sign"
        data-testid="note-queue-table"
        minWidth={820}
        highlightOnHover
        columns={['Patient', 'Note', 'Service date', ...(showAuthor ? ['Author'] : []), 'Status', 'Due', '']}
        loadingLabel="Loading notes"
        empty={<QueueEmpty queue={queue} hours={hours} />}
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(n: TNoteSummary) => {
          const due = describeDue(n, now);
          const mine = queue !== 'supervisees_overdue' && (n.status === 'draft' || n.status === 'returned');
          return (
            <Table.Tr
              key={n.id}
              data-testid="note-queue-row"
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                // The row opens the note; links and buttons inside it do their own thing.
                if (!(e.target as HTMLElement).closest('a,button')) void navigate(`/notes/${n.id}`);
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={`/patients/${n.patientId}`} fw={500}>
                  {n.patientName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/notes/${n.id}`}>
                  {n.templateName}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDate(n.serviceDate)}</Table.Td>
              {showAuthor ? <Table.Td>{n.authorName}</Table.Td> : null}
              <Table.Td>
                <StatusBadge label={NOTE_STATUS_LABELS[n.status]} tone={STATUS_TONE[n.status]} />
              </Table.Td>
              <Table.Td>
                {due ? (
                  <Text span c={due.tone === 'negative' ? 'red.8' : due.tone === 'caution' ? 'yellow.9' : undefined} fw={due.tone === 'negative' ? 600 : undefined}>
                    {due.text}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button component={Link} to={`/notes/${n.id}`} size="compact-sm" variant={mine ? 'filled' : 'default'}>
                    {mine ? 'Finish and sign' : 'Open'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </>
  );
}

function QueueEmpty({ queue, hours }: { queue: Tab; hours: number | undefined }) {
  const icon = <IconChecklist size={22} />;
  if (queue === 'mine_unsigned')
    return (
      <EmptyState
        icon={icon}
        title="No unsigned notes"
        description="Every note you started is signed. Start the next one from a session on the home page or from the patient’s chart."
        action={
          <Button component={Link} to="/" variant="default">
            Go to today’s sessions
          </Button>
        }
      />
    );
  if (queue === 'overdue')
    return (
      <EmptyState
        icon={icon}
        title="Nothing overdue"
        description={`A note becomes overdue ${hours ?? 72} hours after its session if it is still unsigned. Sign notes on the “My unsigned” tab to keep it that way.`}
      />
    );
  return (
    <EmptyState
      icon={icon}
      title="No overdue notes from your supervisees"
      description="Notes your supervisees leave unsigned past the limit appear here, so you can follow up with them."
    />
  );
}

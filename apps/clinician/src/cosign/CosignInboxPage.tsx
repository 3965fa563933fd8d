import type { TNoteSummary } from '@hearth/contracts';
import { EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useNoteQueue } from '../api/note-queue';
import { PagedQueryTable } from '../components/PagedQueryTable';
import { formatDate, formatDateTime } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { describeDue, waitingFor } from '../note-queue/queue-format';
import { useNow } from '../note-queue/useNow';

const PAGE_SIZE = 25;

/** Supervisees' signed notes waiting for the supervisor's co-signature, longest waiting first. */
export function CosignInboxPage() {
  useDocumentTitle('Co-sign inbox');
  const { filters, setPage } = useRememberedFilters('cosign.inbox', { page: 1 });
  const query = useNoteQueue('cosign_inbox', filters.page, PAGE_SIZE);
  const navigate = useNavigate();
  const now = useNow();

  return (
    <>
      <PageHeader
        title="Co-sign inbox"
        description="Notes your supervisees have signed. A note is final only once you co-sign it; return it with a comment if it needs changes."
      />
      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) => `${d.total} note${d.total === 1 ? '' : 's'} waiting · page ${d.page} of ${pages}`}
        aria-label="Notes waiting for co-signature"
        data-testid="cosign-table"
        minWidth={860}
        highlightOnHover
        columns={['Patient', 'Author', 'Note', 'Service date', 'Waiting', '']}
        loadingLabel="Loading the co-sign inbox"
        empty={
          <EmptyState
            icon={<IconSignature size={22} />}
            title="Nothing to co-sign"
            description="When a supervisee signs a note, it waits here for your co-signature. Their overdue notes are on Notes to sign, under “Supervisees overdue”."
            action={
              <Button component={Link} to="/notes-queue" variant="default">
                Go to notes to sign
              </Button>
            }
          />
        }
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(n: TNoteSummary) => {
          const due = describeDue(n, now);
          return (
            <Table.Tr
              key={n.id}
              data-testid="cosign-row"
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a,button')) void navigate(`/notes/${n.id}`);
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={`/patients/${n.patientId}`} fw={500}>
                  {n.patientName}
                </Anchor>
              </Table.Td>
              <Table.Td>{n.authorName}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/notes/${n.id}`}>
                  {n.templateName}
                </Anchor>
                {n.lateEntry ? (
                  <StatusBadge label="Late entry" tone="caution" ml={6} />
                ) : null}
              </Table.Td>
              <Table.Td>{formatDate(n.serviceDate)}</Table.Td>
              <Table.Td>
                <Text span title={n.signedAt ? `Signed by the author ${formatDateTime(n.signedAt)}` : undefined}>
                  {waitingFor(n.signedAt, now)}
                </Text>
                {due?.tone === 'negative' ? (
                  <Text size="sm" c="red.8">
                    {due.text}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button component={Link} to={`/notes/${n.id}`} size="compact-sm">
                    Review and co-sign
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

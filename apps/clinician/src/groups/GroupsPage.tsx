import type { TGroupSummary } from '@hearth/contracts';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Anchor, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useGroups } from '../api/groups';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { formatLocalDateTime } from '../scheduling/time';

const DEFAULT_FILTERS = { status: 'active', page: 1 };

/** "6 of 8" with the word "full" when there is no place left. */
export function placesLabel(g: Pick<TGroupSummary, 'activeMembers' | 'capacity'>) {
  return `${g.activeMembers} of ${g.capacity}${g.activeMembers >= g.capacity ? ' (full)' : ''}`;
}

export function GroupsPage() {
  useDocumentTitle('Groups');
  const canWrite = useCan('scheduling.write');
  const navigate = useNavigate();
  const { filters, set } = useRememberedFilters('groupFilters', DEFAULT_FILTERS);
  const status = (filters.status === 'active' || filters.status === 'ended' ? filters.status : '') as
    'active' | 'ended' | '';
  const query = useGroups(status);

  return (
    <>
      <PageHeader
        title="Groups"
        description="Group programs: their weekly sessions, facilitators, roster and attendance."
        actions={
          canWrite ? (
            <Button component={Link} to="/groups/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
              New group
            </Button>
          ) : null
        }
      />
      <Card mb="md">
        <Group gap="sm">
          <Text fw={500} id="group-status-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="group-status-label"
            value={status || 'all'}
            onChange={(v) => set({ status: v === 'all' ? '' : v })}
            data={[
              { value: 'active', label: 'Running' },
              { value: 'ended', label: 'Ended' },
              { value: 'all', label: 'All' },
            ]}
          />
        </Group>
      </Card>
      <Card p={0}>
        <DataTable
          items={query.data}
          loading={query.isPending}
          loadingLabel="Loading groups"
          error={<QueryError query={query} m="md" />}
          aria-label="Groups"
          data-testid="groups-table"
          minWidth={860}
          highlightOnHover
          columns={['Group', 'Meets', 'Facilitators', 'Where', 'Members', 'Next session', 'Status']}
          empty={
            <EmptyState
              icon={<IconUsersGroup size={22} />}
              title={status === 'ended' ? 'No ended groups' : 'No groups yet'}
              description={
                canWrite
                  ? 'Start a group program with “New group”.'
                  : 'Group programs will appear here once they are set up.'
              }
              action={
                canWrite && status !== 'ended' ? (
                  <Button component={Link} to="/groups/new">
                    New group
                  </Button>
                ) : null
              }
            />
          }
          renderRow={(g) => (
            <Table.Tr key={g.id} className="row-link" onClick={() => navigate(`/groups/${g.id}`)}>
              <Table.Td>
                <Anchor component={Link} to={`/groups/${g.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                  {g.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {g.appointmentType.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {g.schedule
                  ? `${g.schedule.description.charAt(0).toUpperCase()}${g.schedule.description.slice(1)}`
                  : ''}
              </Table.Td>
              <Table.Td>{g.facilitators.map((f) => f.name).join('; ')}</Table.Td>
              <Table.Td>
                {g.location.name}
                {g.room ? `, ${g.room.name}` : ''}
              </Table.Td>
              <Table.Td>{placesLabel(g)}</Table.Td>
              <Table.Td>
                {g.nextSession ? formatLocalDateTime(g.nextSession.start) : <Text c="dimmed">None</Text>}
              </Table.Td>
              <Table.Td miw={130}>
                <StatusBadge
                  label={g.status === 'active' ? 'Running' : 'Ended'}
                  tone={g.status === 'active' ? 'positive' : 'neutral'}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
    </>
  );
}

import type { TGroup } from '@hearth/contracts';
import { DataTable, EmptyState, StatusBadge } from '@hearth/ui';
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../scheduling/status';
import { formatLocalDateTime } from '../scheduling/time';

/** Sessions of the last four weeks and the coming ones, each with its attendance at a glance. */
export function SessionsCard({ group }: { group: TGroup }) {
  const next = group.nextSession?.appointmentId;
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Sessions
        </Title>
        {next ? (
          <Button
            component={Link}
            to={`/groups/${group.id}/sessions/${next}`}
            variant="light"
            leftSection={<IconChecklist size={16} aria-hidden="true" />}
            data-testid="next-session-attendance"
          >
            Attendance for the next session
          </Button>
        ) : null}
      </Group>
      <DataTable
        items={group.sessions}
        columns={['When', 'Session', 'Attendance', '']}
        aria-label="Sessions"
        data-testid="sessions-table"
        minWidth={560}
        empty={
          <EmptyState
            icon={<IconCalendarEvent size={22} />}
            title="No sessions in these weeks"
            description="Past sessions older than four weeks are on the calendar."
          />
        }
        renderRow={(s) => (
          <Table.Tr key={s.appointmentId} data-next={s.appointmentId === next || undefined}>
            <Table.Td>
              <Group gap="xs">
                <Text fw={s.appointmentId === next ? 600 : undefined}>{formatLocalDateTime(s.start)}</Text>
                {s.appointmentId === next ? <StatusBadge label="Next" tone="info" /> : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <AppointmentStatusBadge status={s.status} />
            </Table.Td>
            <Table.Td>
              {s.present || s.absent ? (
                `${s.present} present, ${s.absent} absent of ${s.expected}`
              ) : (
                <Text c="dimmed" span>
                  {s.expected} expected
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Button
                component={Link}
                to={`/groups/${group.id}/sessions/${s.appointmentId}`}
                variant="subtle"
                size="compact-sm"
                aria-label={`Attendance on ${formatLocalDateTime(s.start)}`}
              >
                Attendance
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Card>
  );
}

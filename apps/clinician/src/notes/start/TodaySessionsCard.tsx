import type { TAppointment } from '@hearth/contracts';
import { EmptyState } from '@hearth/ui';
import { Anchor, Badge, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useNoteQueueCounts } from '../../api/note-queue';
import { useAppointments } from '../../api/scheduling';
import { useCan, useSession } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { AppointmentStatusBadge } from '../../scheduling/status';
import { formatLocalTime, todayIn } from '../../scheduling/time';
import { AppointmentNoteActions, canHaveNote } from './AppointmentNoteActions';

/** The "Notes to sign" queue and the co-sign inbox (their pages are in note-queue/). */
const NOTES_QUEUE_PATH = '/notes-queue';
const COSIGN_PATH = '/cosign';

/** The clinician's sessions today in time order, each with its note's state and one click to it. */
export function TodaySessionsCard() {
  const { user } = useSession();
  const canSchedule = useCan('scheduling.read');
  const canNotes = useCan('clinical.read');
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const query = useAppointments(canSchedule && canNotes ? { from: today, to: today, clinicianIds: [user.id] } : null);
  const counts = useNoteQueueCounts(canNotes);
  if (!canSchedule || !canNotes) return null;

  const sessions = [...(query.data ?? [])]
    .filter((a) => a.clinician.id === user.id && canHaveNote(a) && (a.patient || a.group))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const unsigned = counts.data?.mineUnsigned ?? 0;
  const overdue = counts.data?.overdue ?? 0;
  const toCosign = counts.data?.cosignInbox ?? 0;

  return (
    <Card component="section" aria-labelledby="home-today" data-testid="home-today-sessions">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Title order={2} id="home-today">
          Today’s sessions
        </Title>
        <Group gap="md">
          {unsigned > 0 || overdue > 0 ? (
            <Anchor component={Link} to={NOTES_QUEUE_PATH} data-testid="home-unsigned-notes">
              <Group gap={6} component="span">
                <span>
                  {unsigned} unsigned note{unsigned === 1 ? '' : 's'}
                </span>
                {overdue > 0 ? (
                  <Badge color="red" variant="light" tt="none">
                    {overdue} overdue
                  </Badge>
                ) : null}
              </Group>
            </Anchor>
          ) : null}
          {toCosign > 0 ? (
            <Anchor component={Link} to={COSIGN_PATH} data-testid="home-cosign">
              {toCosign} to co-sign
            </Anchor>
          ) : null}
        </Group>
      </Group>
      <QueryError query={query} />
      {query.isPending ? <Loader size="sm" aria-label="Loading today’s sessions" /> : null}
      {query.data && sessions.length === 0 ? (
        <EmptyState
          icon={<IconCalendarEvent size={22} />}
          title="No sessions today"
          description={
            unsigned > 0 ? 'A good time to finish the notes waiting to be signed.' : 'Sessions booked with you today appear here.'
          }
        />
      ) : null}
      {sessions.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Today’s sessions" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((a) => (
                <SessionRow key={a.id} a={a} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

function SessionRow({ a }: { a: TAppointment }) {
  return (
    <Table.Tr data-testid="home-session-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalTime(a.start)}</Table.Td>
      <Table.Td>
        {a.patient ? (
          <Anchor component={Link} to={`/patients/${a.patient.id}`} fw={500}>
            {a.patient.name}
          </Anchor>
        ) : (
          <Text fw={500}>{a.group?.name}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.appointmentType.name}</Text>
        <Text size="sm" c="dimmed">
          {a.telehealth ? 'Telehealth' : [a.locationName, a.roomName].filter(Boolean).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <AppointmentStatusBadge status={a.status} />
      </Table.Td>
      <Table.Td>
        <AppointmentNoteActions appointment={a} compact />
      </Table.Td>
    </Table.Tr>
  );
}

import type { TClinicianException, TLocation } from '@hearth/contracts';
import { DataTable, EmptyState, StatusBadge } from '@hearth/ui';
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useClinicianExceptions, useRemoveException } from '../../api/availability';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryError } from '../../components/QueryError';
import { formatLocalDateTime, zoneAbbreviation } from '../time';
import { ExceptionModal } from './ExceptionModal';

interface Props {
  clinicianId: string;
  locations: TLocation[];
  today: string;
  practiceZone: string;
  canEdit: boolean;
}

/** A local range in words, with the zone's short name: "Mon, Feb 1, 2027, 9:00 AM – 5:00 PM EST". */
export function formatRange(e: Pick<TClinicianException, 'start' | 'end' | 'startsAt' | 'timeZone'>): string {
  const sameDay = e.start.slice(0, 10) === e.end.slice(0, 10);
  const end = formatLocalDateTime(e.end);
  return `${formatLocalDateTime(e.start)} – ${sameDay ? end.slice(end.lastIndexOf(', ') + 2) : end} ${zoneAbbreviation(e.timeZone, new Date(e.startsAt))}`;
}

/** The clinician's time off and extra hours for the coming year, with add and remove. */
export function ExceptionsCard({ clinicianId, locations, today, practiceZone, canEdit }: Props) {
  const query = useClinicianExceptions(clinicianId);
  const remove = useRemoveException();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TClinicianException | null>(null);

  return (
    <Card component="section" aria-labelledby="exceptions-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h3" id="exceptions-title">
              Time off and extra hours
            </Title>
            <Text size="sm" c="dimmed">
              From today through the next year.
            </Text>
          </div>
          {canEdit ? (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)} data-testid="add-exception">
              Add time off or extra hours
            </Button>
          ) : null}
        </Group>
        <DataTable
          aria-label="Time off and extra hours"
          data-testid="exceptions-table"
          minWidth={640}
          items={query.data}
          columns={canEdit ? ['When', 'Kind', 'Location', 'Note', 'Actions'] : ['When', 'Kind', 'Location', 'Note']}
          loading={query.isPending}
          loadingLabel="Loading time off"
          error={<QueryError query={query} />}
          empty={<EmptyState title="No time off or extra hours" description="Add time off for holidays and leave, or extra hours for a one-off clinic day." />}
          renderRow={(e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatRange(e)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge label={e.kind === 'time_off' ? 'Time off' : 'Extra hours'} tone={e.kind === 'time_off' ? 'caution' : 'info'} style={{ minWidth: 'max-content' }} />
              </Table.Td>
              <Table.Td>{e.locationName ?? 'All locations'}</Table.Td>
              <Table.Td>{e.reason ?? ''}</Table.Td>
              {canEdit ? (
                <Table.Td>
                  <Button size="compact-sm" variant="default" color="red" onClick={() => setRemoving(e)} aria-label={`Remove ${e.kind === 'time_off' ? 'time off' : 'extra hours'} ${formatRange(e)}`}>
                    Remove
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          )}
        />
      </Stack>
      <ExceptionModal opened={adding} onClose={() => setAdding(false)} clinicianId={clinicianId} locations={locations} today={today} practiceZone={practiceZone} />
      <ConfirmModal
        opened={removing !== null}
        title={removing?.kind === 'extra_hours' ? 'Remove extra hours?' : 'Remove time off?'}
        confirmLabel="Remove"
        danger
        onConfirm={() => remove.mutateAsync({ clinicianId, exceptionId: removing!.id })}
        onClose={() => setRemoving(null)}
      >
        {removing
          ? removing.kind === 'time_off'
            ? `The clinician can be booked again ${formatRange(removing)}.`
            : `${formatRange(removing)} will no longer count as working time. Appointments already booked stay.`
          : null}
      </ConfirmModal>
    </Card>
  );
}

import type { TAppointmentType } from '@hearth/contracts';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Button, Card, ColorSwatch, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useAppointmentTypes } from '../../api/scheduling';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AppointmentTypeModal, MODES, SERVICE_HINTS } from './AppointmentTypeModal';

/** The practice's appointment types: length, billing hint, in person or telehealth, calendar colour. */
export function AppointmentTypesPage() {
  useDocumentTitle('Appointment types');
  const query = useAppointmentTypes();
  const [editing, setEditing] = useState<TAppointmentType | 'new' | null>(null);
  const items = query.data ? [...query.data].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name)) : undefined;

  return (
    <>
      <PageHeader
        title="Appointment types"
        description="What can be booked, how long it usually takes and its colour on the calendar."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')} data-testid="add-type">
            Add type
          </Button>
        }
      />
      <Card>
        <DataTable
          aria-label="Appointment types"
          data-testid="types-table"
          minWidth={760}
          items={items}
          columns={['Name', 'Length', 'Service', 'Held', 'Colour', 'Status', 'Actions']}
          loading={query.isPending}
          loadingLabel="Loading appointment types"
          error={<QueryError query={query} />}
          empty={<EmptyState title="No appointment types" description="Add the kinds of sessions your practice books with “Add type”." />}
          renderRow={(t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Text fw={500}>{t.name}</Text>
                <Text size="sm" c="dimmed">
                  {t.code}
                  {t.isGroup ? ' · group' : ''}
                </Text>
              </Table.Td>
              <Table.Td>{t.durationMinutes} min</Table.Td>
              <Table.Td>{SERVICE_HINTS.find((s) => s.value === t.serviceHint)?.label ?? t.serviceHint}</Table.Td>
              <Table.Td>{MODES.find((m) => m.value === t.mode)?.label ?? t.mode}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ColorSwatch color={t.color} size={18} aria-hidden="true" />
                  <Text size="sm">{t.color}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge label={t.active ? 'Active' : 'Inactive'} tone={t.active ? 'positive' : 'neutral'} />
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="default" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                  Edit
                </Button>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
      <AppointmentTypeModal
        opened={editing !== null}
        type={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

import type { TLocation } from '@hearth/contracts';
import { EmptyState, LoadingState, StatusBadge } from '@hearth/ui';
import { Alert, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userMessageFor } from '../api/client';
import { listLocations } from '../api/practice';
import type { TRoom } from '../api/types';
import { formatAddress } from '../lib/format';
import { LocationModal } from './LocationModal';
import { RoomModal } from './RoomModal';

type Editing =
  { kind: 'location'; location?: TLocation } | { kind: 'room'; location: TLocation; room?: TRoom } | null;

export function LocationsSection({ defaultTimeZone }: { defaultTimeZone: string }) {
  const query = useQuery({ queryKey: ['locations'], queryFn: listLocations });
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <Card component="section" aria-labelledby="locations-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="locations-heading">
          Locations and rooms
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => setEditing({ kind: 'location' })}
        >
          Add location
        </Button>
      </Group>
      {query.isPending ? <LoadingState label="Loading locations" /> : null}
      {query.isError ? <Alert color="red">{userMessageFor(query.error)}</Alert> : null}
      {query.data && query.data.length === 0 ? (
        <EmptyState
          icon={<IconBuilding size={22} />}
          title="No locations yet"
          description="Add the office where sessions happen (and a telehealth location if you offer video)."
        />
      ) : null}
      <Stack gap="md">
        {query.data?.map((loc) => (
          <Card key={loc.id} withBorder bg="gray.0" component="article" aria-label={`Location ${loc.name}`}>
            <Group justify="space-between" align="flex-start" mb="xs">
              <div>
                <Group gap="xs">
                  <Title order={3}>{loc.name}</Title>
                  <StatusBadge
                    label={loc.active ? 'Active' : 'Inactive'}
                    tone={loc.active ? 'positive' : 'neutral'}
                  />
                </Group>
                <Text c="dimmed">
                  {[formatAddress(loc.address), loc.phone, loc.timeZone, `POS ${loc.placeOfService}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconEdit size={14} aria-hidden="true" />}
                  onClick={() => setEditing({ kind: 'location', location: loc })}
                  aria-label={`Edit location ${loc.name}`}
                >
                  Edit
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() => setEditing({ kind: 'room', location: loc })}
                  aria-label={`Add room to ${loc.name}`}
                >
                  Add room
                </Button>
              </Group>
            </Group>
            {loc.rooms.length === 0 ? (
              <Text c="dimmed">No rooms yet. Add one so sessions can be booked into it.</Text>
            ) : (
              <Table aria-label={`Rooms at ${loc.name}`} bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Room</Table.Th>
                    <Table.Th>Capacity</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {loc.rooms.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.capacity}</Table.Td>
                      <Table.Td>
                        <StatusBadge
                          label={r.active ? 'Active' : 'Inactive'}
                          tone={r.active ? 'positive' : 'neutral'}
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => setEditing({ kind: 'room', location: loc, room: r })}
                          aria-label={`Edit room ${r.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        ))}
      </Stack>
      <LocationModal
        opened={editing?.kind === 'location'}
        onClose={close}
        location={editing?.kind === 'location' ? editing.location : undefined}
        defaultTimeZone={defaultTimeZone}
      />
      <RoomModal
        opened={editing?.kind === 'room'}
        onClose={close}
        locationId={editing?.kind === 'room' ? editing.location.id : ''}
        locationName={editing?.kind === 'room' ? editing.location.name : ''}
        room={editing?.kind === 'room' ? editing.room : undefined}
      />
    </Card>
  );
}

import type { TAppointment } from '@hearth/contracts';
import { StatusBadge } from '@hearth/ui';
import { Anchor, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconChevronDown, IconVideo } from '@tabler/icons-react';
import { useStatusFlow } from '../drawer/useStatusFlow';
import { AppointmentStatusBadge, NO_TRUNCATION, canCancel, nextActions } from '../status';
import { addMinutesLocal, formatLocalTime } from '../time';

const CONFIRMATION = {
  confirmed: { label: 'Confirmed', tone: 'positive' },
  reminded: { label: 'Not confirmed', tone: 'caution' },
  none: { label: 'No reminder yet', tone: 'neutral' },
} as const;

interface Props {
  rows: TAppointment[];
  canWrite: boolean;
  loading: boolean;
  onOpen: (id: string) => void;
}

/** One row per appointment with the front desk's one-click actions. */
export function DaySheetTable({ rows, canWrite, loading, onOpen }: Props) {
  const status = useStatusFlow();
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Appointments this day" data-testid="day-sheet-table" aria-busy={loading} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Clinician</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Room</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Reminder</Table.Th>
              {canWrite ? <Table.Th className="no-print">Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => {
              const conf = CONFIRMATION[a.confirmation];
              const next = nextActions(a);
              const mayAct = canWrite && a.patient !== null;
              return (
                <Table.Tr key={a.id} data-testid="day-sheet-row" data-status={a.status}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fw={600}>{formatLocalTime(a.start)}</Text>
                    <Text size="sm" c="dimmed">
                      to {formatLocalTime(addMinutesLocal(a.start, a.durationMinutes))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.patient ? (
                      <Anchor component="button" type="button" fw={500} ta="left" onClick={() => onOpen(a.id)}>
                        {a.patient.name}
                      </Anchor>
                    ) : (
                      <Text c="dimmed">{a.group?.name ?? 'Busy'}</Text>
                    )}
                    {a.patient ? (
                      <Text size="sm" c="dimmed">
                        MRN {a.patient.mrn}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{a.clinician.name}</Table.Td>
                  <Table.Td>{a.appointmentType.name}</Table.Td>
                  <Table.Td>
                    {a.telehealth ? (
                      <Group gap={4} wrap="nowrap">
                        <IconVideo size={16} aria-hidden="true" />
                        Telehealth
                      </Group>
                    ) : (
                      (a.roomName ?? '')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AppointmentStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge label={conf.label} tone={conf.tone} styles={NO_TRUNCATION} />
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td className="no-print">
                      {mayAct ? (
                        <Group gap={4} wrap="wrap">
                          {next.includes('checked_in') ? (
                            <Button size="compact-sm" onClick={() => void status.run(a, 'checked_in')} aria-label={`Check in ${a.patient!.name}`}>
                              Check in
                            </Button>
                          ) : null}
                          {next.includes('no_show') ? (
                            <Button size="compact-sm" variant="default" onClick={() => void status.run(a, 'no_show')} aria-label={`Mark ${a.patient!.name} as no-show`}>
                              No-show
                            </Button>
                          ) : null}
                          {canCancel(a) ? (
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  rightSection={<IconChevronDown size={12} aria-hidden="true" />}
                                  aria-label={`Cancel ${a.patient!.name}'s appointment`}
                                >
                                  Cancel
                                </Button>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item onClick={() => void status.run(a, 'cancelled_patient')}>Cancelled by patient</Menu.Item>
                                <Menu.Item onClick={() => void status.run(a, 'late_cancel')}>Late cancel</Menu.Item>
                                <Menu.Item onClick={() => void status.run(a, 'cancelled_practice')}>Cancelled by practice</Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          ) : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {status.modal}
    </>
  );
}

import type { TGroup, TGroupMember } from '@hearth/contracts';
import { DataTable, EmptyState, StatusBadge } from '@hearth/ui';
import { ActionIcon, Anchor, Button, Card, Group, Menu, Table, Text, Title } from '@mantine/core';
import { IconDots, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatLocalDate } from '../scheduling/time';
import { DischargeMemberModal } from './DischargeMemberModal';
import { EnrolMemberModal } from './EnrolMemberModal';

interface Props {
  group: TGroup;
  today: string;
  canWrite: boolean;
}

function memberState(
  m: TGroupMember,
  today: string,
): { label: string; tone: 'positive' | 'neutral' | 'info' } {
  if (m.enrolledOn > today) return { label: 'Starts later', tone: 'info' };
  if (m.dischargedOn && m.dischargedOn < today) return { label: 'Discharged', tone: 'neutral' };
  return { label: m.dischargedOn ? 'Leaving' : 'Active', tone: 'positive' };
}

/** The roster: current and future members first, with enrolment and discharge dates. */
export function RosterCard({ group, today, canWrite }: Props) {
  const [enrolling, setEnrolling] = useState(false);
  const [discharging, setDischarging] = useState<TGroupMember | null>(null);
  const hidden = group.members.filter((m) => !m.patient).length;

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h3">
            Roster
          </Title>
          <Text size="sm" c="dimmed">
            {group.activeMembers} of {group.capacity} places taken today
          </Text>
        </div>
        {canWrite && group.status === 'active' ? (
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden="true" />}
            onClick={() => setEnrolling(true)}
            data-testid="enrol-member"
          >
            Enrol member
          </Button>
        ) : null}
      </Group>
      <DataTable
        items={group.members}
        columns={['Member', 'Joined', 'Last day', 'Status', 'Actions']}
        aria-label="Roster"
        data-testid="roster-table"
        minWidth={560}
        empty={
          <EmptyState
            icon={<IconUsers size={22} />}
            title="No members yet"
            description={
              canWrite
                ? 'Enrol the first member with “Enrol member”.'
                : 'Members will appear here once enrolled.'
            }
          />
        }
        renderRow={(m) => {
          const state = memberState(m, today);
          return (
            <Table.Tr key={m.id}>
              <Table.Td>
                {m.patient ? (
                  <Anchor component={Link} to={`/patients/${m.patient.id}`} fw={500}>
                    {m.patient.name}
                  </Anchor>
                ) : (
                  <Text c="dimmed" fs="italic">
                    Not on your caseload
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatLocalDate(m.enrolledOn)}</Table.Td>
              <Table.Td>
                {m.dischargedOn ? (
                  <>
                    {formatLocalDate(m.dischargedOn)}
                    {m.dischargeReason && m.patient ? (
                      <Text size="sm" c="dimmed">
                        {m.dischargeReason}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  ''
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge label={state.label} tone={state.tone} />
              </Table.Td>
              <Table.Td>
                {canWrite && m.patient && !m.dischargedOn ? (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.patient.name}`}>
                        <IconDots size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDischarging(m)}>Discharge from group</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      {hidden ? (
        <Text size="sm" c="dimmed" mt="xs">
          {hidden} {hidden === 1 ? 'member is' : 'members are'} not on your caseload: their names are not
          shown.
        </Text>
      ) : null}
      <EnrolMemberModal group={group} today={today} opened={enrolling} onClose={() => setEnrolling(false)} />
      <DischargeMemberModal member={discharging} today={today} onClose={() => setDischarging(null)} />
    </Card>
  );
}

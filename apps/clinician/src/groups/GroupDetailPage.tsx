import { EmptyState, InfoRow, LoadingState, PageHeader, StatusBadge } from '@hearth/ui';
import { Alert, Anchor, Breadcrumbs, Button, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEdit, IconCalendarX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { useGroup } from '../api/groups';
import { useCan } from '../auth/session-context';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { formatLocalDate, formatLocalDateTime, todayIn } from '../scheduling/time';
import { EditGroupModal } from './EditGroupModal';
import { EndGroupModal } from './EndGroupModal';
import { RosterCard } from './RosterCard';
import { SessionsCard } from './SessionsCard';

const sentence = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

export function GroupDetailPage() {
  useDocumentTitle('Group');
  const { id = '' } = useParams();
  const canWrite = useCan('scheduling.write');
  const query = useGroup(id);
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);

  if (query.isPending) return <LoadingState label="Loading group" />;
  if (query.isError) {
    const missing =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title="Group" />
        {missing ? (
          <EmptyState
            title="This group could not be found"
            description="The link may be wrong."
            action={
              <Button component={Link} to="/groups">
                Go to groups
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }

  const g = query.data;
  const zone = g.schedule?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(zone);
  const lead = g.facilitators.find((f) => f.lead);
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/groups">
          Groups
        </Anchor>
        <Text>{g.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={g.name}
        description={
          g.schedule
            ? `${sentence(g.schedule.description)} · ${g.schedule.durationMinutes} minutes`
            : undefined
        }
        actions={
          canWrite ? (
            <>
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
              {g.status === 'active' ? (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconCalendarX size={16} aria-hidden="true" />}
                  onClick={() => setEnding(true)}
                >
                  End group
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Stack gap="md">
        <Card>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <InfoRow label="Status">
              <StatusBadge
                label={g.status === 'active' ? 'Running' : 'Ended'}
                tone={g.status === 'active' ? 'positive' : 'neutral'}
              />
              {g.endedOn
                ? ` Last day ${formatLocalDate(g.endedOn)}${g.endReason ? `: ${g.endReason}` : ''}`
                : ''}
            </InfoRow>
            <InfoRow label="Type">{g.appointmentType.name}</InfoRow>
            <InfoRow label="Where">
              {g.location.name}
              {g.room ? `, ${g.room.name}` : ''}
            </InfoRow>
            <InfoRow label="Facilitators">
              {g.facilitators.map((f) => `${f.name}${f.lead ? ' (lead)' : ''}`).join('; ')}
            </InfoRow>
            <InfoRow label="Capacity">
              {g.activeMembers} of {g.capacity} places taken
            </InfoRow>
            <InfoRow label="Next session">
              {g.nextSession ? formatLocalDateTime(g.nextSession.start) : 'None planned'}
            </InfoRow>
          </SimpleGrid>
          {g.description ? (
            <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {g.description}
            </Text>
          ) : null}
          {lead ? null : (
            <Text c="red.9" mt="sm">
              This group has no lead facilitator.
            </Text>
          )}
        </Card>
        <RosterCard group={g} today={today} canWrite={canWrite} />
        <SessionsCard group={g} />
      </Stack>
      <EditGroupModal group={g} opened={editing} onClose={() => setEditing(false)} />
      <EndGroupModal group={g} today={today} opened={ending} onClose={() => setEnding(false)} />
    </>
  );
}

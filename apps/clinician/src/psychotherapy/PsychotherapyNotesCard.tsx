import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePsychotherapyNotes } from '../api/psychotherapy';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { formatDate } from '../lib/format';
import { PrivacyNotice } from './PrivacyNotice';

const SHOWN = 3;

/**
 * The chart's entry to the reader's own private (psychotherapy) notes about the patient. Shows only
 * session dates, never the text: the chart is often on screen with others in the room.
 */
export function PsychotherapyNotesCard({ patientId }: { patientId: string }) {
  // Only clinicians keep such notes; the server lists only the reader's own either way.
  const canWrite = useCan('clinical.write');
  const query = usePsychotherapyNotes(canWrite ? patientId : null, 1, SHOWN);
  if (!canWrite) return null;
  const page = `/patients/${encodeURIComponent(patientId)}/private-notes`;
  const items = query.data?.items ?? [];
  return (
    <Card component="section" aria-labelledby="chart-private-notes-heading" data-testid="private-notes-card">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <IconLock size={20} aria-hidden="true" />
          <Title order={2} id="chart-private-notes-heading">
            Private notes
          </Title>
        </Group>
        <Button component={Link} to={`${page}?new=1`} size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />}>
          Write a private note
        </Button>
      </Group>
      <Stack gap="sm">
        <PrivacyNotice compact />
        <QueryError query={query} />
        {query.isPending ? <Loader size="sm" aria-label="Loading private notes" /> : null}
        {query.data ? (
          query.data.total === 0 ? (
            <Text c="dimmed">You have no private notes about this patient.</Text>
          ) : (
            <>
              <Text>
                You have {query.data.total} private {query.data.total === 1 ? 'note' : 'notes'} about this patient.
              </Text>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((n) => (
                  <li key={n.id}>
                    <Anchor component={Link} to={`${page}?note=${encodeURIComponent(n.id)}`}>
                      Session of {formatDate(n.sessionDate)}
                    </Anchor>
                  </li>
                ))}
              </Stack>
              <Anchor component={Link} to={page} size="sm">
                {query.data.total > items.length ? `All ${query.data.total} private notes` : 'Open private notes'}
              </Anchor>
            </>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

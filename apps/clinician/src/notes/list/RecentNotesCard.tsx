import { EmptyState } from '@hearth/ui';
import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePatientNotes } from '../../api/notes';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { formatIsoDate } from '../form/value-format';
import { LateEntryBadge, NoteStatusBadge } from '../view/NoteStatusBadge';

/** The chart overview's latest notes, each one click away; the Notes tab has the rest. */
export function RecentNotesCard({ patientId }: { patientId: string }) {
  const canRead = useCan('clinical.read');
  const query = usePatientNotes(canRead ? patientId : null, { page: 1, pageSize: 5 });
  if (!canRead) return null;
  const items = query.data?.items ?? [];
  return (
    <Card component="section" aria-labelledby="chart-recent-notes" data-testid="chart-recent-notes">
      <Title order={2} id="chart-recent-notes" mb="sm">
        Recent notes
      </Title>
      <QueryError query={query} />
      {query.isPending ? <Loader size="sm" aria-label="Loading notes" /> : null}
      {query.data && items.length === 0 ? (
        <EmptyState title="No notes yet" description="Start one from an appointment, or from the Notes tab." />
      ) : null}
      <Stack gap="xs">
        {items.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/notes/${n.id}`} fw={500}>
                {n.templateName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatIsoDate(n.serviceDate)} · {n.authorName}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <NoteStatusBadge status={n.status} />
              {n.lateEntry ? <LateEntryBadge /> : null}
            </Group>
          </Group>
        ))}
        {query.data && query.data.total > items.length ? (
          <Anchor component={Link} to={`/patients/${patientId}?tab=notes`} size="sm">
            All {query.data.total} notes
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useNoteQueue, useNoteQueueCounts } from '../api/note-queue';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { formatDate } from '../lib/format';
import { describeDue } from './queue-format';
import { useNow } from './useNow';

/**
 * For the home page: the reader's unsigned notes past due (the oldest five) and how many wait in
 * total, each a link to the note. Nothing for people who do not write notes.
 */
export function OverdueNotesCard() {
  const canWrite = useCan('clinical.write');
  if (!canWrite) return null;
  return <OverdueNotes />;
}

function OverdueNotes() {
  const query = useNoteQueue('overdue', 1, 5);
  const counts = useNoteQueueCounts();
  const now = useNow();
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  return (
    <Card component="section" aria-labelledby="overdue-notes-heading" data-testid="overdue-notes-card">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="overdue-notes-heading">
          Unsigned notes past due
        </Title>
        {total ? (
          <Badge color="red" variant="light" tt="none">
            {total}
          </Badge>
        ) : null}
      </Group>
      <QueryError query={query} mb="xs" />
      {query.data && items.length === 0 ? (
        <Text c="dimmed">
          Nothing past due.
          {counts.data?.mineUnsigned ? ` ${counts.data.mineUnsigned} unsigned note${counts.data.mineUnsigned === 1 ? '' : 's'} still to finish.` : ''}
        </Text>
      ) : null}
      <Stack gap={6}>
        {items.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Anchor component={Link} to={`/notes/${n.id}`} fw={500}>
                {n.patientName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {n.templateName} · {formatDate(n.serviceDate)}
              </Text>
            </div>
            <Text size="sm" c="red.8" style={{ whiteSpace: 'nowrap' }}>
              {describeDue(n, now)?.text}
            </Text>
          </Group>
        ))}
      </Stack>
      <Anchor component={Link} to="/notes-queue" size="sm" mt="sm" display="inline-block">
        All notes to sign
      </Anchor>
    </Card>
  );
}

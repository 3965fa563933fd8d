import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProblems } from '../../api/diagnoses';
import { usePatientNotes } from '../../api/notes';
import { QueryError } from '../../components/QueryError';
import { formatIsoDate } from '../form/value-format';

/** Beside the form, for reference: the patient's active problems and the last signed note. */
export function ReferenceColumn({ patientId, noteId }: { patientId: string; noteId: string }) {
  const problems = useProblems(patientId);
  const last = usePatientNotes(patientId, { status: 'signed', page: 1, pageSize: 2 });
  const active = (problems.data ?? [])
    .filter((p) => p.status === 'active')
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.code.localeCompare(b.code));
  const lastNote = last.data?.items.find((n) => n.id !== noteId) ?? null;
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="ref-problems">
        <Title order={3} id="ref-problems" mb={6}>
          Active problems
        </Title>
        <QueryError query={problems} />
        {problems.isPending ? <Loader size="sm" aria-label="Loading problems" /> : null}
        {problems.data && active.length === 0 ? (
          <Text size="sm" c="dimmed">
            No active problems. Diagnoses added to this note can be put on the problem list.
          </Text>
        ) : null}
        <Stack gap={4}>
          {active.map((p) => (
            <Group key={p.id} gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {p.code}
              </Text>
              <Text size="sm" style={{ flex: 1 }}>
                {p.title}
              </Text>
              {p.isPrimary ? (
                <Badge size="sm" variant="light" tt="none">
                  Primary
                </Badge>
              ) : null}
            </Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="ref-last-note">
        <Title order={3} id="ref-last-note" mb={6}>
          Last signed note
        </Title>
        <QueryError query={last} />
        {last.isPending ? <Loader size="sm" aria-label="Loading notes" /> : null}
        {last.data && !lastNote ? (
          <Text size="sm" c="dimmed">
            No signed notes yet.
          </Text>
        ) : null}
        {lastNote ? (
          <Stack gap={2}>
            <Anchor component={Link} to={`/notes/${lastNote.id}`} target="_blank" size="sm" fw={500}>
              {lastNote.templateName}, {formatIsoDate(lastNote.serviceDate)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {lastNote.authorName} · opens in a new tab
            </Text>
          </Stack>
        ) : null}
      </Card>
      <Anchor component={Link} to={`/patients/${patientId}?tab=notes`} size="sm">
        All notes in the chart
      </Anchor>
    </Stack>
  );
}

import type { TGroupNote } from '@hearth/contracts';
import { PageHeader, StatusBadge } from '@hearth/ui';
import { Alert, Anchor, Button, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../lib/format';
import { STATUS_TONE } from '../note-queue/queue-format';
import { NOTE_STATUS_LABELS } from '../notes/form/labels';
import { NoteForm } from '../notes/form/NoteForm';

interface Props {
  group: TGroupNote;
  /** Just signed on this page: say what happened and where the notes are. */
  justSigned: boolean;
  /** The reader is not the author (a supervisor or another facilitator). */
  asReader: boolean;
}

/** A signed group note (or someone else's): the shared sections as written and a link to each member's note. */
export function GroupNoteView({ group: g, justSigned, asReader }: Props) {
  const pendingCosign = g.members.filter((m) => m.status === 'pending_cosign').length;
  const serviceDate = g.members[0]?.encounter.serviceDate;
  return (
    <>
      <PageHeader
        title="Group note"
        description={
          <>
            <Anchor component={Link} underline="always" to={`/groups/${g.groupId}/sessions/${g.appointmentId}`}>
              {g.groupName}
            </Anchor>
            {serviceDate ? ` · ${formatDate(serviceDate)}` : ''}
          </>
        }
        actions={<StatusBadge label={g.status === 'signed' ? 'Signed' : 'Draft'} tone={g.status === 'signed' ? 'positive' : 'neutral'} />}
      />
      {justSigned ? (
        <Alert color="teal" mb="md" role="status" data-testid="group-signed">
          Signed. Each member’s note is now in their chart.
          {pendingCosign ? ` ${pendingCosign} wait${pendingCosign === 1 ? 's' : ''} for your supervisor’s co-signature.` : ''}
        </Alert>
      ) : null}
      {asReader && g.status !== 'signed' ? (
        <Alert color="gray" variant="light" mb="md">
          Its author is still writing this group note. Member notes appear here once they are signed.
        </Alert>
      ) : null}
      <Card component="section" aria-labelledby="group-view-members" withBorder mb="md">
        <Title order={2} id="group-view-members" mb="sm">
          Member notes
        </Title>
        {g.members.length === 0 ? (
          <Text c="dimmed">No member notes to show.</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Member notes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.members.map((m) => (
                  <Table.Tr key={m.id} data-testid="group-member-note">
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${m.patientId}`}>
                        {m.patientName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge label={NOTE_STATUS_LABELS[m.status]} tone={STATUS_TONE[m.status]} />
                      {m.lateEntry ? <StatusBadge label="Late entry" tone="caution" ml={6} /> : null}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button component={Link} to={`/notes/${m.id}`} size="compact-sm" variant="default">
                        Open note
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card component="section" aria-labelledby="group-view-shared" withBorder>
        <Title order={2} id="group-view-shared" mb="sm">
          Written once for the session
        </Title>
        <NoteForm definition={g.definition} content={g.sharedContent} readOnly enabledSections={[]} scope="shared" />
      </Card>
    </>
  );
}

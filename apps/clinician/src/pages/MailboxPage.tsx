import { EmptyState, LoadingState } from '@hearth/ui';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconInbox, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getMail, listMail } from '../api/mailbox';
import { userMessageFor } from '../api/client';
import { LinkifiedText } from '../components/LinkifiedText';
import { formatDateTime } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** The demo mailbox: every e-mail the demo server "sent", readable without signing in. */
export function MailboxPage() {
  useDocumentTitle('Demo mailbox');
  const { id } = useParams();
  const list = useQuery({ queryKey: ['mailbox'], queryFn: listMail, refetchInterval: 5000, retry: false });
  const message = useQuery({
    queryKey: ['mailbox', id],
    queryFn: () => getMail(id!),
    enabled: !!id,
    retry: false,
  });

  return (
    <Box component="main" py="lg">
      <Container size="lg">
        <Group justify="space-between" mb="md">
          <Stack gap={2}>
            <Title order={1}>Demo mailbox</Title>
            <Text c="dimmed">E-mail sent by this demo server. Nothing here leaves the server.</Text>
          </Stack>
          <Group>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
              onClick={() => void list.refetch()}
            >
              Refresh
            </Button>
            <Button component={Link} to="/sign-in" variant="subtle">
              Sign in
            </Button>
          </Group>
        </Group>
        {list.isError ? (
          <Alert color="red" role="alert">
            The demo mailbox is not available on this server. ({userMessageFor(list.error)})
          </Alert>
        ) : null}
        {id ? (
          <Paper withBorder p="md" mb="md" component="article" aria-labelledby="mail-subject">
            {message.isPending ? <LoadingState label="Loading message" /> : null}
            {message.isError ? <Alert color="red">{userMessageFor(message.error)}</Alert> : null}
            {message.data ? (
              <Stack gap="xs">
                <Title order={2} id="mail-subject">
                  {message.data.subject}
                </Title>
                <Text c="dimmed">
                  To {message.data.to} · {formatDateTime(message.data.date)}
                </Text>
                <pre className="mail-text" data-testid="mail-text">
                  <LinkifiedText text={message.data.text} />
                </pre>
                <Anchor component={Link} to="/mailbox">
                  Back to all messages
                </Anchor>
              </Stack>
            ) : null}
          </Paper>
        ) : null}
        <Paper withBorder>
          {list.isPending ? <LoadingState label="Loading messages" /> : null}
          {list.data && list.data.length === 0 ? (
            <EmptyState
              icon={<IconInbox size={22} />}
              title="No messages yet"
              description="Invite a staff member or request a password reset, and the e-mail will appear here."
            />
          ) : null}
          {list.data && list.data.length > 0 ? (
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label="Messages">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Subject</Table.Th>
                    <Table.Th>To</Table.Th>
                    <Table.Th>Received</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...list.data]
                    .sort((a, b) => b.date.localeCompare(a.date))
                    .map((m) => (
                      <Table.Tr key={m.id} bg={m.id === id ? 'indigo.0' : undefined}>
                        <Table.Td>
                          <Anchor component={Link} to={`/mailbox/${m.id}`}>
                            {m.subject}
                          </Anchor>
                          {m.id === id ? (
                            <Badge ml="xs" variant="light" color="gray">
                              Open
                            </Badge>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{m.to}</Table.Td>
                        <Table.Td>{formatDateTime(m.date)}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>
      </Container>
    </Box>
  );
}

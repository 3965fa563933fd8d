import { DataTable, EmptyState, PageHeader } from '@hearth/ui';
import { Alert, Button, Card, Table, Text } from '@mantine/core';
import { IconFlask, IconRefresh } from '@tabler/icons-react';
import { LinkifiedText } from '../../components/LinkifiedText';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSmsSandbox } from './reminders-api';

/** Text messages the sandbox SMS provider recorded instead of sending them. */
export function SmsSandboxPage() {
  useDocumentTitle('SMS sandbox');
  const query = useSmsSandbox();
  return (
    <>
      <PageHeader
        title="SMS sandbox"
        description="Text messages Hearth would have sent. The latest 200 are shown."
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={() => void query.refetch()}>
            Refresh
          </Button>
        }
      />
      <Alert color="yellow" icon={<IconFlask size={20} aria-hidden="true" />} title="Sandbox: nothing here was sent" mb="md" data-testid="sms-sandbox-label">
        {query.data?.provider === 'twilio'
          ? 'Text messages now go out through Twilio. The messages below were recorded earlier by the sandbox and never reached anyone.'
          : 'This server uses the SMS sandbox provider: text messages are recorded here and never leave the server. Set SMS_PROVIDER=twilio (see the admin guide) to send them.'}
      </Alert>
      <QueryError query={query} role="alert" mb="md" />
      <Card p={0}>
        <DataTable
          aria-label="Recorded text messages"
          data-testid="sms-sandbox-table"
          minWidth={720}
          items={query.data?.messages}
          columns={['Recorded', 'To', 'Message (not sent)']}
          loading={query.isPending}
          loadingLabel="Loading recorded messages"
          empty={<EmptyState title="No text messages yet" description="Reminders by text message appear here when they are due." />}
          renderRow={(m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.to}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <LinkifiedText text={m.body} />
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
    </>
  );
}

import { DataTable, EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Button, Card, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listSessions, revokeSession } from '../../api/admin';
import type { TAdminSession } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** A short, readable device description from a user-agent string. */
function device(ua: string | null): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X/.test(ua) && !/Mobile/.test(ua)
      ? 'macOS'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function SessionsPage() {
  useDocumentTitle('Sessions');
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['admin-sessions'], queryFn: listSessions });
  const [revoking, setRevoking] = useState<TAdminSession | null>(null);

  return (
    <>
      <PageHeader
        title="Sessions"
        description="Everyone signed in right now. Revoking a session signs that device out immediately."
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={() => void query.refetch()}
          >
            Refresh
          </Button>
        }
      />
      <QueryError query={query} role="alert" mb="md" />
      <Card p={0}>
        <DataTable
          aria-label="Active sessions"
          data-testid="sessions-table"
          minWidth={820}
          items={query.data}
          columns={['Person', 'Device', 'IP address', 'Signed in', 'Last active', 'Expires', 'Actions']}
          loading={query.isPending}
          loadingLabel="Loading sessions"
          empty={<EmptyState title="No active sessions" />}
          renderRow={(s) => (
            <Table.Tr key={s.id}>
              <Table.Td fw={500}>
                {s.userName} {s.current ? <StatusBadge label="This session" tone="info" ml={4} /> : null}
              </Table.Td>
              <Table.Td title={s.userAgent ?? undefined}>{device(s.userAgent)}</Table.Td>
              <Table.Td>{s.ip ?? <Text c="dimmed">Unknown</Text>}</Table.Td>
              <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>{formatDateTime(s.expiresAt)}</Table.Td>
              <Table.Td>
                {s.current ? (
                  <Text c="dimmed">Use Sign out</Text>
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    onClick={() => setRevoking(s)}
                    aria-label={`Revoke session of ${s.userName}`}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
      <ConfirmModal
        opened={!!revoking}
        title="Revoke session"
        confirmLabel="Revoke session"
        danger
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await revokeSession(revoking.id);
          await queryClient.invalidateQueries({ queryKey: ['admin-sessions'] });
        }}
      >
        {revoking
          ? `${revoking.userName} will be signed out on ${device(revoking.userAgent)} and must sign in again.`
          : null}
      </ConfirmModal>
    </>
  );
}

import { DataTable, EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateTokenModal } from '../../admin/CreateTokenModal';
import { ServiceAccountModal } from '../../admin/ServiceAccountModal';
import { ShowTokenOnceModal } from '../../admin/ShowTokenOnceModal';
import { listApiTokens, listServiceAccounts, revokeApiToken } from '../../api/admin';
import type { TApiToken, TCreatedApiToken } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

function tokenState(t: TApiToken): { label: string; tone: 'positive' | 'neutral' | 'negative' } {
  if (t.revokedAt) return { label: 'Revoked', tone: 'negative' };
  if (new Date(t.expiresAt).getTime() < Date.now()) return { label: 'Expired', tone: 'neutral' };
  return { label: 'Active', tone: 'positive' };
}

export function ApiTokensPage() {
  useDocumentTitle('API tokens');
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ['service-accounts'], queryFn: listServiceAccounts });
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: listApiTokens });
  const [accountOpen, accountModal] = useDisclosure(false);
  const [tokenOpen, tokenModal] = useDisclosure(false);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const hasAccounts = (accounts.data?.length ?? 0) > 0;

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title="API tokens"
        description="Service accounts let other systems use the Hearth API. Each token has limited scopes and an expiry."
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={tokenModal.open}
            disabled={!hasAccounts}
          >
            Create token
          </Button>
        }
      />
      <Card component="section" aria-labelledby="sa-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="sa-heading">
            Service accounts
          </Title>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={accountModal.open}
          >
            Add service account
          </Button>
        </Group>
        <DataTable
          aria-label="Service accounts"
          items={accounts.data}
          columns={['Name', 'Created']}
          loading={accounts.isPending}
          loadingLabel="Loading service accounts"
          error={<QueryError query={accounts} />}
          empty={
            <EmptyState
              title="No service accounts yet"
              description="Add one for each system that calls the API, then create a token for it."
            />
          }
          renderRow={(a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
      <Card component="section" aria-labelledby="tokens-heading" p={0}>
        <Title order={2} id="tokens-heading" p="md" pb="xs">
          Tokens
        </Title>
        <DataTable
          aria-label="API tokens"
          data-testid="api-tokens-table"
          minWidth={900}
          items={tokens.data}
          columns={[
            'Name',
            'Service account',
            'Prefix',
            'Scopes',
            'Expires',
            'Last used',
            'Status',
            'Actions',
          ]}
          loading={tokens.isPending}
          loadingLabel="Loading tokens"
          error={<QueryError query={tokens} m="md" />}
          empty={
            <EmptyState
              icon={<IconKey size={22} />}
              title="No tokens yet"
              description={
                hasAccounts
                  ? 'Create a token for a service account.'
                  : 'Add a service account first, then create a token for it.'
              }
            />
          }
          renderRow={(t) => {
            const st = tokenState(t);
            return (
              <Table.Tr key={t.id}>
                <Table.Td fw={500}>{t.name}</Table.Td>
                <Table.Td>{t.serviceAccountName}</Table.Td>
                <Table.Td>
                  <Text ff="monospace">{t.prefix}…</Text>
                </Table.Td>
                <Table.Td maw={260}>{t.scopes.join(', ')}</Table.Td>
                <Table.Td>{formatDateTime(t.expiresAt)}</Table.Td>
                <Table.Td>
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <Text c="dimmed">Never</Text>}
                </Table.Td>
                <Table.Td>
                  <StatusBadge label={st.label} tone={st.tone} />
                </Table.Td>
                <Table.Td>
                  {st.label === 'Active' ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setRevoking(t)}
                      aria-label={`Revoke token ${t.name}`}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          }}
        />
      </Card>
      <ServiceAccountModal opened={accountOpen} onClose={accountModal.close} />
      <CreateTokenModal
        opened={tokenOpen}
        onClose={tokenModal.close}
        serviceAccounts={accounts.data ?? []}
        onCreated={(t) => {
          tokenModal.close();
          setCreated(t);
        }}
      />
      <ShowTokenOnceModal created={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={!!revoking}
        title="Revoke token"
        confirmLabel="Revoke token"
        danger
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await revokeApiToken(revoking.id);
          await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
        }}
      >
        {revoking
          ? `Requests using “${revoking.name}” will be refused immediately. This cannot be undone.`
          : null}
      </ConfirmModal>
    </Stack>
  );
}

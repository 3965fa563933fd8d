import { EmptyState, LoadingState, PageHeader, StatusBadge } from '@hearth/ui';
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateTokenModal } from '../../admin/CreateTokenModal';
import { ServiceAccountModal } from '../../admin/ServiceAccountModal';
import { ShowTokenOnceModal } from '../../admin/ShowTokenOnceModal';
import { listApiTokens, listServiceAccounts, revokeApiToken } from '../../api/admin';
import { userMessageFor } from '../../api/client';
import type { TApiToken, TCreatedApiToken } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
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
        {accounts.isPending ? <LoadingState label="Loading service accounts" /> : null}
        {accounts.isError ? <Alert color="red">{userMessageFor(accounts.error)}</Alert> : null}
        {accounts.data && accounts.data.length === 0 ? (
          <EmptyState
            title="No service accounts yet"
            description="Add one for each system that calls the API, then create a token for it."
          />
        ) : null}
        {hasAccounts ? (
          <Table aria-label="Service accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data!.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Card>
      <Card component="section" aria-labelledby="tokens-heading" p={0}>
        <Title order={2} id="tokens-heading" p="md" pb="xs">
          Tokens
        </Title>
        {tokens.isPending ? <LoadingState label="Loading tokens" /> : null}
        {tokens.isError ? (
          <Alert color="red" m="md">
            {userMessageFor(tokens.error)}
          </Alert>
        ) : null}
        {tokens.data && tokens.data.length === 0 ? (
          <EmptyState
            icon={<IconKey size={22} />}
            title="No tokens yet"
            description={
              hasAccounts
                ? 'Create a token for a service account.'
                : 'Add a service account first, then create a token for it.'
            }
          />
        ) : null}
        {tokens.data && tokens.data.length > 0 ? (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="API tokens" data-testid="api-tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Service account</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((t) => {
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
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
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

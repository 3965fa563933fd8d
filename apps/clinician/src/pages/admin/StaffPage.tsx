import type { TStaff } from '@hearth/contracts';
import { EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StaffFormModal } from '../../admin/StaffFormModal';
import { listRoles, listStaff, resetStaffMfa, unlockStaff, updateStaff } from '../../api/staff';
import { useSession } from '../../auth/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PagedQueryTable } from '../../components/PagedQueryTable';
import { formatDateTime, staffDisplayName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useRememberedFilters } from '../../lib/useRememberedFilters';

const PAGE_SIZE = 25;
type Confirm = { kind: 'unlock' | 'reset-mfa' | 'deactivate' | 'reactivate'; staff: TStaff } | null;
const DEFAULT_FILTERS = { q: '', role: '', active: 'true', page: 1 };

export function StaffPage() {
  useDocumentTitle('Staff');
  const me = useSession().user;
  const queryClient = useQueryClient();
  const { filters, debounced, set, setPage } = useRememberedFilters('staffFilters', DEFAULT_FILTERS);
  const [editing, setEditing] = useState<TStaff | 'new' | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);

  const roles = useQuery({ queryKey: ['roles'], queryFn: listRoles, staleTime: 5 * 60_000 });
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key;
  const query = useQuery({
    queryKey: ['staff', 'list', debounced],
    queryFn: () =>
      listStaff({
        q: debounced.q.trim() || undefined,
        role: debounced.role || undefined,
        active: (debounced.active || undefined) as 'true' | 'false' | undefined,
        page: debounced.page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

  const runConfirm = async () => {
    if (!confirm) return;
    const { kind, staff } = confirm;
    if (kind === 'unlock') await unlockStaff(staff.id);
    if (kind === 'reset-mfa') await resetStaffMfa(staff.id);
    if (kind === 'deactivate') await updateStaff(staff.id, { active: false });
    if (kind === 'reactivate') await updateStaff(staff.id, { active: true });
    await queryClient.invalidateQueries({ queryKey: ['staff'] });
    const done = {
      unlock: 'unlocked',
      'reset-mfa': 'will set up two-step verification again at next sign-in',
      deactivate: 'was deactivated and signed out',
      reactivate: 'was reactivated',
    }[kind];
    notifications.show({ color: 'teal', message: `${staff.firstName} ${staff.lastName} ${done}.` });
  };

  const confirmText: Record<
    NonNullable<Confirm>['kind'],
    { title: string; body: string; label: string; danger?: boolean }
  > = {
    unlock: { title: 'Unlock account', body: 'They can sign in again straight away.', label: 'Unlock' },
    'reset-mfa': {
      title: 'Reset two-step verification',
      body: 'Their authenticator and recovery codes stop working. Next time they sign in they set it up again. Use this when a phone is lost.',
      label: 'Reset two-step verification',
      danger: true,
    },
    deactivate: {
      title: 'Deactivate account',
      body: 'They are signed out everywhere and can no longer sign in. Their records and history are kept.',
      label: 'Deactivate',
      danger: true,
    },
    reactivate: {
      title: 'Reactivate account',
      body: 'They will be able to sign in again.',
      label: 'Reactivate',
    },
  };
  const c = confirm ? confirmText[confirm.kind] : null;

  return (
    <>
      <PageHeader
        title="Staff"
        description="Accounts, roles and licenses for everyone who uses Hearth."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            Add staff member
          </Button>
        }
      />
      <Card mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search" aria-label="Filter staff">
          <TextInput
            label="Search"
            placeholder="Name or email"
            value={filters.q}
            onChange={(e) => set({ q: e.currentTarget.value })}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
          />
          <Select
            label="Role"
            placeholder="Any role"
            clearable
            data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.name }))}
            value={filters.role || null}
            onChange={(v) => set({ role: v ?? '' })}
          />
          <Select
            label="Status"
            data={[
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Deactivated' },
            ]}
            placeholder="Any status"
            clearable
            value={filters.active || null}
            onChange={(v) => set({ active: v ?? '' })}
          />
        </SimpleGrid>
      </Card>
      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d) => `${d.total} staff`}
        aria-label="Staff"
        data-testid="staff-table"
        minWidth={860}
        columns={['Name', 'Email', 'Roles', 'License', 'Supervisor', 'Status', 'Last sign-in', 'Actions']}
        loading={query.isPending}
        loadingLabel="Loading staff"
        empty={
          <EmptyState
            icon={<IconUsersGroup size={22} />}
            title="No staff match"
            description="Change the filters, or add a staff member."
          />
        }
        renderRow={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td fw={500}>{staffDisplayName(s)}</Table.Td>
            <Table.Td>{s.email}</Table.Td>
            <Table.Td>{s.roles.map(roleName).join(', ')}</Table.Td>
            <Table.Td>{[s.licenseType, s.licenseState, s.licenseNumber].filter(Boolean).join(' ')}</Table.Td>
            <Table.Td>{s.supervisorName ?? ''}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <StatusBadge
                  label={s.active ? 'Active' : 'Deactivated'}
                  tone={s.active ? 'positive' : 'neutral'}
                />
                {s.locked ? <StatusBadge label="Locked" tone="negative" /> : null}
                {s.mfaEnabled ? <StatusBadge label="2-step on" tone="info" /> : null}
              </Group>
            </Table.Td>
            <Table.Td>
              {s.lastSignInAt ? formatDateTime(s.lastSignInAt) : <Text c="dimmed">Never</Text>}
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Actions for ${s.firstName} ${s.lastName}`}
                  >
                    <IconDots size={18} aria-hidden="true" />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setEditing(s)}>Edit</Menu.Item>
                  {s.locked ? (
                    <Menu.Item onClick={() => setConfirm({ kind: 'unlock', staff: s })}>Unlock</Menu.Item>
                  ) : null}
                  {s.mfaEnabled ? (
                    <Menu.Item onClick={() => setConfirm({ kind: 'reset-mfa', staff: s })}>
                      Reset two-step verification
                    </Menu.Item>
                  ) : null}
                  {s.id !== me.id ? (
                    s.active ? (
                      <Menu.Item color="red" onClick={() => setConfirm({ kind: 'deactivate', staff: s })}>
                        Deactivate
                      </Menu.Item>
                    ) : (
                      <Menu.Item onClick={() => setConfirm({ kind: 'reactivate', staff: s })}>
                        Reactivate
                      </Menu.Item>
                    )
                  ) : null}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <StaffFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        staff={editing === 'new' || !editing ? undefined : editing}
      />
      <ConfirmModal
        opened={!!confirm}
        title={c?.title ?? ''}
        confirmLabel={c?.label ?? ''}
        danger={c?.danger}
        onConfirm={runConfirm}
        onClose={() => setConfirm(null)}
      >
        {confirm ? (
          <>
            <strong>
              {confirm.staff.firstName} {confirm.staff.lastName}
            </strong>
            : {c?.body}
          </>
        ) : null}
      </ConfirmModal>
    </>
  );
}

import { EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Alert, Anchor, Button, Card, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { auditExportUrl, listAudit, verifyAuditChain, type AuditFilters } from '../../api/admin';
import { listStaff } from '../../api/staff';
import { PagedQueryTable } from '../../components/PagedQueryTable';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, humanize, staffDisplayName } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useRememberedFilters } from '../../lib/useRememberedFilters';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_.]{1,60}$/;
const DEFAULTS = { from: '', to: '', actorId: '', patientId: '', action: '', outcome: '', page: 1 };
type Filters = typeof DEFAULTS;

const OUTCOME_TONE = { success: 'positive', failure: 'caution', denied: 'negative' } as const;

/** Local calendar dates to ISO instants covering whole days. */
function toQuery(f: Filters): { query: AuditFilters; errors: Partial<Record<keyof Filters, string>> } {
  const errors: Partial<Record<keyof Filters, string>> = {};
  const q: AuditFilters = { page: f.page, pageSize: PAGE_SIZE };
  if (f.from) q.from = new Date(`${f.from}T00:00:00`).toISOString();
  if (f.to) q.to = new Date(`${f.to}T23:59:59.999`).toISOString();
  if (f.from && f.to && f.to < f.from) errors.to = 'Must not be before the start date';
  if (f.actorId) q.actorId = f.actorId;
  if (f.patientId.trim()) {
    if (UUID.test(f.patientId.trim())) q.patientId = f.patientId.trim();
    else errors.patientId = 'Paste the full patient ID (a UUID)';
  }
  if (f.action.trim()) {
    if (ACTION.test(f.action.trim())) q.action = f.action.trim();
    else errors.action = 'Lowercase letters, dots and underscores, e.g. patient.read';
  }
  if (f.outcome) q.outcome = f.outcome;
  return { query: q, errors };
}

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const { filters, debounced, set, setPage } = useRememberedFilters<Filters>('auditFilters', DEFAULTS);

  const { query: current, errors } = toQuery(filters);
  const { query: q, errors: debouncedErrors } = toQuery(debounced);
  const valid = Object.keys(debouncedErrors).length === 0;

  const staff = useQuery({
    queryKey: ['staff', 'all-for-audit'],
    queryFn: () => listStaff({ pageSize: 100 }),
    staleTime: 5 * 60_000,
  });
  const events = useQuery({
    queryKey: ['audit', q],
    queryFn: () => listAudit(q),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: verifyAuditChain });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, record view and change, in a tamper-evident chain."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
              onClick={() => verify.mutate()}
              loading={verify.isPending}
            >
              Verify chain
            </Button>
            <Button
              component="a"
              href={auditExportUrl(current)}
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              download
            >
              Export CSV
            </Button>
          </>
        }
      />
      {verify.data ? (
        verify.data.ok ? (
          <Alert
            color="teal"
            role="status"
            mb="md"
            title="The audit chain is intact"
            data-testid="audit-verify-result"
          >
            Checked {verify.data.checked.toLocaleString()} events; none were altered or removed.
          </Alert>
        ) : (
          <Alert
            color="red"
            role="alert"
            mb="md"
            title="The audit chain is broken"
            data-testid="audit-verify-result"
          >
            Checked {verify.data.checked.toLocaleString()} events. The chain breaks at event #
            {verify.data.brokenAtSeq ?? '?'}: an event was altered or removed. Preserve the database and
            contact your security officer.
          </Alert>
        )
      ) : null}
      <QueryError query={verify} role="alert" mb="md" />
      <Card mb="md">
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3, lg: 6 }}
          spacing="sm"
          role="search"
          aria-label="Filter audit events"
        >
          <TextInput
            label="From date"
            type="date"
            value={filters.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
          <TextInput
            label="To date"
            type="date"
            value={filters.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            error={errors.to}
          />
          <TextInput
            label="Action"
            placeholder="e.g. patient.read"
            value={filters.action}
            onChange={(e) => set({ action: e.currentTarget.value })}
            error={errors.action}
          />
          <Select
            label="Outcome"
            placeholder="Any outcome"
            clearable
            data={[
              { value: 'success', label: 'Success' },
              { value: 'failure', label: 'Failure' },
              { value: 'denied', label: 'Denied' },
            ]}
            value={filters.outcome || null}
            onChange={(v) => set({ outcome: v ?? '' })}
          />
          <TextInput
            label="Patient ID"
            placeholder="Patient UUID"
            value={filters.patientId}
            onChange={(e) => set({ patientId: e.currentTarget.value })}
            error={errors.patientId}
          />
          <Select
            label="Actor"
            placeholder="Anyone"
            clearable
            searchable
            data={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: staffDisplayName(s) }))}
            value={filters.actorId || null}
            onChange={(v) => set({ actorId: v ?? '' })}
          />
        </SimpleGrid>
      </Card>
      <PagedQueryTable
        query={events}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d) => `${d.total.toLocaleString()} events`}
        aria-label="Audit events"
        data-testid="audit-table"
        minWidth={960}
        columns={['#', 'Time', 'Actor', 'Action', 'Resource', 'Patient', 'Outcome', 'IP address']}
        loading={events.isPending && valid}
        loadingLabel="Loading audit events"
        empty={<EmptyState title="No events match" description="Widen the date range or clear a filter." />}
        renderRow={(e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.seq}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
            <Table.Td>
              {e.actorName ?? humanize(e.actorKind)}
              {e.actorRole ? <Text c="dimmed">{humanize(e.actorRole)}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Text ff="monospace">{e.action}</Text>
            </Table.Td>
            <Table.Td>
              {e.resourceType
                ? `${e.resourceType}${e.resourceId ? ` ${e.resourceId.slice(0, 8)}…` : ''}`
                : ''}
            </Table.Td>
            <Table.Td>
              {e.patientId ? (
                <Anchor
                  component={Link}
                  to={`/patients/${e.patientId}`}
                  aria-label={`Open chart ${e.patientId}`}
                >
                  {e.patientId.slice(0, 8)}…
                </Anchor>
              ) : null}
            </Table.Td>
            <Table.Td>
              <StatusBadge label={humanize(e.outcome)} tone={OUTCOME_TONE[e.outcome]} />
            </Table.Td>
            <Table.Td>{e.clientIp ?? ''}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}

import type { TAtRiskPatient } from '@hearth/contracts';
import { EmptyState, PageHeader } from '@hearth/ui';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconMail, IconPhoneCall, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { engagementKeys, useAtRisk } from '../api/engagement';
import { useClinicians } from '../api/scheduling';
import { useCan } from '../auth/session-context';
import { PagedQueryTable } from '../components/PagedQueryTable';
import { formatDate, staffDisplayName } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import type { BookingPrefill } from '../scheduling/booking/booking-model';
import { formatLocalDateTime } from '../scheduling/time';
import { ReasonList } from './ReasonList';
import { RecordContactModal } from './RecordContactModal';
import { channelLabel, daysAgo, outcomeLabel } from './risk';
import { RiskBadge } from './RiskBadge';
import { SendMessageModal } from './SendMessageModal';

// The booking dialog loads only when someone books from the list.
const BookingDialog = lazy(() =>
  import('../scheduling/booking/BookingDialog').then((m) => ({ default: m.BookingDialog })),
);

const PAGE_SIZE = 25;
const DEFAULTS = { level: 'moderate', clinicianId: '', page: 1 };

type Who = { id: string; name: string };

/** The worklist of active patients drifting away from care, with one-click outreach. */
export function AtRiskPage() {
  useDocumentTitle('At risk');
  const canWrite = useCan('scheduling.write');
  const canSeeStaff = useCan('staff.read');
  const { filters, set, setPage, setFilters } = useRememberedFilters('engagement.atRisk', DEFAULTS);
  const clinicians = useClinicians();
  const query = useAtRisk({
    level: filters.level === 'high' ? 'high' : 'moderate',
    clinicianId: filters.clinicianId || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const [messageTo, setMessageTo] = useState<Who | null>(null);
  const [contactWith, setContactWith] = useState<Who | null>(null);
  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const queryClient = useQueryClient();
  // A booking changes the patient's score (something is booked ahead): reload the list.
  const afterBooking = () => {
    setBooking(null);
    void queryClient.invalidateQueries({ queryKey: engagementKeys.atRisk });
  };
  const filtered = filters.level !== 'moderate' || filters.clinicianId !== '';

  return (
    <>
      <PageHeader
        title="At risk"
        description="Active patients at moderate or high risk of dropping out of care, most at risk first. Each reason shows the points it added to the score (0 to 100, higher means more at risk)."
      />
      <Card mb="md">
        <form role="search" aria-label="Filter the at-risk list" onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <Select
              label="Risk level"
              value={filters.level}
              allowDeselect={false}
              onChange={(v) => set({ level: v ?? 'moderate' })}
              data={[
                { value: 'moderate', label: 'Moderate and high' },
                { value: 'high', label: 'High only' },
              ]}
              data-testid="at-risk-level"
            />
            {canSeeStaff ? (
              <Select
                label="Care team member"
                placeholder="Anyone"
                clearable
                searchable
                value={filters.clinicianId || null}
                onChange={(v) => set({ clinicianId: v ?? '' })}
                data={(clinicians.data ?? []).map((s) => ({ value: s.id, label: staffDisplayName(s) }))}
              />
            ) : null}
          </SimpleGrid>
        </form>
      </Card>

      <PagedQueryTable
        query={query}
        page={filters.page}
        onPageChange={setPage}
        pageSummary={(d, pages) =>
          `${d.total} patient${d.total === 1 ? '' : 's'} · page ${d.page} of ${pages}`
        }
        aria-label="Patients at risk"
        data-testid="at-risk-table"
        minWidth={980}
        verticalSpacing="sm"
        columns={['Patient', 'Risk', 'Why', 'Last attended', 'Next appointment', 'Last contact', 'Actions']}
        loadingLabel="Loading the at-risk list"
        empty={
          <EmptyState
            icon={<IconShieldCheck size={22} />}
            title={filtered ? 'No one matches these filters' : 'No one is at moderate or high risk'}
            description={
              filtered
                ? 'Widen the risk level or clear the care team filter.'
                : 'Patients appear here after missed sessions, long gaps or when nothing is booked ahead.'
            }
            action={
              filtered ? (
                <Button variant="default" onClick={() => setFilters(DEFAULTS)}>
                  Clear filters
                </Button>
              ) : null
            }
          />
        }
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        renderRow={(r) => (
          <AtRiskRow
            key={r.patient.id}
            r={r}
            canWrite={canWrite}
            onMessage={() => setMessageTo(r.patient)}
            onContact={() => setContactWith(r.patient)}
            onSchedule={() =>
              setBooking({
                patient: { id: r.patient.id, name: r.patient.name, detail: `MRN ${r.patient.mrn}` },
              })
            }
          />
        )}
      />
      <SendMessageModal patient={messageTo} onClose={() => setMessageTo(null)} />
      <RecordContactModal patient={contactWith} onClose={() => setContactWith(null)} />
      {booking ? (
        <Suspense fallback={null}>
          <BookingDialog
            prefill={booking}
            patientLocked
            onClose={() => setBooking(null)}
            onBooked={afterBooking}
          />
        </Suspense>
      ) : null}
    </>
  );
}

interface RowProps {
  r: TAtRiskPatient;
  canWrite: boolean;
  onMessage: () => void;
  onContact: () => void;
  onSchedule: () => void;
}

function AtRiskRow({ r, canWrite, onMessage, onContact, onSchedule }: RowProps) {
  const o = r.lastOutreach;
  return (
    <Table.Tr data-testid="at-risk-row">
      <Table.Td>
        <Anchor component={Link} to={`/patients/${r.patient.id}`} fw={500}>
          {r.patient.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          MRN {r.patient.mrn}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 150 }}>
        <RiskBadge level={r.level} score={r.score} />
      </Table.Td>
      <Table.Td maw={320}>
        <ReasonList reasons={r.reasons} compact />
      </Table.Td>
      <Table.Td>
        {r.lastAttendedDate ? (
          <>
            {formatDate(r.lastAttendedDate)}
            <Text size="sm" c="dimmed">
              {daysAgo(r.daysSinceLastAttended)}
            </Text>
          </>
        ) : (
          'Never'
        )}
      </Table.Td>
      <Table.Td>
        {r.nextAppointment ? formatLocalDateTime(r.nextAppointment.start) : 'Nothing booked'}
      </Table.Td>
      <Table.Td>
        {o ? (
          <>
            {formatDate(o.at.slice(0, 10))}: {outcomeLabel(o.outcome)}
            <Text size="sm" c="dimmed">
              {channelLabel(o.channel)}
              {o.actor ? ` · ${o.actor.name}` : ''}
            </Text>
          </>
        ) : (
          'None yet'
        )}
      </Table.Td>
      <Table.Td>
        {canWrite ? (
          <Stack gap={4} align="flex-start">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconMail size={14} aria-hidden="true" />}
              onClick={onMessage}
              aria-label={`Send message to ${r.patient.name}`}
            >
              Send message
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPhoneCall size={14} aria-hidden="true" />}
              onClick={onContact}
              aria-label={`Record contact with ${r.patient.name}`}
            >
              Record contact
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconCalendarPlus size={14} aria-hidden="true" />}
              onClick={onSchedule}
              aria-label={`Schedule ${r.patient.name}`}
            >
              Schedule
            </Button>
          </Stack>
        ) : (
          <Group>
            <Anchor component={Link} to={`/patients/${r.patient.id}`} size="sm">
              Open chart
            </Anchor>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

import type { TAppointment, TPatient } from '@hearth/contracts';
import { EmptyState } from '@hearth/ui';
import { Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useAppointments } from '../../api/scheduling';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { patientDisplayName } from '../../lib/format';
import type { BookingPrefill } from '../booking/booking-model';
import { AppointmentStatusBadge } from '../status';
import { addDays, formatLocalDate, formatLocalTime, todayIn } from '../time';

// The booking dialog loads only when someone books from the chart.
const BookingDialog = lazy(() => import('../booking/BookingDialog').then((m) => ({ default: m.BookingDialog })));

const SHOWN = 5;

/** Upcoming and recent appointments on the chart, with "Book" for the patient. */
export function PatientAppointmentsCard({ patient }: { patient: TPatient }) {
  const canRead = useCan('scheduling.read');
  const canWrite = useCan('scheduling.write');
  const [prefill, setPrefill] = useState<BookingPrefill | null>(null);
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const query = useAppointments(
    canRead ? { from: addDays(today, -120), to: addDays(today, 366), patientId: patient.id, includeCancelled: true } : null,
  );
  if (!canRead) return null;

  const now = Date.now();
  const all = [...(query.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const upcoming = all.filter((a) => new Date(a.endsAt).getTime() >= now && a.status !== 'skipped').slice(0, SHOWN);
  const recent = all
    .filter((a) => new Date(a.endsAt).getTime() < now)
    .reverse()
    .slice(0, SHOWN);

  return (
    <Card component="section" aria-labelledby="chart-appointments-heading" data-testid="chart-appointments">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="chart-appointments-heading">
          Appointments
        </Title>
        {canWrite ? (
          <Button
            size="compact-md"
            leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
            onClick={() =>
              setPrefill({ patient: { id: patient.id, name: patientDisplayName(patient), detail: `MRN ${patient.mrn}` } })
            }
            data-testid="chart-book"
          >
            Book
          </Button>
        ) : null}
      </Group>
      <QueryError query={query} />
      {query.isPending ? <Loader size="sm" aria-label="Loading appointments" /> : null}
      {query.data && all.length === 0 ? (
        <EmptyState title="No appointments" description={canWrite ? 'Book the first one with “Book”.' : 'Appointments will appear here once booked.'} />
      ) : null}
      {query.data && all.length > 0 ? (
        <Stack gap="sm">
          <AppointmentList title="Upcoming" items={upcoming} empty="Nothing booked ahead." />
          <AppointmentList title="Recent" items={recent} empty="No past appointments in the last four months." />
          <Anchor component={Link} to="/schedule" size="sm">
            Open the schedule
          </Anchor>
        </Stack>
      ) : null}
      {prefill ? (
        <Suspense fallback={null}>
          <BookingDialog prefill={prefill} patientLocked onClose={() => setPrefill(null)} />
        </Suspense>
      ) : null}
    </Card>
  );
}

function AppointmentList({ title, items, empty }: { title: string; items: TAppointment[]; empty: string }) {
  return (
    <div>
      <Title order={3} mb={4}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table aria-label={`${title} appointments`}>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={500}>
                    {formatLocalDate(a.start)}
                  </Text>
                  <Text size="sm">{formatLocalTime(a.start)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.appointmentType.name}</Text>
                  <Text size="sm" c="dimmed">
                    {a.clinician.name}
                    {a.telehealth ? ' · telehealth' : a.roomName ? ` · ${a.roomName}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AppointmentStatusBadge status={a.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}

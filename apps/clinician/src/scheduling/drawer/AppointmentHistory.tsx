import { Loader, Text, Timeline } from '@mantine/core';
import { QueryError } from '../../components/QueryError';
import { useAppointmentHistory, type TAppointmentEvent } from '../../api/scheduling';
import { statusLabel } from '../status';
import { formatLocalDateTime, localOf } from '../time';

const KIND: Record<string, string> = {
  created: 'Booked',
  status: 'Status changed',
  moved: 'Moved',
  edited: 'Changed',
  fee: 'Attendance fee',
  reminder: 'Reminder sent',
  confirmed_by_patient: 'Confirmed by the patient',
  cancelled_by_patient_link: 'Cancelled by the patient (reminder link)',
};

// Why a no-show or late cancel carried no fee (the fee event's reason).
const FEE_REASON: Record<string, string> = {
  waived: 'Attendance fee waived',
  payer_exempt: 'No attendance fee: the payer is exempt',
  medicaid_exempt: 'No attendance fee: Medicaid patient',
  no_fee_set: 'No attendance fee set',
};

function describe(e: TAppointmentEvent): string {
  const what = KIND[e.kind] ?? e.kind.replace(/_/g, ' ');
  if (e.kind === 'moved' && typeof e.detail.to === 'string' && typeof e.detail.from === 'string')
    return `${what} from ${formatLocalDateTime(e.detail.from)} to ${formatLocalDateTime(e.detail.to)}`;
  if (e.kind === 'fee') {
    const amount = /^Fee (\d+(?:\.\d+)?)$/.exec(e.reason ?? '');
    return amount ? `${what}: $${amount[1]}` : (FEE_REASON[e.reason ?? ''] ?? what);
  }
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus)
    return `${what}: ${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}`;
  if (e.toStatus && e.kind === 'status') return `${what}: ${statusLabel(e.toStatus)}`;
  return what;
}

/** Who changed what and when, oldest first, times in the appointment's zone. */
export function AppointmentHistory({ appointmentId, timeZone }: { appointmentId: string; timeZone: string }) {
  const query = useAppointmentHistory(appointmentId);
  if (query.isPending) return <Loader size="sm" aria-label="Loading history" />;
  if (query.isError) return <QueryError query={query} />;
  if (query.data.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="appointment-history">
      {query.data.map((e) => (
        <Timeline.Item key={e.id} title={describe(e)}>
          <Text size="sm" c="dimmed">
            {formatLocalDateTime(localOf(e.at, timeZone))}
            {e.actor ? ` · ${e.actor}` : ''}
          </Text>
          {e.reason && e.kind !== 'fee' ? <Text size="sm">“{e.reason}”</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

import type { TAppointment } from '@hearth/contracts';
import { InfoRow } from '@hearth/ui';
import { Anchor, Button, Divider, Drawer, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarOff, IconEdit, IconPlayerSkipForward } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAppointment, useEndSeries, useSeries, useSkipOccurrence } from '../../api/scheduling';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { AppointmentStatusBadge, isMovable } from '../status';
import { addMinutesLocal, formatLocalDate, formatLocalTime, isUpcoming, todayIn } from '../time';
import { AppointmentHistory } from './AppointmentHistory';
import { EditAppointmentModal, type EditScope } from './EditAppointmentModal';
import { ReasonModal } from './ReasonModal';
import { StatusActions } from './StatusActions';
import { useStatusFlow } from './useStatusFlow';
import { WaitlistSuggestions } from '../../waitlist/WaitlistSuggestions';
import { AppointmentNoteActions, canHaveNote } from '../../notes/start/AppointmentNoteActions';

// A freed future slot is the moment to offer it to someone waiting.
const FREED = new Set(['cancelled_patient', 'cancelled_practice', 'late_cancel', 'rescheduled', 'skipped']);

const CONFIRMATION: Record<TAppointment['confirmation'], string> = {
  confirmed: 'Confirmed by the patient',
  reminded: 'Reminder sent, not confirmed yet',
  none: 'No reminder sent yet',
};

interface Props {
  appointmentId: string | null;
  /** The calendar's copy, shown while the latest version loads. */
  fallback?: TAppointment | null;
  onClose: () => void;
}

/** Everything about one appointment, its next steps, series actions and history. */
export function AppointmentDrawer({ appointmentId, fallback, onClose }: Props) {
  return (
    <Drawer
      opened={!!appointmentId}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Title order={2}>Appointment</Title>}
      data-testid="appointment-drawer"
    >
      {appointmentId ? <DrawerBody appointmentId={appointmentId} fallback={fallback ?? null} /> : null}
    </Drawer>
  );
}

function DrawerBody({ appointmentId, fallback }: { appointmentId: string; fallback: TAppointment | null }) {
  const query = useAppointment(appointmentId);
  const a = query.data ?? (fallback?.id === appointmentId ? fallback : null);
  const canWrite = useCan('scheduling.write');
  const status = useStatusFlow();
  const skip = useSkipOccurrence();
  const endSeries = useEndSeries();
  const series = useSeries(a?.seriesId ?? null);
  const [editScope, setEditScope] = useState<EditScope | null>(null);
  const [asking, setAsking] = useState<'skip' | 'end' | null>(null);
  const [lastDate, setLastDate] = useState('');

  if (!a) return query.isError ? <QueryError query={query} /> : <Text c="dimmed">Loading…</Text>;

  const end = addMinutesLocal(a.start, a.durationMinutes);
  const who = a.patient?.name ?? a.group?.name ?? 'Busy';
  const actionable = canWrite && (a.patient !== null || a.group !== null);

  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700} size="lg" data-testid="drawer-patient">
              {a.patient ? (
                <Anchor component={Link} to={`/patients/${a.patient.id}`}>
                  {who}
                </Anchor>
              ) : (
                who
              )}
            </Text>
            {a.patient ? <Text c="dimmed">MRN {a.patient.mrn}</Text> : null}
          </div>
          <AppointmentStatusBadge status={a.status} />
        </Group>
        <Text mt={4} data-testid="drawer-when">
          {formatLocalDate(a.start)}, {formatLocalTime(a.start)} – {formatLocalTime(end)} ({a.timeZone})
        </Text>
      </div>

      <Stack gap={6}>
        <InfoRow label="Type">{a.appointmentType.name}</InfoRow>
        <InfoRow label="Clinician">{a.clinician.name}</InfoRow>
        <InfoRow label="Where">{a.telehealth ? 'Telehealth' : [a.locationName, a.roomName].filter(Boolean).join(', ')}</InfoRow>
        <InfoRow label="Reminders">{CONFIRMATION[a.confirmation]}</InfoRow>
        {a.statusReason ? <InfoRow label="Reason">{a.statusReason}</InfoRow> : null}
        {a.feeCents !== null ? <InfoRow label="Attendance fee">${(a.feeCents / 100).toFixed(2)}</InfoRow> : null}
        {a.seriesId ? (
          <InfoRow label="Series">
            {series.data
              ? series.data.description.charAt(0).toUpperCase() + series.data.description.slice(1)
              : 'Part of a recurring series'}
            {series.data?.status === 'ended' ? ` (ended ${formatLocalDate(series.data.endedOn ?? '')})` : ''}
          </InfoRow>
        ) : null}
        {a.moved ? <InfoRow label="Moved">This occurrence was moved from its usual time</InfoRow> : null}
      </Stack>

      {/* The next step after a session is its note: state and one click to it (clinical readers only). */}
      <AppointmentNoteSection appointment={a} />

      {actionable ? (
        <>
          <Divider label="Attendance" labelPosition="left" />
          <StatusActions appointment={a} busy={status.busy} onStatus={(s) => void status.run(a, s)} />
          {isMovable(a) || a.seriesId ? <Divider label="Change" labelPosition="left" /> : null}
          <Group gap="xs">
            {isMovable(a) ? (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditScope('this')}
                data-testid="drawer-edit"
              >
                {a.seriesId ? 'Edit this occurrence…' : 'Edit…'}
              </Button>
            ) : null}
            {isMovable(a) && a.seriesId ? (
              <>
                <Button variant="default" onClick={() => setEditScope('following')}>
                  Edit this and following…
                </Button>
                <Button variant="default" onClick={() => setEditScope('series')}>
                  Edit whole series…
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconPlayerSkipForward size={16} aria-hidden="true" />}
                  onClick={() => setAsking('skip')}
                >
                  Skip this occurrence
                </Button>
              </>
            ) : null}
            {a.seriesId && series.data?.status !== 'ended' ? (
              <Button
                variant="default"
                color="red"
                leftSection={<IconCalendarOff size={16} aria-hidden="true" />}
                onClick={() => {
                  setLastDate(todayIn(a.timeZone));
                  setAsking('end');
                }}
              >
                End series…
              </Button>
            ) : null}
          </Group>
        </>
      ) : null}

      {canWrite && FREED.has(a.status) && isUpcoming(a.startsAt) ? (
        <>
          <Divider label="Fill this time from the waitlist" labelPosition="left" />
          <WaitlistSuggestions appointmentId={a.id} />
        </>
      ) : null}

      <Divider label="History" labelPosition="left" />
      <AppointmentHistory appointmentId={a.id} timeZone={a.timeZone} />

      {status.modal}
      <EditAppointmentModal appointment={editScope ? a : null} initialScope={editScope ?? 'this'} onClose={() => setEditScope(null)} />
      <ReasonModal
        opened={asking === 'skip'}
        title="Skip this occurrence"
        confirmLabel="Skip occurrence"
        description={`${who}, ${formatLocalDate(a.start)} at ${formatLocalTime(a.start)}. The rest of the series stays as it is.`}
        reasonRequired={false}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => skip.mutateAsync({ id: a.id, body: { version: a.version, ...(reason ? { reason } : {}) } })}
      />
      <ReasonModal
        opened={asking === 'end'}
        title="End the series"
        confirmLabel="End series"
        danger
        description="Scheduled sessions after the last date are removed from the calendar; earlier ones stay as they are (for example when the patient is discharged)."
        reasonRequired
        onClose={() => setAsking(null)}
        onConfirm={(reason) => endSeries.mutateAsync({ id: a.seriesId!, body: { reason, ...(lastDate ? { lastDate } : {}) } })}
      >
        <TextInput type="date" label="Last date to keep" value={lastDate} onChange={(e) => setLastDate(e.currentTarget.value)} />
      </ReasonModal>
    </Stack>
  );
}

function AppointmentNoteSection({ appointment }: { appointment: TAppointment }) {
  const canRead = useCan('clinical.read');
  if (!canRead || (!appointment.patient && !appointment.group) || !canHaveNote(appointment)) return null;
  return (
    <>
      <Divider label="Note" labelPosition="left" />
      <AppointmentNoteActions appointment={appointment} />
    </>
  );
}

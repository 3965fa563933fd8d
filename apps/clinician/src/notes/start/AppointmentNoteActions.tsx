import type { TAppointment, TAppointmentStatus } from '@hearth/contracts';
import { StatusBadge } from '@hearth/ui';
import { Button, Group, Loader } from '@mantine/core';
import { IconFileText, IconNotes, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAppointmentNote } from '../../api/notes';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { NO_TRUNCATION } from '../../scheduling/status';
import { LateEntryBadge, NoteStatusBadge, OverdueBadge } from '../view/NoteStatusBadge';
import { NewNoteModal } from './NewNoteModal';
import { isGroupSession } from './template-choice';

/** Sessions that did not happen and were not missed have no note to write. */
const NO_NOTE: ReadonlySet<TAppointmentStatus> = new Set(['cancelled_patient', 'cancelled_practice', 'rescheduled', 'skipped']);

export const canHaveNote = (a: Pick<TAppointment, 'status'>) => !NO_NOTE.has(a.status);

/** The note of an appointment: its state and "Open note", or "Start note" (group sessions: the group note page). */
export function AppointmentNoteActions({ appointment: a, compact }: { appointment: TAppointment; compact?: boolean }) {
  const canRead = useCan('clinical.read');
  const canWrite = useCan('clinical.write');
  const group = isGroupSession(a.appointmentType.serviceHint) || (a.group !== null && a.patient === null);
  const note = useAppointmentNote(a.id, canRead && !group && a.patient !== null);
  const [starting, setStarting] = useState(false);
  if (!canRead || !canHaveNote(a)) return null;
  const size = compact ? 'compact-sm' : 'sm';

  if (group) {
    return canWrite ? (
      <Button
        component={Link}
        to={`/group-notes/new?appointmentId=${encodeURIComponent(a.id)}`}
        size={size}
        variant="default"
        leftSection={<IconUsersGroup size={16} aria-hidden="true" />}
      >
        Group note
      </Button>
    ) : null;
  }
  if (!a.patient) return null;
  if (note.isPending) return <Loader size="xs" aria-label="Loading the note state" />;
  if (note.isError) return <QueryError query={note} />;

  const n = note.data;
  if (n) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="appointment-note">
        <NoteStatusBadge status={n.status} />
        {n.overdue ? <OverdueBadge /> : null}
        {n.lateEntry ? <LateEntryBadge /> : null}
        <Button component={Link} to={`/notes/${n.id}`} size={size} variant={n.status === 'signed' ? 'default' : 'filled'} leftSection={<IconFileText size={16} aria-hidden="true" />}>
          Open note
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" data-testid="appointment-note">
      <StatusBadge label="Not started" tone="neutral" styles={NO_TRUNCATION} data-note-status="none" />
      {canWrite ? (
        <Button size={size} leftSection={<IconNotes size={16} aria-hidden="true" />} onClick={() => setStarting(true)} data-testid="start-note">
          Start note
        </Button>
      ) : null}
      <NewNoteModal
        opened={starting}
        onClose={() => setStarting(false)}
        patientId={a.patient.id}
        appointment={{ id: a.id, serviceHint: a.appointmentType.serviceHint, status: a.status }}
      />
    </Group>
  );
}

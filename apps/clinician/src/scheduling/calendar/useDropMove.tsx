import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import { conflictsOf, useMoveAppointment, type OccurrenceConflict } from '../../api/scheduling';
import { ConflictList } from '../ConflictList';
import type { EditScope } from '../drawer/EditAppointmentModal';
import { formatLocalDateTime } from '../time';
import type { DropChoice } from './CalendarPane';

/**
 * Drag to reschedule: a series occurrence asks whether the move is for this one, this and the
 * following, or the whole series. A refused move (409) snaps back and lists the conflicts.
 */
export function useDropMove() {
  const move = useMoveAppointment();
  const [asking, setAsking] = useState<DropChoice | null>(null);
  const [scope, setScope] = useState<EditScope>('this');
  const [refused, setRefused] = useState<{ when: string; conflicts: OccurrenceConflict[] | null; message: string } | null>(null);

  const send = async (d: DropChoice, s: EditScope) => {
    try {
      const saved = await move.mutateAsync({
        id: d.appointment.id,
        body: { scope: s, start: d.start, version: d.appointment.version },
      });
      notifications.show({ color: 'teal', title: 'Appointment moved', message: formatLocalDateTime(saved.start) });
    } catch (e) {
      d.revert();
      setRefused({ when: formatLocalDateTime(d.start), conflicts: conflictsOf(e), message: userMessageFor(e) });
    }
  };

  const onDrop = (d: DropChoice) => {
    if (d.appointment.seriesId) {
      setScope('this');
      setAsking(d);
    } else void send(d, 'this');
  };

  const cancelAsk = () => {
    asking?.revert();
    setAsking(null);
  };

  const element = (
    <>
      <Modal opened={!!asking} onClose={cancelAsk} title="Move a recurring appointment">
        {asking ? (
          <Stack gap="sm">
            <Text>
              {asking.appointment.patient?.name ?? 'Appointment'} to {formatLocalDateTime(asking.start)}.
            </Text>
            <Radio.Group label="Move" value={scope} onChange={(v) => setScope(v as EditScope)}>
              <Stack gap={6} mt={4}>
                <Radio value="this" label="This occurrence only" />
                <Radio value="following" label="This and the following occurrences" />
                <Radio value="series" label="Every occurrence in the series" />
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={cancelAsk}>
                Cancel
              </Button>
              <Button
                loading={move.isPending}
                onClick={() => {
                  const d = asking;
                  setAsking(null);
                  void send(d, scope);
                }}
                data-testid="drop-scope-confirm"
              >
                Move
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal opened={!!refused} onClose={() => setRefused(null)} title="The appointment was not moved">
        {refused ? (
          <Stack gap="sm" data-testid="move-refused">
            <Alert color="red" role="alert">
              {refused.conflicts?.length ? `${refused.when} conflicts with other bookings:` : refused.message}
            </Alert>
            {refused.conflicts?.length ? <ConflictList items={refused.conflicts} /> : null}
            <Group justify="flex-end">
              <Button onClick={() => setRefused(null)}>OK</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );

  return { onDrop, element };
}

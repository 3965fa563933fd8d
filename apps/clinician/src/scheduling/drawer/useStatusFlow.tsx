import type { TAppointment } from '@hearth/contracts';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import { useStatusChange, type TSettableStatus } from '../../api/scheduling';
import { STATUS } from '../status';
import { formatLocalDateTime } from '../time';
import { ReasonModal } from './ReasonModal';

// Statuses that ask for a reason first; the rest are one click.
const ASKS: Partial<Record<TSettableStatus, { title: string; confirm: string; required: boolean; fee: boolean; danger: boolean }>> = {
  no_show: { title: 'Mark as no-show', confirm: 'Mark no-show', required: false, fee: true, danger: true },
  late_cancel: { title: 'Record a late cancellation', confirm: 'Record late cancel', required: false, fee: true, danger: true },
  cancelled_patient: { title: 'Cancelled by the patient', confirm: 'Cancel appointment', required: true, fee: false, danger: true },
  cancelled_practice: { title: 'Cancelled by the practice', confirm: 'Cancel appointment', required: true, fee: false, danger: true },
};

/**
 * Changing an appointment's attendance status: one click for the day's steps, a reason (and the
 * fee waiver) for no-shows and cancellations. Refusals (for example a no-show before the start)
 * come back as the server's sentence.
 */
export function useStatusFlow() {
  const mutation = useStatusChange();
  const [pending, setPending] = useState<{ appointment: TAppointment; status: TSettableStatus } | null>(null);

  const send = async (a: TAppointment, status: TSettableStatus, reason?: string, waiveFee?: boolean) => {
    const saved = await mutation.mutateAsync({
      id: a.id,
      body: { status, version: a.version, ...(reason ? { reason } : {}), ...(waiveFee ? { waiveFee } : {}) },
    });
    const fee = saved.feeCents ? ` A fee of $${(saved.feeCents / 100).toFixed(2)} was recorded.` : '';
    const changed = saved.status !== status ? ` (recorded as ${STATUS[saved.status].label.toLowerCase()})` : '';
    notifications.show({
      color: 'teal',
      title: `${STATUS[saved.status].label}${changed}`,
      message: `${formatLocalDateTime(saved.start)}.${fee}`,
    });
    return saved;
  };

  /** Starts a status change; resolves once it is sent (or the reason dialog opens). */
  const run = async (a: TAppointment, status: TSettableStatus) => {
    if (ASKS[status]) {
      setPending({ appointment: a, status });
      return;
    }
    try {
      await send(a, status);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: userMessageFor(e) });
    }
  };

  const ask = pending ? ASKS[pending.status] : undefined;
  const modal = (
    <ReasonModal
      opened={!!pending && !!ask}
      title={ask?.title ?? ''}
      confirmLabel={ask?.confirm ?? ''}
      reasonRequired={ask?.required ?? false}
      offerWaiveFee={ask?.fee ?? false}
      danger={ask?.danger}
      description={
        pending
          ? `${pending.appointment.patient?.name ?? 'Appointment'}, ${formatLocalDateTime(pending.appointment.start)}`
          : undefined
      }
      onClose={() => setPending(null)}
      onConfirm={(reason, waive) => send(pending!.appointment, pending!.status, reason, waive)}
    />
  );

  return { run, modal, busy: mutation.isPending };
}

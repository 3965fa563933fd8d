import type { TAppointment } from '@hearth/contracts';
import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { TSettableStatus } from '../../api/scheduling';
import { ACTION_LABEL, STATUS, canCancel, nextActions } from '../status';

const SETTABLE: TSettableStatus[] = [
  'scheduled',
  'confirmed',
  'checked_in',
  'in_session',
  'completed',
  'no_show',
  'late_cancel',
  'cancelled_patient',
  'cancelled_practice',
];

interface Props {
  appointment: TAppointment;
  busy: boolean;
  onStatus: (status: TSettableStatus) => void;
}

/** The day's next steps as buttons, cancellations in a menu, and corrections for anything else. */
export function StatusActions({ appointment: a, busy, onStatus }: Props) {
  const next = nextActions(a);
  const cancellable = canCancel(a);
  const corrections = SETTABLE.filter((s) => s !== a.status);
  if (a.status === 'skipped' || a.status === 'rescheduled') return null;

  return (
    <Group gap="xs" data-testid="status-actions">
      {next.map((s, i) => (
        <Button
          key={s}
          variant={i === 0 ? 'filled' : 'default'}
          color={s === 'no_show' ? 'red' : undefined}
          onClick={() => onStatus(s)}
          disabled={busy}
          data-testid={`status-${s}`}
        >
          {ACTION_LABEL[s]}
        </Button>
      ))}
      {cancellable ? (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden="true" />} disabled={busy}>
              Cancel…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onStatus('cancelled_patient')}>Cancelled by patient</Menu.Item>
            <Menu.Item onClick={() => onStatus('late_cancel')}>Late cancel (inside the window)</Menu.Item>
            <Menu.Item onClick={() => onStatus('cancelled_practice')}>Cancelled by practice</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : null}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="subtle" rightSection={<IconChevronDown size={14} aria-hidden="true" />} disabled={busy}>
            Change status
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Correct the status to</Menu.Label>
          {corrections.map((s) => (
            <Menu.Item key={s} onClick={() => onStatus(s)}>
              {STATUS[s].label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

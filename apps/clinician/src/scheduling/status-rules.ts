import type { TAppointment } from '@hearth/contracts';

// Which attendance steps the screens offer. The server decides in the end (see the API's
// attendance rules); these only keep buttons that cannot succeed out of the way.

/** Only scheduled and confirmed appointments can be moved (the server says the same). */
export const isMovable = (a: Pick<TAppointment, 'status'>) => a.status === 'scheduled' || a.status === 'confirmed';

export type QuickAction = 'confirmed' | 'checked_in' | 'in_session' | 'completed' | 'no_show';

/**
 * The next attendance steps that make sense now, in the order a day runs. The server decides in the
 * end (for example check-in opens on the day, a no-show needs the start time to have passed).
 */
export function nextActions(a: Pick<TAppointment, 'status' | 'startsAt'>, now = Date.now()): QuickAction[] {
  const startsIn = (new Date(a.startsAt).getTime() - now) / 3_600_000;
  const started = startsIn <= 0;
  switch (a.status) {
    case 'scheduled':
    case 'confirmed': {
      const out: QuickAction[] = [];
      if (a.status === 'scheduled' && !started) out.push('confirmed');
      if (startsIn <= 24) out.push('checked_in');
      if (startsIn <= 0.5) out.push('in_session');
      if (started) out.push('completed', 'no_show');
      return out;
    }
    case 'checked_in': {
      const out: QuickAction[] = [];
      if (startsIn <= 0.5) out.push('in_session');
      if (started) out.push('completed');
      return out;
    }
    case 'in_session':
      return ['completed'];
    default:
      return [];
  }
}

export const ACTION_LABEL: Record<QuickAction, string> = {
  confirmed: 'Confirm',
  checked_in: 'Check in',
  in_session: 'Start session',
  completed: 'Complete',
  no_show: 'No-show',
};

/** Whether a patient cancellation or a late cancel is still possible (it has not happened yet). */
export const canCancel = (a: Pick<TAppointment, 'status'>) =>
  a.status === 'scheduled' || a.status === 'confirmed' || a.status === 'checked_in';

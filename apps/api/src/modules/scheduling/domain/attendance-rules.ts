import { DomainError } from '../../../platform/errors.js';

// Which attendance status changes make sense, and when a patient's cancellation is a late cancel.

export const SLOT_HOLDING = new Set(['scheduled', 'confirmed', 'checked_in', 'in_session', 'completed']);
export const MOVABLE = new Set(['scheduled', 'confirmed']);

export interface StatusChangeInput {
  from: string;
  to: string;
  now: Date;
  startsAt: Date;
  endsAt: Date;
  lateCancelWindowHours: number;
}

export interface StatusDecision {
  /** The status actually recorded (a patient cancellation inside the window becomes a late cancel). */
  status: string;
  note: string | null;
}

const conflict = (msg: string) => new DomainError('conflict', msg);

/**
 * Validates a status change and classifies patient cancellations. Corrections are allowed (a no-show
 * recorded by mistake can become completed), but nothing can happen before it could have: a no-show or a
 * completed session needs the start time to have passed, and check-in opens on the day.
 */
export function decideStatus(i: StatusChangeInput): StatusDecision {
  if (i.from === 'skipped' || i.from === 'rescheduled') throw conflict('This occurrence was skipped or rescheduled; book a new appointment instead.');
  if (i.from === i.to) throw conflict(`The appointment is already ${i.to.replace('_', ' ')}.`);
  const started = i.now.getTime() >= i.startsAt.getTime();
  const hoursBefore = (i.startsAt.getTime() - i.now.getTime()) / 3_600_000;
  switch (i.to) {
    case 'no_show':
    case 'completed':
    case 'in_session':
      if (!started && !(i.to === 'in_session' && hoursBefore <= 0.5)) {
        throw conflict(`An appointment can be marked ${i.to.replace('_', ' ')} only once it has started.`);
      }
      return { status: i.to, note: null };
    case 'checked_in':
      if (hoursBefore > 24) throw conflict('Check-in opens on the day of the appointment.');
      return { status: i.to, note: null };
    case 'late_cancel':
      if (hoursBefore > i.lateCancelWindowHours) {
        throw conflict(`This is more than ${i.lateCancelWindowHours} hours ahead: record it as cancelled by the patient.`);
      }
      return { status: i.to, note: null };
    case 'cancelled_patient':
      if (hoursBefore <= i.lateCancelWindowHours) {
        return { status: 'late_cancel', note: `Cancelled within the ${i.lateCancelWindowHours}-hour late-cancel window` };
      }
      return { status: i.to, note: null };
    default:
      return { status: i.to, note: null };
  }
}

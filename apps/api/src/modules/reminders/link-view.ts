import type { TAppointmentLinkView } from '@hearth/contracts';
import { instantToLocal } from '../scheduling/index.js';
import { formatAddress, formatWhen, type Place } from './domain/message.js';
import type { AppointmentFactsRow, LinkRow } from './links.repo.js';

// What a reminder and its confirm/cancel page show, built from one appointmentFacts() row.

export const placeOf = (f: AppointmentFactsRow): Place =>
  f.telehealth ? { kind: 'video' } : { kind: 'in_person', name: f.location_name, address: formatAddress(f.location_address) };

export const firstNameOf = (f: AppointmentFactsRow): string => f.preferred_name?.trim() || f.legal_first_name;

type State = TAppointmentLinkView['appointment']['state'];

/** The appointment's state for this patient: a group member's own line counts once the session itself stands. */
export function stateOf(f: AppointmentFactsRow): State {
  const s = f.group_id && ['scheduled', 'confirmed', 'checked_in', 'in_session', 'completed'].includes(f.status) ? (f.member_status ?? 'scheduled') : f.status;
  if (s === 'scheduled' || s === 'confirmed') return s;
  if (s === 'checked_in' || s === 'in_session' || s === 'completed') return 'arrived';
  if (s === 'rescheduled') return 'rescheduled';
  return 'cancelled';
}

export function toLinkView(f: AppointmentFactsRow, link: LinkRow, now: Date): TAppointmentLinkView {
  const startsAt = new Date(f.starts_at);
  const when = formatWhen(startsAt, f.time_zone);
  const state = stateOf(f);
  const open = !link.used_at;
  const ahead = now.getTime() < startsAt.getTime();
  const hoursBefore = (startsAt.getTime() - now.getTime()) / 3_600_000;
  return {
    practice: { name: f.practice_name, phone: f.practice_phone },
    appointment: {
      start: instantToLocal(startsAt, f.time_zone),
      startsAt: startsAt.toISOString(),
      timeZone: f.time_zone,
      dateText: when.dateText,
      timeText: when.timeText,
      durationMinutes: Math.round((new Date(f.ends_at).getTime() - startsAt.getTime()) / 60_000),
      place: placeOf(f),
      state,
    },
    link: { state: open ? 'open' : 'used', usedFor: link.used_for, expiresAt: new Date(link.expires_at).toISOString() },
    canConfirm: open && ahead && state === 'scheduled',
    canCancel: open && ahead && (state === 'scheduled' || state === 'confirmed'),
    cancelIsLate: hoursBefore <= f.late_cancel_window_hours,
    lateCancelWindowHours: f.late_cancel_window_hours,
  };
}

import type { TAppointment } from '@hearth/contracts';
import { IconRepeat, IconVideo } from '@tabler/icons-react';
import { safeColor } from '../colors';
import { STATUS } from '../status';

interface Props {
  appointment: TAppointment;
  timeText: string;
  showClinician: boolean;
  compact: boolean;
}

/**
 * One appointment on the calendar: the type's colour as a stripe, the status as an icon and a word
 * (released slots are also struck through), then patient, type and place. A patient the reader may
 * not see shows as "Busy" with nothing identifying.
 */
export function EventContent({ appointment: a, timeText, showClinician, compact }: Props) {
  const status = STATUS[a.status];
  const StatusIcon = status.icon;
  const who = a.patient?.name ?? a.group?.name ?? 'Busy';
  const where = a.telehealth ? 'Telehealth' : (a.roomName ?? '');
  return (
    <div
      className="hearth-event-body"
      style={{ borderLeftColor: safeColor(a.appointmentType.color) }}
      data-testid="calendar-event"
      data-appointment-id={a.id}
      data-status={a.status}
    >
      <div className="hearth-event-line">
        <StatusIcon size={14} aria-hidden="true" className="hearth-event-icon" />
        <span className="hearth-event-time">{timeText}</span>
        {compact ? <span className="hearth-event-title">{who}</span> : null}
        {a.seriesId ? <IconRepeat size={13} aria-label="Part of a series" className="hearth-event-icon" /> : null}
        {a.telehealth ? <IconVideo size={13} aria-label="Telehealth" className="hearth-event-icon" /> : null}
      </div>
      {!compact ? <div className="hearth-event-title">{who}</div> : null}
      {a.status !== 'scheduled' ? <div className="hearth-event-status">{status.label}</div> : null}
      {!compact ? (
        <div className="hearth-event-meta">
          {[a.appointmentType.name, where, showClinician ? a.clinician.name : null].filter(Boolean).join(' · ')}
        </div>
      ) : showClinician ? (
        <div className="hearth-event-meta">{a.clinician.name}</div>
      ) : null}
    </div>
  );
}

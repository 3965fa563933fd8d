import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar.css';
import FullCalendar, {
  type CalendarRef,
  type DateSelectInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import type { TAppointment } from '@hearth/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { tint, safeColor } from '../colors';
import { STATUS, isMovable } from '../status';
import { EventContent } from './EventContent';

export type CalendarView = 'day' | 'week' | 'month';

const FC_VIEW: Record<CalendarView, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
};

export interface SlotChoice {
  /** Local start in the calendar's zone, 'YYYY-MM-DDTHH:MM'. */
  start: string;
  /** Minutes selected by dragging across slots; null for a click (use the type's duration). */
  durationMinutes: number | null;
  clinicianId: string | null;
}

export interface DropChoice {
  appointment: TAppointment;
  /** The new local start in the calendar's zone. */
  start: string;
  revert: () => void;
}

interface Props {
  view: CalendarView;
  date: string;
  timeZone: string;
  appointments: TAppointment[];
  /** The clinician whose column this is, when panes are side by side. */
  clinicianId: string | null;
  /** Shown above the pane and used to name it for screen readers. */
  label: string;
  /** Show each event's clinician (location and room views mix clinicians). */
  showClinician: boolean;
  canWrite: boolean;
  onSelectSlot: (s: SlotChoice) => void;
  onOpenAppointment: (id: string) => void;
  onDrop: (d: DropChoice) => void;
}

/** FullCalendar's ISO string in the calendar's named zone ("2027-01-05T15:00:00-06:00") → local. */
const localFromFc = (s: string) => s.slice(0, 16);

/** One FullCalendar in the location's zone: a day or week time grid, or a month grid. */
// Options that never change live outside the component: FullCalendar compares options by identity, and
// a new plugins array or formatter on every render makes it rebuild its views (and lose a click in flight).
const PLUGINS = [timeGridPlugin, dayGridPlugin, interactionPlugin, classicThemePlugin];
const EVENT_TIME_FORMAT = { hour: 'numeric', minute: '2-digit', meridiem: 'short' } as const;

const eventClass = (info: EventDisplayInfo) => {
  const a = info.event.extendedProps.appointment as TAppointment | undefined;
  return a && STATUS[a.status]?.released ? 'hearth-event hearth-event-released' : 'hearth-event';
};

/** One FullCalendar in the location's zone: a day or week time grid, or a month grid. */
export function CalendarPane(p: Props) {
  const ref = useRef<CalendarRef>(null);
  // The handlers read the latest props through a ref, so their identity stays stable.
  const latest = useRef(p);
  useEffect(() => {
    latest.current = p;
  });

  // The page owns the date and view (several panes move together): follow them here.
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    if (api.view.type !== FC_VIEW[p.view]) api.changeView(FC_VIEW[p.view], p.date);
    else api.gotoDate(p.date);
  }, [p.view, p.date]);

  const events: EventInput[] = useMemo(
    () =>
      p.appointments.map((a) => ({
        id: a.id,
        start: a.startsAt,
        end: a.endsAt,
        title: a.patient?.name ?? 'Busy',
        color: tint(safeColor(a.appointmentType.color)),
        contrastColor: '#212529',
        startEditable: p.canWrite && isMovable(a) && a.patient !== null,
        durationEditable: false,
        extendedProps: { appointment: a },
      })),
    [p.appointments, p.canWrite],
  );

  const { showClinician, view } = p;
  const handlers = useMemo(
    () => ({
      eventContent: (info: EventDisplayInfo) => {
        const appointment = info.event.extendedProps.appointment as TAppointment | undefined;
        // The selection being dragged out ("mirror") is not an appointment: FullCalendar draws it.
        if (!appointment) return true;
        return (
          <EventContent
            appointment={appointment}
            timeText={info.timeText}
            showClinician={showClinician}
            compact={info.isShort || view === 'month'}
          />
        );
      },
      eventClick: (info: EventClickInfo) => {
        info.jsEvent.preventDefault();
        latest.current.onOpenAppointment(info.event.id);
      },
      select: (info: DateSelectInfo) => {
        const cur = latest.current;
        ref.current?.getApi().unselect();
        if (!cur.canWrite) return;
        if (info.allDay) {
          // A day in the month grid: book at 9:00 that day.
          cur.onSelectSlot({ start: `${info.startStr.slice(0, 10)}T09:00`, durationMinutes: null, clinicianId: cur.clinicianId });
          return;
        }
        const minutes = Math.round((info.end.getTime() - info.start.getTime()) / 60_000);
        cur.onSelectSlot({
          start: localFromFc(info.startStr),
          // A click selects one 15-minute snap: let the appointment type decide the length.
          durationMinutes: minutes > 30 ? minutes : null,
          clinicianId: cur.clinicianId,
        });
      },
      eventDrop: (info: EventDropInfo) => {
        const appointment = info.event.extendedProps.appointment as TAppointment;
        latest.current.onDrop({ appointment, start: localFromFc(info.event.startStr), revert: info.revert });
      },
    }),
    // Only what the event content shows: a new renderer makes FullCalendar redraw the events.
    [showClinician, view],
  );

  return (
    <div className="hearth-calendar" role="region" aria-label={p.label} data-testid="calendar-pane">
      <FullCalendar
        ref={ref}
        plugins={PLUGINS}
        initialView={FC_VIEW[p.view]}
        initialDate={p.date}
        timeZone={p.timeZone}
        headerToolbar={false}
        height={p.view === 'month' ? 'auto' : 800}
        allDaySlot={false}
        slotMinTime="06:00:00"
        slotMaxTime="22:00:00"
        scrollTime="08:00:00"
        slotDuration="00:30:00"
        // Tall enough that a 45-minute session shows its time, patient and status.
        slotMinHeight={40}
        snapDuration="00:15:00"
        nowIndicator
        eventDisplay="block"
        dayMaxEvents={4}
        slotEventOverlap={false}
        eventTimeFormat={EVENT_TIME_FORMAT}
        displayEventEnd={false}
        events={events}
        editable={p.canWrite}
        selectable={p.canWrite}
        selectMirror
        eventClass={eventClass}
        eventContent={handlers.eventContent}
        eventClick={handlers.eventClick}
        select={handlers.select}
        eventDrop={handlers.eventDrop}
      />
    </div>
  );
}

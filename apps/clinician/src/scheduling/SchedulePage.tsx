import type { TAppointment } from '@hearth/contracts';
import { EmptyState, LoadingState, PageHeader } from '@hearth/ui';
import { Button, Text } from '@mantine/core';
import { IconCalendarPlus, IconListDetails, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAppointments, useClinicians, useLocations, type CalendarParams } from '../api/scheduling';
import { useCan, useSession } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { staffDisplayName } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { BookingDialog } from './booking/BookingDialog';
import type { BookingPrefill } from './booking/booking-model';
import { CalendarPane, type SlotChoice } from './calendar/CalendarPane';
import { SCHEDULE_FILTERS_KEY, defaultScheduleFilters, displayLocation } from './calendar/schedule-filters';
import { ScheduleToolbar } from './calendar/ScheduleToolbar';
import { useDropMove } from './calendar/useDropMove';
import { AppointmentDrawer } from './drawer/AppointmentDrawer';
import { todayIn, visibleRange, zoneAbbreviation } from './time';

const CLINICAL_ROLES = ['therapist', 'associate', 'prescriber', 'supervisor'];

/** The schedule: day, week or month, for clinicians side by side, a location or a room. */
export function SchedulePage() {
  useDocumentTitle('Schedule');
  const { user } = useSession();
  const canWrite = useCan('scheduling.write');
  const selfIsClinician = user.roles.some((r) => CLINICAL_ROLES.includes(r));
  const { filters, set } = useRememberedFilters(SCHEDULE_FILTERS_KEY, defaultScheduleFilters(selfIsClinician, user.id));
  const clinicians = useClinicians();
  const locations = useLocations();
  const location = displayLocation(locations.data, filters.locationId);
  const timeZone = location?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(timeZone);
  const date = filters.date || today;

  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const drop = useDropMove();

  const range = visibleRange(filters.view, date);
  const scopeReady =
    filters.mode === 'clinicians' ? filters.clinicianIds.length > 0 : filters.mode === 'location' ? !!location : !!filters.roomId;
  const params: CalendarParams | null =
    scopeReady && location
      ? {
          from: range.from,
          to: range.to,
          ...(filters.mode === 'clinicians' ? { clinicianIds: filters.clinicianIds } : { locationId: location.id }),
          ...(filters.mode === 'room' ? { roomId: filters.roomId } : {}),
          includeCancelled: filters.showCancelled,
        }
      : null;
  const appointments = useAppointments(params);
  const items = useMemo(() => appointments.data ?? [], [appointments.data]);
  const opened: TAppointment | null = items.find((a) => a.id === openId) ?? null;

  const nameOf = (id: string) => {
    const c = clinicians.data?.find((s) => s.id === id);
    return c ? staffDisplayName(c) : 'Clinician';
  };
  // Several clinicians in a day or week view: one column set each, side by side.
  const panes =
    filters.mode === 'clinicians' && filters.view !== 'month'
      ? filters.clinicianIds.map((id) => ({ id, label: nameOf(id), items: items.filter((a) => a.clinician.id === id) }))
      : [
          {
            id: null,
            label:
              filters.mode === 'clinicians'
                ? filters.clinicianIds.map(nameOf).join(', ')
                : filters.mode === 'room'
                  ? `${location?.rooms.find((r) => r.id === filters.roomId)?.name ?? 'Room'}, ${location?.name ?? ''}`
                  : (location?.name ?? 'Location'),
            items,
          },
        ];
  const showClinician = filters.mode !== 'clinicians' || (filters.view === 'month' && filters.clinicianIds.length > 1);

  const onSelectSlot = (s: SlotChoice) =>
    setBooking({
      start: s.start,
      durationMinutes: s.durationMinutes,
      clinicianId: s.clinicianId ?? (filters.mode === 'clinicians' && filters.clinicianIds.length === 1 ? filters.clinicianIds[0] : null),
      locationId: location?.id ?? null,
      roomId: filters.mode === 'room' ? filters.roomId : null,
    });

  return (
    <>
      <PageHeader
        title="Schedule"
        description={location ? `Times in ${location.timeZone} (${zoneAbbreviation(timeZone)})` : undefined}
        actions={
          <>
            <Button component={Link} to="/schedule/day-sheet" variant="default" leftSection={<IconListDetails size={16} aria-hidden="true" />}>
              Day sheet
            </Button>
            {canWrite ? (
              <Button
                leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
                onClick={() =>
                  setBooking({
                    start: `${date}T09:00`,
                    locationId: location?.id ?? null,
                    clinicianId: filters.mode === 'clinicians' && filters.clinicianIds.length === 1 ? filters.clinicianIds[0] : null,
                  })
                }
                data-testid="book-appointment"
              >
                Book appointment
              </Button>
            ) : null}
          </>
        }
      />
      <ScheduleToolbar
        filters={filters}
        date={date}
        today={today}
        set={set}
        clinicians={clinicians.data ?? []}
        locations={locations.data ?? []}
        location={location}
      />
      <QueryError query={locations} mb="sm" />
      <QueryError query={clinicians} mb="sm" />
      <QueryError query={appointments} mb="sm" />
      {locations.isPending ? <LoadingState label="Loading the schedule" /> : null}
      {!scopeReady && !locations.isPending ? (
        <EmptyState
          icon={<IconUsers size={22} />}
          title={filters.mode === 'room' ? 'Choose a room' : 'Choose whose calendar to show'}
          description={
            filters.mode === 'room'
              ? 'Pick a room above to see its bookings.'
              : 'Pick one or more clinicians above; several are shown side by side.'
          }
        />
      ) : null}
      {scopeReady && location ? (
        <>
          {canWrite ? (
            <Text size="sm" c="dimmed" mb="xs">
              Click an empty time to book, drag an appointment to move it, or click it for details and status.
            </Text>
          ) : null}
          <div
            className="hearth-calendar-row"
            data-view={filters.view}
            data-single={panes.length === 1 ? 'true' : 'false'}
            aria-busy={appointments.isFetching}
          >
            {panes.map((p) => (
              <div className="hearth-calendar-column" key={p.id ?? 'all'}>
                {panes.length > 1 ? (
                  <Text fw={600} mb={4} data-testid="calendar-pane-title">
                    {p.label}
                  </Text>
                ) : null}
                <CalendarPane
                  view={filters.view}
                  date={date}
                  timeZone={timeZone}
                  appointments={p.items}
                  clinicianId={p.id}
                  label={`Calendar: ${p.label}`}
                  showClinician={showClinician}
                  canWrite={canWrite}
                  onSelectSlot={onSelectSlot}
                  onOpenAppointment={setOpenId}
                  onDrop={drop.onDrop}
                />
              </div>
            ))}
          </div>
        </>
      ) : null}
      <AppointmentDrawer appointmentId={openId} fallback={opened} onClose={() => setOpenId(null)} />
      <BookingDialog
        prefill={booking}
        onClose={() => setBooking(null)}
        onBooked={(first) => {
          if (first && first.slice(0, 10) !== date) set({ date: first.slice(0, 10) === today ? '' : first.slice(0, 10) });
        }}
      />
      {drop.element}
    </>
  );
}

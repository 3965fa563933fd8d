import { EmptyState, PageHeader } from '@hearth/ui';
import { ActionIcon, Button, Card, Group, Select, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarOff, IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useAppointments, useLocations } from '../../api/scheduling';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useRememberedFilters } from '../../lib/useRememberedFilters';
import { displayLocation } from '../calendar/schedule-filters';
import { AppointmentDrawer } from '../drawer/AppointmentDrawer';
import { addDays, formatLocalDate, todayIn, zoneAbbreviation } from '../time';
import { DaySheetTable } from './DaySheetTable';
import './day-sheet.css';

interface DaySheetFilters {
  page: number;
  /** '' follows today. */
  date: string;
  locationId: string;
  showCancelled: boolean;
}

const DEFAULTS: DaySheetFilters = { page: 1, date: '', locationId: '', showCancelled: true };

/** The front desk's day at one location: who is coming, confirmation state, one-click check-in. */
export function DaySheetPage() {
  useDocumentTitle('Day sheet');
  const canWrite = useCan('scheduling.write');
  const { filters, set } = useRememberedFilters('schedule.daysheet', DEFAULTS);
  const locations = useLocations();
  const location = displayLocation(locations.data, filters.locationId);
  const timeZone = location?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(timeZone);
  const date = filters.date || today;
  const [openId, setOpenId] = useState<string | null>(null);

  const appointments = useAppointments(
    location ? { from: date, to: date, locationId: location.id, includeCancelled: filters.showCancelled } : null,
  );
  // The server answers by each appointment's own local day; keep exactly the chosen day.
  const rows = (appointments.data ?? [])
    .filter((a) => a.start.slice(0, 10) === date)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.clinician.name.localeCompare(b.clinician.name));
  const go = (d: string) => set({ date: d === today ? '' : d });
  const opened = rows.find((a) => a.id === openId) ?? null;

  return (
    <div className="day-sheet">
      <PageHeader
        title="Day sheet"
        description={location ? `${location.name} · ${formatLocalDate(date)} · times in ${zoneAbbreviation(timeZone)}` : undefined}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden="true" />} onClick={() => window.print()} className="no-print">
            Print
          </Button>
        }
      />
      <Card mb="sm" className="no-print" component="section" aria-label="Day sheet controls">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Group gap={4} align="flex-end" wrap="nowrap">
            <Tooltip label="Previous day">
              <ActionIcon variant="default" size="lg" aria-label="Previous day" onClick={() => go(addDays(date, -1))} mb={1}>
                <IconChevronLeft size={18} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <TextInput
              type="date"
              label="Date"
              value={date}
              onChange={(e) => e.currentTarget.value && go(e.currentTarget.value)}
              w={170}
              data-testid="day-sheet-date"
            />
            <Tooltip label="Next day">
              <ActionIcon variant="default" size="lg" aria-label="Next day" onClick={() => go(addDays(date, 1))} mb={1}>
                <IconChevronRight size={18} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" onClick={() => go(today)} disabled={date === today} mb={1}>
              Today
            </Button>
          </Group>
          <Select
            label="Location"
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={location?.id ?? null}
            onChange={(id) => id && set({ locationId: id })}
            allowDeselect={false}
            w={240}
            data-testid="day-sheet-location"
          />
          <Switch
            label="Show cancelled"
            checked={filters.showCancelled}
            onChange={(e) => set({ showCancelled: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
      </Card>
      <QueryError query={locations} mb="sm" />
      <QueryError query={appointments} mb="sm" />
      {appointments.data && rows.length === 0 ? (
        <EmptyState
          icon={<IconCalendarOff size={22} />}
          title="Nothing booked this day"
          description="Choose another date or location, or book from the Schedule."
        />
      ) : null}
      {rows.length > 0 ? (
        <>
          <Text size="sm" c="dimmed" mb="xs" className="no-print">
            {rows.length} appointment{rows.length === 1 ? '' : 's'}. Click a patient for details and history.
          </Text>
          <DaySheetTable rows={rows} canWrite={canWrite} loading={appointments.isFetching} onOpen={setOpenId} />
        </>
      ) : null}
      <AppointmentDrawer appointmentId={openId} fallback={opened} onClose={() => setOpenId(null)} />
    </div>
  );
}

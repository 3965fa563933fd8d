import type { TLocation, TStaff } from '@hearth/contracts';
import { ActionIcon, Button, Card, Group, MultiSelect, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { staffDisplayName } from '../../lib/format';
import { addDays, addMonths, rangeTitle } from '../time';
import type { CalendarView } from './CalendarPane';
import { MAX_SIDE_BY_SIDE, type ScheduleFilters, type ScheduleMode } from './schedule-filters';

interface Props {
  filters: ScheduleFilters;
  /** The date shown (filters.date, or today in the location's zone). */
  date: string;
  today: string;
  set: (patch: Partial<ScheduleFilters>) => void;
  clinicians: TStaff[];
  locations: TLocation[];
  location: TLocation | undefined;
}

const step = (view: CalendarView, date: string, dir: 1 | -1) =>
  view === 'day' ? addDays(date, dir) : view === 'week' ? addDays(date, 7 * dir) : addMonths(date, dir);

/** Date navigation, the view, and whose calendar: clinicians side by side, a location or a room. */
export function ScheduleToolbar({ filters: f, date, today, set, clinicians, locations, location }: Props) {
  const unit = f.view === 'day' ? 'day' : f.view === 'week' ? 'week' : 'month';
  const go = (d: string) => set({ date: d === today ? '' : d });
  const rooms = location?.rooms.filter((r) => r.active || r.id === f.roomId) ?? [];

  return (
    <Card mb="sm" component="section" aria-label="Calendar controls">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={`Previous ${unit}`}>
              <ActionIcon variant="default" size="lg" aria-label={`Previous ${unit}`} onClick={() => go(step(f.view, date, -1))}>
                <IconChevronLeft size={18} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" onClick={() => go(today)} disabled={date === today}>
              Today
            </Button>
            <Tooltip label={`Next ${unit}`}>
              <ActionIcon variant="default" size="lg" aria-label={`Next ${unit}`} onClick={() => go(step(f.view, date, 1))}>
                <IconChevronRight size={18} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
            <Title order={2} ml="xs" aria-live="polite" data-testid="calendar-title">
              {rangeTitle(f.view, date)}
            </Title>
          </Group>
          <Group gap="xs">
            <TextInput
              type="date"
              aria-label="Go to date"
              value={date}
              onChange={(e) => e.currentTarget.value && go(e.currentTarget.value)}
              w={170}
            />
            <SegmentedControl
              aria-label="Calendar view"
              value={f.view}
              onChange={(v) => set({ view: v as CalendarView })}
              data={[
                { value: 'day', label: 'Day' },
                { value: 'week', label: 'Week' },
                { value: 'month', label: 'Month' },
              ]}
              data-testid="calendar-view"
            />
          </Group>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} aria-hidden="true">
              Show
            </Text>
            <SegmentedControl
              aria-label="Show the calendar of"
              value={f.mode}
              onChange={(m) => set({ mode: m as ScheduleMode })}
              data={[
                { value: 'clinicians', label: 'Clinicians' },
                { value: 'location', label: 'Location' },
                { value: 'room', label: 'Room' },
              ]}
              data-testid="calendar-mode"
            />
          </Stack>
          {f.mode === 'clinicians' ? (
            <MultiSelect
              label="Clinicians (side by side)"
              placeholder={f.clinicianIds.length ? undefined : 'Choose one or more'}
              searchable
              maxValues={MAX_SIDE_BY_SIDE}
              data={clinicians.map((c) => ({ value: c.id, label: staffDisplayName(c) }))}
              value={f.clinicianIds}
              onChange={(ids) => set({ clinicianIds: ids })}
              miw={280}
              style={{ flex: 1 }}
              data-testid="calendar-clinicians"
            />
          ) : null}
          <Select
            label={f.mode === 'clinicians' ? 'Time zone of' : 'Location'}
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            value={location?.id ?? null}
            onChange={(id) => id && set({ locationId: id, roomId: '' })}
            allowDeselect={false}
            w={240}
            data-testid="calendar-location"
          />
          {f.mode === 'room' ? (
            <Select
              label="Room"
              placeholder="Choose a room"
              data={rooms.map((r) => ({ value: r.id, label: r.name }))}
              value={f.roomId || null}
              onChange={(id) => set({ roomId: id ?? '' })}
              w={200}
              data-testid="calendar-room"
            />
          ) : null}
          <Switch
            label="Show cancelled"
            checked={f.showCancelled}
            onChange={(e) => set({ showCancelled: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
      </Stack>
    </Card>
  );
}

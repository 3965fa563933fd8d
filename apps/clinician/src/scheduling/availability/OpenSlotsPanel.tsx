import type { TOpenSlot, TOpenSlotsRequest } from '@hearth/contracts';
import { LoadingState } from '@hearth/ui';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useOpenSlots } from '../../api/availability';
import { QueryError } from '../../components/QueryError';
import { formatLocalDate, formatLocalTime, isLocalDate, todayIn, zoneAbbreviation } from '../time';

export interface OpenSlotsPanelProps {
  /** Offer every clinician with working hours, for this type's length. */
  appointmentTypeId?: string | null;
  /** Only this clinician. */
  clinicianId?: string | null;
  /** In person at this location (ignored for telehealth, which any location's hours allow). */
  locationId?: string | null;
  /** Overrides the type's length. */
  durationMinutes?: number | null;
  telehealth?: boolean;
  /** First date to search; default today. */
  from?: string;
  /** Times start on this grid of local minutes; default 30 (on the hour and half hour). */
  stepMinutes?: 5 | 10 | 15 | 20 | 30 | 60;
  /** Called with the slot the person chose; without it the times are shown, not offered. */
  onPick?: (slot: TOpenSlot) => void;
}

const WEEKS = [
  { value: '1', label: 'the next week' },
  { value: '2', label: 'the next 2 weeks' },
  { value: '4', label: 'the next 4 weeks' },
  { value: '8', label: 'the next 8 weeks' },
  { value: '12', label: 'the next 12 weeks' },
];
const PAGE = 12;

/**
 * "Find a slot": the next open times inside working hours, clear of appointments and time off,
 * grouped by day. Each time is a button; choosing one calls onPick with the slot. `from` is the
 * initial first date; the person can change it and the number of weeks.
 */
export function OpenSlotsPanel({ appointmentTypeId, clinicianId, locationId, durationMinutes, telehealth, from, stepMinutes = 30, onPick }: OpenSlotsPanelProps) {
  const [start, setStart] = useState(from ?? todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone));
  const [weeks, setWeeks] = useState('4');
  const [limit, setLimit] = useState(PAGE);
  const ready = !!(clinicianId || appointmentTypeId) && isLocalDate(start);
  const req: TOpenSlotsRequest | null = ready
    ? {
        ...(clinicianId ? { clinicianId } : {}),
        ...(appointmentTypeId ? { appointmentTypeId } : {}),
        ...(locationId ? { locationId } : {}),
        ...(durationMinutes ? { durationMinutes } : {}),
        ...(telehealth !== undefined ? { telehealth } : {}),
        from: start,
        weeks: Number(weeks),
        limit,
        stepMinutes,
      }
    : null;
  const query = useOpenSlots(req);
  const slots = query.data ?? [];
  // Name the clinician and the location on each time only when the answer has more than one.
  const manyClinicians = new Set(slots.map((s) => s.clinicianId)).size > 1;
  const manyLocations = new Set(slots.map((s) => s.locationId)).size > 1;
  const days = [...new Set(slots.map((s) => s.start.slice(0, 10)))];

  return (
    <Stack gap="sm" data-testid="open-slots">
      <Title order={3} size="h4">
        Find a slot
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label="Starting"
          value={start}
          onChange={(e) => {
            setStart(e.currentTarget.value);
            setLimit(PAGE);
          }}
        />
        <Select
          label="Within"
          data={WEEKS}
          value={weeks}
          allowDeselect={false}
          onChange={(v) => {
            setWeeks(v ?? '4');
            setLimit(PAGE);
          }}
        />
      </SimpleGrid>
      {!clinicianId && !appointmentTypeId ? (
        <Text size="sm" c="dimmed">
          Choose a clinician or an appointment type to see open times.
        </Text>
      ) : null}
      <QueryError query={query} />
      {query.isPending && ready ? <LoadingState label="Finding open times" /> : null}
      {query.isSuccess && slots.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="open-slots-empty">
          No open times in that period. Try more weeks, or check the clinician’s working hours and time off.
        </Text>
      ) : null}
      {days.map((day) => (
        <Stack key={day} gap={4} role="group" aria-label={formatLocalDate(day)}>
          <Text fw={600} size="sm">
            {formatLocalDate(day)}
          </Text>
          <Group gap="xs">
            {slots
              .filter((s) => s.start.startsWith(day))
              .map((s) => {
                const label = `${formatLocalTime(s.start)}${manyClinicians ? ` · ${s.clinicianName}` : ''}${manyLocations ? ` · ${s.locationName}` : ''}`;
                // The spoken name starts with the visible text (WCAG 2.5.3), then adds the rest.
                const full = `${label}, ${zoneAbbreviation(s.timeZone, new Date(s.startsAt))}, ${formatLocalDate(s.start)}, with ${s.clinicianName} at ${s.locationName}`;
                const key = `${s.clinicianId}-${s.locationId}-${s.startsAt}`;
                return onPick ? (
                  <Button key={key} variant="light" size="compact-md" onClick={() => onPick(s)} data-testid="open-slot" aria-label={full}>
                    {label}
                  </Button>
                ) : (
                  <Badge key={key} variant="light" size="lg" radius="sm" tt="none" fw={500} data-testid="open-slot" title={full}>
                    {label}
                  </Badge>
                );
              })}
          </Group>
        </Stack>
      ))}
      {slots.length > 0 && slots.length >= limit && limit < 50 ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setLimit(Math.min(50, limit + PAGE))} loading={query.isFetching}>
            Show more times
          </Button>
        </Group>
      ) : null}
      {slots.length > 0 ? (
        <Text size="xs" c="dimmed">
          {manyClinicians ? '' : `With ${slots[0]!.clinicianName}${manyLocations ? '' : ` at ${slots[0]!.locationName}`}. `}
          Times are local to each location ({[...new Set(slots.map((s) => zoneAbbreviation(s.timeZone, new Date(s.startsAt))))].join(', ')}).
        </Text>
      ) : null}
    </Stack>
  );
}

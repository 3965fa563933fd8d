import type { TConflict } from '@hearth/contracts';
import { List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { OccurrenceConflict } from '../api/scheduling';
import { formatLocalDateTime } from './time';

export const CONFLICT_KIND: Record<TConflict['kind'], string> = {
  clinician: 'Clinician busy',
  room: 'Room taken',
  patient: 'Patient already booked',
  time_off: 'Clinician off',
  outside_hours: 'Outside working hours',
};

/**
 * One conflict: a blocking one in the server's sentence (dates and kinds only, never another
 * patient); a warning (outside working hours) in a few words, since it does not stop the booking.
 */
export function ConflictLine({ conflict }: { conflict: TConflict }) {
  const Icon = conflict.blocking ? IconAlertTriangle : IconInfoCircle;
  const kind = CONFLICT_KIND[conflict.kind] ?? conflict.kind;
  return (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" variant="light" color={conflict.blocking ? 'red' : 'yellow'} aria-hidden="true">
          <Icon size={14} />
        </ThemeIcon>
      }
    >
      {conflict.blocking ? (
        <Text span size="sm" fw={600} data-conflict-kind={conflict.kind}>
          {conflict.message}
        </Text>
      ) : (
        <Text span size="sm" c="dimmed" data-conflict-kind={conflict.kind}>
          {kind} (a warning only)
        </Text>
      )}
    </List.Item>
  );
}

/** Conflicting occurrences as the server returned them (a refused booking or move). */
export function ConflictList({ items }: { items: OccurrenceConflict[] }) {
  return (
    <Stack gap="xs" data-testid="conflict-list">
      {items.map((o) => (
        <div key={o.occurrence || o.start}>
          <Text fw={600}>{formatLocalDateTime(o.start)}</Text>
          <List spacing={4} size="sm" center>
            {o.conflicts.map((c, i) => (
              <ConflictLine key={`${c.kind}-${i}`} conflict={c} />
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

import type { TBookingPreview } from '@hearth/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconCalendarRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import { ConflictLine } from '../ConflictList';
import { formatLocalDate, formatLocalDateTime, formatLocalTime } from '../time';

interface Props {
  preview: TBookingPreview | undefined;
  loading: boolean;
  error: unknown;
  /** Waiting for required fields: say what is missing instead of a preview. */
  incomplete: string | null;
  skip: string[];
  moves: Record<string, string>;
  onSkip: (occurrence: string) => void;
  onUnskip: (occurrence: string) => void;
  onMove: (occurrence: string, start: string) => void;
  onUnmove: (occurrence: string) => void;
}

/** The plain-words summary and every occurrence with its conflicts, before anything is saved. */
export function OccurrencePreview(p: Props) {
  if (p.incomplete) {
    return (
      <Text c="dimmed" data-testid="booking-preview-waiting">
        {p.incomplete}
      </Text>
    );
  }
  if (p.error) {
    return (
      <Alert color="red" role="alert">
        {userMessageFor(p.error)}
      </Alert>
    );
  }
  if (!p.preview) return <Loader size="sm" aria-label="Checking the dates" />;

  const pv = p.preview;
  const withConflicts = pv.occurrences.filter((o) => o.conflicts.some((c) => c.blocking)).length;
  const first = pv.occurrences[0];
  const summary = pv.description
    ? pv.description.charAt(0).toUpperCase() + pv.description.slice(1)
    : first
      ? `One appointment on ${formatLocalDate(first.start)} at ${formatLocalTime(first.start)}`
      : 'No appointment';

  return (
    <Stack gap="xs" data-testid="booking-preview">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconCalendarRepeat size={20} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
        <div>
          <Text fw={600} data-testid="booking-summary">
            {summary}
            {p.loading ? <Loader size="xs" ml="xs" aria-label="Updating" /> : null}
          </Text>
          <Text size="sm" c="dimmed" aria-live="polite">
            {pv.occurrences.length} session{pv.occurrences.length === 1 ? '' : 's'}
            {pv.openEnded ? ` booked through ${formatLocalDate(pv.throughDate)}, then extended automatically` : ''}
            {withConflicts
              ? ` · ${withConflicts} with conflicts: skip or move ${withConflicts === 1 ? 'it' : 'them'} to book`
              : ' · no conflicts'}
            {pv.timeZone ? ` · times in ${pv.timeZone}` : ''}
          </Text>
        </div>
      </Group>

      {pv.occurrences.length > 0 ? (
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
          <Table aria-label="Sessions to book" data-testid="booking-occurrences" verticalSpacing={4} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>When</Table.Th>
                <Table.Th>Check</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pv.occurrences.map((o) => (
                <OccurrenceRow
                  key={o.occurrence}
                  occurrence={o.occurrence}
                  start={o.start}
                  conflicts={o.conflicts}
                  moved={p.moves[o.occurrence] !== undefined}
                  onSkip={p.onSkip}
                  onMove={p.onMove}
                  onUnmove={p.onUnmove}
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}

      {p.skip.length > 0 ? (
        <Group gap="xs" data-testid="booking-skipped">
          <Text size="sm" fw={600}>
            Skipped:
          </Text>
          {p.skip.map((s) => (
            <Group key={s} gap={4}>
              <Text size="sm">{formatLocalDate(s)}</Text>
              <Button size="compact-sm" variant="subtle" onClick={() => p.onUnskip(s)} aria-label={`Undo skip of ${formatLocalDate(s)}`}>
                Undo
              </Button>
            </Group>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

interface RowProps {
  occurrence: string;
  start: string;
  conflicts: TBookingPreview['occurrences'][number]['conflicts'];
  moved: boolean;
  onSkip: (occurrence: string) => void;
  onMove: (occurrence: string, start: string) => void;
  onUnmove: (occurrence: string) => void;
}

function OccurrenceRow({ occurrence, start, conflicts, moved, onSkip, onMove, onUnmove }: RowProps) {
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState(start);
  const blocking = conflicts.some((c) => c.blocking);
  const when = formatLocalDateTime(start);
  return (
    <Table.Tr data-testid="booking-occurrence" data-conflict={blocking ? 'true' : 'false'}>
      <Table.Td>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {formatLocalDate(start)}
        </Text>
        <Text size="sm">{formatLocalTime(start)}</Text>
        {moved ? (
          <Text size="sm" c="dimmed">
            moved from {formatLocalDateTime(occurrence)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {conflicts.length === 0 ? (
          <Badge variant="light" color="teal">
            Free
          </Badge>
        ) : (
          <List spacing={2} size="sm" center>
            {conflicts.map((c, i) => (
              <ConflictLine key={`${c.kind}-${i}`} conflict={c} />
            ))}
          </List>
        )}
        {moving ? (
          <Group gap="xs" mt={6} align="flex-end" wrap="wrap">
            <TextInput
              type="datetime-local"
              label={`New time for ${when}`}
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value.slice(0, 16))}
              size="sm"
            />
            <Button
              size="sm"
              disabled={!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(target) || target === start}
              onClick={() => {
                setMoving(false);
                onMove(occurrence, target);
              }}
            >
              Move
            </Button>
            <Button size="sm" variant="default" onClick={() => setMoving(false)}>
              Cancel
            </Button>
          </Group>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {moved ? (
            <Button size="compact-sm" variant="subtle" onClick={() => onUnmove(occurrence)} aria-label={`Undo move of ${when}`}>
              Undo move
            </Button>
          ) : null}
          {blocking || moved ? (
            <Button size="compact-sm" variant="default" onClick={() => onSkip(occurrence)} aria-label={`Skip ${when}`}>
              Skip
            </Button>
          ) : null}
          {(blocking || moved) && !moving ? (
            <Button size="compact-sm" variant="default" onClick={() => setMoving(true)} aria-label={`Move to… another time: ${when}`}>
              Move to…
            </Button>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

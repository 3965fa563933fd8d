import type { TWaitlistSuggestions } from '@hearth/contracts';
import { EmptyState } from '@hearth/ui';
import { Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconListCheck, IconPhoneCall } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { userMessageFor } from '../api/client';
import { useSaveWaitlistEntry, useWaitlistSuggestions } from '../api/waitlist';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { RecordContactModal } from '../engagement/RecordContactModal';
import type { BookingPrefill } from '../scheduling/booking/booking-model';
import { formatLocalDateTime, formatLocalTime } from '../scheduling/time';

// The booking dialog loads only when someone books a suggested patient.
const BookingDialog = lazy(() =>
  import('../scheduling/booking/BookingDialog').then((m) => ({ default: m.BookingDialog })),
);

type Suggestion = TWaitlistSuggestions['suggestions'][number];

interface Props {
  /** The appointment whose time opened up (typically one just cancelled). */
  appointmentId: string;
  /** After a suggested patient was booked into the slot. */
  onBooked?: () => void;
}

/**
 * Who on the waitlist fits a freed slot, most urgent and longest waiting first, each with the
 * reasons they fit. "Book" opens the booking dialog filled with the slot and marks the entry
 * scheduled once booked; "Record contact" notes a call made to offer it.
 */
export function WaitlistSuggestions({ appointmentId, onBooked }: Props) {
  const canWrite = useCan('scheduling.write');
  const query = useWaitlistSuggestions(appointmentId);
  const save = useSaveWaitlistEntry();
  const [booking, setBooking] = useState<{ prefill: BookingPrefill; s: Suggestion } | null>(null);
  const [contact, setContact] = useState<{ id: string; name: string } | null>(null);
  const data = query.data;

  const booked = async () => {
    if (!booking) return;
    const { s } = booking;
    setBooking(null);
    try {
      await save.mutateAsync({
        entryId: s.entry.id,
        update: { status: 'scheduled', version: s.entry.version },
      });
      notifications.show({
        color: 'teal',
        title: 'Booked from the waitlist',
        message: 'The waitlist entry is marked as scheduled.',
      });
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'Booked, but the waitlist entry is still open',
        message: userMessageFor(e),
      });
    }
    await query.refetch();
    onBooked?.();
  };

  return (
    <Card
      component="section"
      aria-labelledby={`waitlist-suggestions-${appointmentId}`}
      data-testid="waitlist-suggestions"
      withBorder
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} id={`waitlist-suggestions-${appointmentId}`}>
          Offer this time from the waitlist
        </Title>
        {query.isFetching ? <Loader size="xs" aria-label="Loading suggestions" /> : null}
      </Group>
      <QueryError query={query} />
      {data ? (
        <Text c="dimmed" size="sm" mb="sm">
          {formatLocalDateTime(data.slot.start)}–{formatLocalTime(data.slot.end)} · {data.slot.clinician.name}{' '}
          · {data.slot.appointmentType.name} · {data.slot.telehealth ? 'telehealth' : data.slot.location.name}
        </Text>
      ) : null}
      {data && data.suggestions.length === 0 ? (
        <EmptyState
          icon={<IconListCheck size={22} />}
          title="No one on the waitlist fits this time"
          description="Entries match on clinician, type, location and their preferred times of the week."
        />
      ) : null}
      {data && data.suggestions.length > 0 ? (
        <Stack gap="sm">
          {data.suggestions.map((s, i) => {
            const who = s.entry.patient;
            return (
              <Card key={s.entry.id} padding="sm" withBorder data-testid="waitlist-suggestion">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <div>
                    <Group gap="xs">
                      <Badge variant="light" color="gray" radius="sm" tt="none">
                        {i + 1}
                      </Badge>
                      <Text fw={600}>{who ? who.name : 'A patient not on your caseload'}</Text>
                    </Group>
                    <List size="sm" spacing={0} mt={4}>
                      {s.reasons.map((r) => (
                        <List.Item key={r.code}>{r.text}</List.Item>
                      ))}
                    </List>
                  </div>
                  {canWrite && who ? (
                    <Group gap={4}>
                      <Button
                        size="compact-sm"
                        leftSection={<IconCalendarPlus size={14} aria-hidden="true" />}
                        onClick={() =>
                          setBooking({
                            s,
                            prefill: {
                              patient: { id: who.id, name: who.name, detail: `MRN ${who.mrn}` },
                              clinicianId: data.slot.clinician.id,
                              locationId: data.slot.location.id,
                              start: data.slot.start,
                              durationMinutes: data.slot.durationMinutes,
                            },
                          })
                        }
                        aria-label={`Book ${who.name} into this time`}
                      >
                        Book
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconPhoneCall size={14} aria-hidden="true" />}
                        onClick={() => setContact({ id: who.id, name: who.name })}
                        aria-label={`Record contact with ${who.name}`}
                      >
                        Record contact
                      </Button>
                    </Group>
                  ) : null}
                </Group>
              </Card>
            );
          })}
        </Stack>
      ) : null}
      {booking ? (
        <Suspense fallback={null}>
          <BookingDialog
            prefill={booking.prefill}
            patientLocked
            onClose={() => setBooking(null)}
            onBooked={booked}
          />
        </Suspense>
      ) : null}
      <RecordContactModal patient={contact} onClose={() => setContact(null)} />
    </Card>
  );
}

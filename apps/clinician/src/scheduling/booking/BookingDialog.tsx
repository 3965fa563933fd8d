import { FormError } from '@hearth/ui';
import { Alert, Button, Divider, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import {
  conflictsOf,
  previewBooking,
  useAppointmentTypes,
  useClinicians,
  useCreateBooking,
  useLocations,
  type OccurrenceConflict,
} from '../../api/scheduling';
import { useSession } from '../../auth/session-context';
import { ConflictList } from '../ConflictList';
import { formatLocalDate, todayIn } from '../time';
import { BookingFields } from './BookingFields';
import { OpenSlotsPanel } from '../availability/OpenSlotsPanel';
import { initialValues, missingFields, toRequest, withDate, type BookingField, type BookingPrefill, type BookingValues } from './booking-model';
import { OccurrencePreview } from './OccurrencePreview';
import { RepeatFields } from './RepeatFields';

interface Props {
  /** Null keeps the dialog closed; an object opens it with those fields filled in. */
  prefill: BookingPrefill | null;
  onClose: () => void;
  /** The patient cannot be changed (booking from the chart). */
  patientLocked?: boolean;
  /** After a successful booking: the first appointment's local start. */
  onBooked?: (firstStart: string | null) => void;
}

/** Book one appointment or a series, seeing every date's conflicts before saving. */
export function BookingDialog({ prefill, onClose, patientLocked = false, onBooked }: Props) {
  return (
    <Modal opened={prefill !== null} onClose={onClose} title="Book appointment" size={1180} data-testid="booking-dialog">
      {prefill ? (
        <BookingForm prefill={prefill} onClose={onClose} patientLocked={patientLocked} onBooked={onBooked} />
      ) : null}
    </Modal>
  );
}

function BookingForm({ prefill, onClose, patientLocked, onBooked }: Required<Omit<Props, 'onBooked'>> & Pick<Props, 'onBooked'> & { prefill: BookingPrefill }) {
  const { user } = useSession();
  const clinicians = useClinicians();
  const locations = useLocations();
  const types = useAppointmentTypes();
  const firstLocation = locations.data?.find((l) => l.active) ?? locations.data?.[0];
  const isClinician = clinicians.data?.some((c) => c.id === user.id) ?? false;

  const [values, setValues] = useState<BookingValues>(() =>
    initialValues(prefill, {
      date: todayIn(firstLocation?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      locationId: firstLocation?.id ?? '',
      clinicianId: '',
    }),
  );
  // Defaults that arrive with the lists: the first location, and oneself when one sees patients.
  const v: BookingValues = {
    ...values,
    locationId: values.locationId || firstLocation?.id || '',
    clinicianId: values.clinicianId || (isClinician ? user.id : ''),
  };
  const [tried, setTried] = useState(false);
  const [serverConflicts, setServerConflicts] = useState<OccurrenceConflict[] | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [findSlot, setFindSlot] = useState(false);
  const create = useCreateBooking();

  const req = toRequest(v, locations.data);
  const [debouncedReq] = useDebouncedValue(req, 350);
  const previewKey = debouncedReq ? JSON.stringify(debouncedReq) : '';
  const preview = useQuery({
    queryKey: ['booking-preview', previewKey],
    queryFn: ({ signal }) => previewBooking(debouncedReq!, signal),
    enabled: !!debouncedReq,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 30_000,
    retry: false,
  });
  const previewCurrent = !!req && previewKey === JSON.stringify(req) && !preview.isPlaceholderData;
  const blocking = previewCurrent ? (preview.data?.blockingCount ?? 0) : 0;

  const missing = missingFields(v);
  const errors: Partial<Record<BookingField, string>> = tried ? missing : {};
  const firstMissing = Object.values(missing)[0];
  const incomplete = !req ? (firstMissing ? `${firstMissing} to see the dates and their conflicts.` : 'Finish the repeat choice to see the dates.') : null;

  const change = (next: BookingValues) => {
    setServerConflicts(null);
    setGeneral(null);
    setValues(next);
  };

  const save = async () => {
    setTried(true);
    setGeneral(null);
    setServerConflicts(null);
    if (!req) return;
    try {
      const res = await create.mutateAsync(req);
      const first = res.appointments[0]?.start ?? null;
      notifications.show({
        color: 'teal',
        title: res.created === 1 ? 'Appointment booked' : `${res.created} appointments booked`,
        message: first ? `First one ${formatLocalDate(first)}.` : 'The calendar is up to date.',
      });
      onBooked?.(first);
      onClose();
    } catch (e) {
      const conflicts = conflictsOf(e);
      if (conflicts) {
        setServerConflicts(conflicts);
        void preview.refetch();
      } else setGeneral(userMessageFor(e));
    }
  };

  if (clinicians.isError || locations.isError || types.isError) {
    return (
      <Alert color="red" role="alert">
        {userMessageFor(clinicians.error ?? locations.error ?? types.error)}
      </Alert>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="md">
        <FormError message={general} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap="md">
            <BookingFields
              values={v}
              onChange={change}
              errors={errors}
              clinicians={clinicians.data ?? []}
              locations={locations.data ?? []}
              types={types.data ?? []}
              patientLocked={patientLocked}
            />
            <div>
              <Button
                variant="subtle"
                size="compact-md"
                leftSection={<IconSearch size={16} aria-hidden="true" />}
                onClick={() => setFindSlot((o) => !o)}
                aria-expanded={findSlot}
                data-testid="booking-find-slot"
              >
                {findSlot ? 'Hide open times' : 'Find an open time…'}
              </Button>
              {findSlot ? (
                <OpenSlotsPanel
                  clinicianId={v.clinicianId || null}
                  appointmentTypeId={v.appointmentTypeId || null}
                  locationId={v.locationId || null}
                  durationMinutes={v.durationMinutes || null}
                  telehealth={v.telehealth}
                  from={/^\d{4}-\d{2}-\d{2}$/.test(v.date) ? v.date : undefined}
                  onPick={(slot) => {
                    setFindSlot(false);
                    change({
                      ...withDate(v, slot.start.slice(0, 10)),
                      clinicianId: slot.clinicianId,
                      locationId: slot.locationId,
                      roomId: slot.locationId === v.locationId ? v.roomId : '',
                      time: slot.start.slice(11, 16),
                    });
                  }}
                />
              ) : null}
            </div>
            <Divider />
            <RepeatFields value={v.repeat} startDate={v.date} onChange={(repeat) => change({ ...v, repeat, skip: [], moves: {} })} />
          </Stack>
          <section aria-labelledby="booking-dates-heading">
            <Title order={3} mb="xs" id="booking-dates-heading">
              Dates and conflicts
            </Title>
            <OccurrencePreview
              preview={preview.data}
              loading={preview.isFetching}
              error={preview.isError ? preview.error : null}
              incomplete={incomplete}
              skip={v.skip}
              moves={v.moves}
              onSkip={(o) => {
                const { [o]: _dropped, ...moves } = v.moves;
                change({ ...v, skip: [...v.skip.filter((s) => s !== o), o].sort(), moves });
              }}
              onUnskip={(o) => change({ ...v, skip: v.skip.filter((s) => s !== o) })}
              onMove={(o, start) => change({ ...v, moves: { ...v.moves, [o]: start } })}
              onUnmove={(o) => {
                const { [o]: _dropped, ...moves } = v.moves;
                change({ ...v, moves });
              }}
            />
          </section>
        </SimpleGrid>
        {serverConflicts ? (
          <Alert color="red" role="alert" title="Not booked: these dates are taken" data-testid="booking-server-conflicts">
            <Text mb="xs">Someone booked these times first. Nothing was saved; skip or move them and book again.</Text>
            <ConflictList items={serverConflicts} />
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c={blocking ? 'red.9' : 'dimmed'} aria-live="polite">
            {blocking
              ? `Skip or move the ${blocking === 1 ? 'conflicting date' : `${blocking} conflicting dates`} to book.`
              : v.repeat.pattern === 'none'
                ? 'Conflicts are checked again when you book.'
                : 'All sessions are booked together, or none are.'}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={blocking > 0} data-testid="booking-save">
              {v.repeat.pattern === 'none' ? 'Book appointment' : 'Book series'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

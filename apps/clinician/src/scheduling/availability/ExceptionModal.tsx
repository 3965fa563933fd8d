import { ZCreateExceptionRequest, type TCreateExceptionRequest, type TLocation } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAddException } from '../../api/availability';
import { ApiError } from '../../api/client';
import { useFormSubmit } from '../../lib/useFormSubmit';

interface Props {
  opened: boolean;
  clinicianId: string;
  locations: TLocation[];
  /** Today in the practice's zone, to start the dates from. */
  today: string;
  practiceZone: string;
  onClose: () => void;
}

/** Time off (blocks booking at every location) or extra hours at one location, in local time. */
export function ExceptionModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add time off or extra hours" size="lg">
      {opened ? <ExceptionForm {...rest} onDone={onClose} /> : null}
    </Modal>
  );
}

function ExceptionForm({ clinicianId, locations, today, practiceZone, onDone }: Omit<Props, 'opened' | 'onClose'> & { onDone: () => void }) {
  const add = useAddException();
  const active = locations.filter((l) => l.active);
  const form = useForm({
    initialValues: {
      kind: 'time_off' as TCreateExceptionRequest['kind'],
      locationId: '',
      startDate: today,
      startTime: '09:00',
      endDate: today,
      endTime: '17:00',
      reason: '',
    },
  });
  const kind = form.values.kind;
  const zone = active.find((l) => l.id === form.values.locationId)?.timeZone ?? practiceZone;

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v): TCreateExceptionRequest => ({
      kind: v.kind,
      ...(v.locationId ? { locationId: v.locationId } : {}),
      start: `${v.startDate}T${v.startTime}`,
      end: `${v.endDate}T${v.endTime}`,
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    }),
    schema: {
      safeParse: (req) => {
        const r = ZCreateExceptionRequest.safeParse(req);
        if (r.success) return r;
        // Errors on start/end belong on the date inputs of this form.
        const issues = r.error.issues.map((i) => (i.path[0] === 'start' ? { ...i, path: ['startDate'] } : i.path[0] === 'end' ? { ...i, path: ['endDate'] } : i));
        return { success: false as const, error: { issues } };
      },
    },
    save: async (body) => {
      try {
        await add.mutateAsync({ clinicianId, body });
        onDone();
      } catch (e) {
        // The server names start and end; this form shows those errors on its date inputs.
        if (!(e instanceof ApiError)) throw e;
        const moved = (field: string) => (field === 'start' || field === 'end' ? `${field}Date` : field);
        throw new ApiError({ status: e.status, title: e.title, detail: e.detail, code: e.code, problem: e.problem, errors: e.fieldErrors.map((f) => ({ ...f, field: moved(f.field) })) });
      }
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <SegmentedControl
          aria-label="Kind"
          data={[
            { value: 'time_off', label: 'Time off' },
            { value: 'extra_hours', label: 'Extra hours' },
          ]}
          {...form.getInputProps('kind')}
        />
        <Text size="sm" c="dimmed">
          {kind === 'time_off'
            ? 'No one can book the clinician during time off, at any location. Appointments already booked stay; move them if needed.'
            : 'Working time outside the weekly hours, at one location (for example a Saturday clinic).'}
        </Text>
        <Select
          label="Location"
          description={kind === 'time_off' ? 'Optional: only sets the time zone of the times below.' : undefined}
          required={kind === 'extra_hours'}
          clearable={kind === 'time_off'}
          placeholder={kind === 'time_off' ? 'All locations' : 'Choose a location'}
          data={active.map((l) => ({ value: l.id, label: l.name }))}
          {...form.getInputProps('locationId')}
          onChange={(v) => form.setFieldValue('locationId', v ?? '')}
          data-testid="exception-location"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label="From date" required {...form.getInputProps('startDate')} data-testid="exception-start-date" />
          <TextInput type="time" label="From time" required {...form.getInputProps('startTime')} />
          <TextInput type="date" label="Until date" required {...form.getInputProps('endDate')} data-testid="exception-end-date" />
          <TextInput type="time" label="Until time" required {...form.getInputProps('endTime')} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Times are in {zone.replaceAll('_', ' ')}.
        </Text>
        <TextInput
          label="Note (optional)"
          description="Seen by staff who schedule. Keep personal details out."
          maxLength={200}
          {...form.getInputProps('reason')}
        />
        <FormActions onCancel={onDone} submitLabel={kind === 'time_off' ? 'Add time off' : 'Add extra hours'} loading={form.submitting} submitTestId="exception-save" />
      </Stack>
    </form>
  );
}

import {
  ZCreateWaitlistEntryRequest,
  ZUpdateWaitlistEntryRequest,
  type TCreateWaitlistEntryRequest,
  type TUpdateWaitlistEntryRequest,
  type TWaitlistEntry,
} from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Checkbox, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useSaveWaitlistEntry } from '../api/waitlist';
import { useAppointmentTypes, useClinicians, useLocations } from '../api/scheduling';
import { staffDisplayName } from '../lib/format';
import { useFormSubmit } from '../lib/useFormSubmit';
import { PatientPicker, type PickedPatient } from '../scheduling/booking/PatientPicker';
import { PreferredTimesField, type TimeRow } from './PreferredTimesField';
import { PRIORITIES } from './waitlist-format';

interface Props {
  /** 'new' to add an entry, an entry to edit it, null to keep the dialog closed. */
  entry: TWaitlistEntry | 'new' | null;
  onClose: () => void;
}

/** Add a patient to the waitlist, or change what an entry asks for. */
export function WaitlistEntryModal({ entry, onClose }: Props) {
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry === 'new' ? 'Add to the waitlist' : 'Edit waitlist entry'}
      size="lg"
    >
      {entry ? <EntryForm entry={entry === 'new' ? null : entry} onClose={onClose} /> : null}
    </Modal>
  );
}

interface Values extends Record<string, unknown> {
  patient: PickedPatient | null;
  clinicianId: string;
  appointmentTypeId: string;
  locationId: string;
  telehealthOk: boolean;
  preferredTimes: TimeRow[];
  priority: string;
  note: string;
}

let rowKey = 0;

function EntryForm({ entry, onClose }: { entry: TWaitlistEntry | null; onClose: () => void }) {
  const save = useSaveWaitlistEntry();
  const clinicians = useClinicians();
  const types = useAppointmentTypes();
  const locations = useLocations();
  const form = useForm<Values>({
    initialValues: {
      patient: null,
      clinicianId: entry?.clinicianId ?? '',
      appointmentTypeId: entry?.appointmentTypeId ?? '',
      locationId: entry?.locationId ?? '',
      telehealthOk: entry?.telehealthOk ?? true,
      preferredTimes: (entry?.preferredTimes ?? []).map((t) => ({
        key: `e${rowKey++}`,
        weekday: String(t.weekday),
        from: t.from,
        to: t.to,
      })),
      priority: String(entry?.priority ?? 2),
      note: entry?.note ?? '',
    },
    validate: { patient: (p) => (!entry && !p ? 'Choose a patient' : null) },
  });

  const wishes = (v: Values) => ({
    clinicianId: v.clinicianId || null,
    appointmentTypeId: v.appointmentTypeId || null,
    locationId: v.locationId || null,
    telehealthOk: v.telehealthOk,
    preferredTimes: v.preferredTimes.map((t) => ({ weekday: Number(t.weekday), from: t.from, to: t.to })),
    priority: Number(v.priority),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  });

  const { onSubmit, general } = useFormSubmit<
    Values,
    TCreateWaitlistEntryRequest | TUpdateWaitlistEntryRequest
  >(form, {
    toRequest: (v) =>
      entry
        ? { ...wishes(v), ...(entry.note && !v.note.trim() ? { note: '' } : {}), version: entry.version }
        : { patientId: v.patient?.id ?? '', ...wishes(v) },
    schema: entry ? ZUpdateWaitlistEntryRequest : ZCreateWaitlistEntryRequest,
    save: async (req) => {
      if (entry) await save.mutateAsync({ entryId: entry.id, update: req as TUpdateWaitlistEntryRequest });
      else await save.mutateAsync({ entryId: null, create: req as TCreateWaitlistEntryRequest });
      notifications.show({
        color: 'teal',
        title: entry ? 'Waitlist entry saved' : 'Added to the waitlist',
        message: 'It is offered when a matching slot opens.',
      });
      onClose();
    },
  });

  const active = <T extends { active: boolean; id: string }>(items: T[] | undefined, keep: string) =>
    (items ?? []).filter((x) => x.active || x.id === keep);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        {entry ? (
          <Text>
            <Text span c="dimmed">
              Patient:{' '}
            </Text>
            {entry.patient?.name ?? 'A patient not on your caseload'}
          </Text>
        ) : (
          <PatientPicker
            value={form.values.patient}
            onChange={(p) => form.setFieldValue('patient', p)}
            error={form.errors.patient as string | undefined}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Clinician"
            placeholder="Any clinician"
            clearable
            searchable
            data={(clinicians.data ?? []).map((s) => ({ value: s.id, label: staffDisplayName(s) }))}
            {...form.getInputProps('clinicianId')}
            value={form.values.clinicianId || null}
            onChange={(v) => form.setFieldValue('clinicianId', v ?? '')}
          />
          <Select
            label="Appointment type"
            placeholder="Any type"
            clearable
            data={active(types.data, form.values.appointmentTypeId).map((t) => ({
              value: t.id,
              label: t.name,
            }))}
            {...form.getInputProps('appointmentTypeId')}
            value={form.values.appointmentTypeId || null}
            onChange={(v) => form.setFieldValue('appointmentTypeId', v ?? '')}
          />
          <Select
            label="Location"
            placeholder="Any location"
            clearable
            data={active(locations.data, form.values.locationId).map((l) => ({ value: l.id, label: l.name }))}
            {...form.getInputProps('locationId')}
            value={form.values.locationId || null}
            onChange={(v) => form.setFieldValue('locationId', v ?? '')}
          />
        </SimpleGrid>
        <Checkbox label="Telehealth is fine" {...form.getInputProps('telehealthOk', { type: 'checkbox' })} />
        <PreferredTimesField
          value={form.values.preferredTimes}
          onChange={(rows) => form.setFieldValue('preferredTimes', rows)}
          errors={form.errors}
        />
        <Select
          label="Priority"
          data={[...PRIORITIES]}
          allowDeselect={false}
          {...form.getInputProps('priority')}
          w={220}
        />
        <Textarea
          label="Note"
          description="Anything that helps when offering a slot."
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <FormActions
          onCancel={onClose}
          submitLabel={entry ? 'Save changes' : 'Add to waitlist'}
          loading={form.submitting}
          submitTestId="waitlist-save"
        />
      </Stack>
    </form>
  );
}

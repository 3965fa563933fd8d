import { ZCreateAppointmentTypeRequest, ZUpdateAppointmentTypeRequest, type TAppointmentType } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { ColorInput, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createAppointmentType, schedulingKeys, updateAppointmentType } from '../../api/scheduling';
import { useFormSubmit } from '../../lib/useFormSubmit';

export const SERVICE_HINTS: { value: TAppointmentType['serviceHint']; label: string }[] = [
  { value: 'intake', label: 'Intake' },
  { value: 'psychotherapy', label: 'Psychotherapy' },
  { value: 'family', label: 'Family therapy' },
  { value: 'group', label: 'Group therapy' },
  { value: 'psychiatric_evaluation', label: 'Psychiatric evaluation' },
  { value: 'medication_management', label: 'Medication management' },
  { value: 'crisis', label: 'Crisis' },
  { value: 'collateral', label: 'Collateral contact' },
  { value: 'testing', label: 'Testing' },
  { value: 'other', label: 'Other' },
];

export const MODES: { value: TAppointmentType['mode']; label: string }[] = [
  { value: 'either', label: 'In person or telehealth' },
  { value: 'in_person', label: 'In person only' },
  { value: 'telehealth', label: 'Telehealth only' },
];

const SWATCHES = ['#7048e8', '#1c7ed6', '#1098ad', '#0ca678', '#37b24d', '#f59f00', '#e8590c', '#d6336c', '#ae3ec9', '#e03131', '#868e96'];

interface Props {
  opened: boolean;
  /** Undefined adds a new type. */
  type?: TAppointmentType;
  onClose: () => void;
}

export function AppointmentTypeModal({ opened, type, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={type ? `Edit ${type.name}` : 'Add appointment type'} size="lg">
      {opened ? <TypeForm type={type} onDone={onClose} /> : null}
    </Modal>
  );
}

/** "Intake assessment" → "intake-assessment": the type's permanent code, made once from its name. */
const codeFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

function TypeForm({ type, onDone }: { type?: TAppointmentType; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: type?.name ?? '',
      code: type?.code ?? '',
      durationMinutes: (type?.durationMinutes ?? 50) as number | string,
      serviceHint: type?.serviceHint ?? 'psychotherapy',
      mode: type?.mode ?? 'either',
      color: type?.color ?? '#1c7ed6',
      active: type?.active ?? true,
    },
  });

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({
      name: v.name.trim(),
      durationMinutes: v.durationMinutes === '' ? Number.NaN : Number(v.durationMinutes),
      serviceHint: v.serviceHint,
      mode: v.mode,
      color: v.color.trim().toLowerCase(),
      active: v.active,
      ...(type ? { version: type.version } : { code: v.code.trim() || codeFrom(v.name) }),
    }),
    schema: {
      safeParse: (req) => (type ? ZUpdateAppointmentTypeRequest.safeParse(req) : ZCreateAppointmentTypeRequest.safeParse(req)),
    },
    save: async (req) => {
      if (type) await updateAppointmentType(type.id, req as Parameters<typeof updateAppointmentType>[1]);
      else await createAppointmentType(req as Parameters<typeof createAppointmentType>[0]);
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.types });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} data-testid="type-name" />
        {!type ? (
          <TextInput
            label="Code"
            description="Lower-case letters, digits and dashes; made from the name when left empty. It cannot change later."
            placeholder={codeFrom(form.values.name) || 'e.g. couples-60'}
            {...form.getInputProps('code')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Usual length (minutes)"
            required
            min={5}
            max={480}
            step={5}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
            data-testid="type-duration"
          />
          <Select label="Service (a hint for billing)" data={SERVICE_HINTS} allowDeselect={false} {...form.getInputProps('serviceHint')} />
          <Select label="How it is held" data={MODES} allowDeselect={false} {...form.getInputProps('mode')} />
          <ColorInput
            label="Colour on the calendar"
            format="hex"
            swatches={SWATCHES}
            swatchesPerRow={11}
            withEyeDropper={false}
            {...form.getInputProps('color')}
            data-testid="type-color"
          />
        </SimpleGrid>
        <Switch label="Active (offered when booking)" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions onCancel={onDone} submitLabel={type ? 'Save type' : 'Add type'} loading={form.submitting} submitTestId="type-save" />
      </Stack>
    </form>
  );
}

import { ZLocationInput, type TLocation } from '@hearth/contracts';
import { PLACES_OF_SERVICE } from '@hearth/content';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createLocation, updateLocation } from '../api/practice';
import type { TLocationInput } from '../api/types';
import { AddressFields, addressToRequest, addressToValues } from '../components/AddressFields';
import { timeZoneOptions } from '../lib/time-zones';
import { useFormSubmit } from '../lib/useFormSubmit';

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Editing this location, or creating a new one when absent. */
  location?: TLocation;
  defaultTimeZone: string;
}

export function LocationModal({ opened, onClose, location, defaultTimeZone }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={location ? 'Edit location' : 'Add location'} size="lg">
      {opened ? (
        <LocationForm location={location} defaultTimeZone={defaultTimeZone} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function LocationForm({
  location,
  defaultTimeZone,
  onDone,
}: {
  location?: TLocation;
  defaultTimeZone: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: location?.name ?? '',
      phone: location?.phone ?? '',
      timeZone: location?.timeZone ?? defaultTimeZone,
      placeOfService: location?.placeOfService ?? '11',
      active: location?.active ?? true,
      address: addressToValues(location?.address),
    },
  });
  type V = typeof form.values;
  const toRequest = (v: V): TLocationInput => ({
    name: v.name.trim(),
    phone: opt(v.phone),
    timeZone: v.timeZone,
    placeOfService: opt(v.placeOfService),
    active: v.active,
    address: addressToRequest(v.address),
  });

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest,
    schema: ZLocationInput,
    save: async (req) => {
      if (location) await updateLocation(location.id, req);
      else await createLocation(req);
      await queryClient.invalidateQueries({ queryKey: ['locations'] });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Location name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <Select
            label="Time zone"
            data={timeZoneOptions(form.values.timeZone)}
            searchable
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
          <Select
            label="Place of service"
            description="Used on claims for sessions held here"
            data={PLACES_OF_SERVICE.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
            searchable
            allowDeselect={false}
            {...form.getInputProps('placeOfService')}
          />
          <AddressFields form={form} />
        </SimpleGrid>
        <Switch
          label="Active (available for booking)"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={location ? 'Save location' : 'Add location'}
          loading={form.submitting}
        />
      </Stack>
    </form>
  );
}

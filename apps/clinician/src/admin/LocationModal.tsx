import { ZLocationInput, type TLocation } from '@hearth/contracts';
import { PLACES_OF_SERVICE } from '@hearth/content';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createLocation, updateLocation } from '../api/practice';
import type { TLocationInput } from '../api/types';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';
import { US_STATES } from '../lib/format';
import { timeZoneOptions } from '../lib/time-zones';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
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
  const [general, setGeneral] = useState<string | null>(null);
  const a = location?.address ?? {};
  const form = useForm({
    initialValues: {
      name: location?.name ?? '',
      phone: location?.phone ?? '',
      timeZone: location?.timeZone ?? defaultTimeZone,
      placeOfService: location?.placeOfService ?? '11',
      active: location?.active ?? true,
      address: {
        line1: str(a.line1),
        line2: str(a.line2),
        city: str(a.city),
        state: str(a.state),
        postalCode: str(a.postalCode),
      },
    },
  });
  type V = typeof form.values;
  const toRequest = (v: V): TLocationInput => ({
    name: v.name.trim(),
    phone: opt(v.phone),
    timeZone: v.timeZone,
    placeOfService: opt(v.placeOfService),
    active: v.active,
    address: {
      line1: v.address.line1.trim(),
      line2: v.address.line2.trim(),
      city: v.address.city.trim(),
      state: v.address.state,
      postalCode: v.address.postalCode.trim(),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const req = toRequest(v);
    const parsed = ZLocationInput.safeParse(req);
    if (!parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    try {
      if (location) await updateLocation(location.id, req);
      else await createLocation(req);
      await queryClient.invalidateQueries({ queryKey: ['locations'] });
      onDone();
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(v));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
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
          <TextInput label="Address line 1" {...form.getInputProps('address.line1')} />
          <TextInput label="Address line 2" {...form.getInputProps('address.line2')} />
          <TextInput label="City" {...form.getInputProps('address.city')} />
          <Select
            label="State"
            data={US_STATES}
            searchable
            clearable
            {...form.getInputProps('address.state')}
          />
          <TextInput label="ZIP code" {...form.getInputProps('address.postalCode')} />
        </SimpleGrid>
        <Switch
          label="Active (available for booking)"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {location ? 'Save location' : 'Add location'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

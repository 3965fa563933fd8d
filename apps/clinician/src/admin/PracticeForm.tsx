import { ZUpdatePracticeRequest, type TPractice } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Card, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { updatePractice } from '../api/practice';
import type { TUpdatePracticeRequest } from '../api/types';
import { AddressFields, addressToRequest, addressToValues } from '../components/AddressFields';
import { issuesToErrors } from '../lib/form-errors';
import { timeZoneOptions } from '../lib/time-zones';
import { useFormSubmit } from '../lib/useFormSubmit';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function toValues(p: TPractice) {
  return {
    name: p.name,
    npi: p.npi ?? '',
    taxId: p.taxId ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: addressToValues(p.address),
    timeZone: p.timeZone,
    requireMfaForAll: p.requireMfaForAll,
    sessionIdleMinutes: (p.sessionIdleMinutes ?? '') as number | string,
  };
}
type Values = ReturnType<typeof toValues>;

function toRequest(v: Values): TUpdatePracticeRequest {
  return {
    name: v.name.trim(),
    npi: opt(v.npi),
    taxId: opt(v.taxId),
    phone: opt(v.phone),
    email: opt(v.email),
    address: addressToRequest(v.address),
    timeZone: v.timeZone,
    requireMfaForAll: v.requireMfaForAll,
    sessionIdleMinutes: v.sessionIdleMinutes === '' ? null : Number(v.sessionIdleMinutes),
  };
}

export function PracticeForm({ practice }: { practice: TPractice }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: toValues(practice),
    validate: (v) => {
      const r = ZUpdatePracticeRequest.safeParse(toRequest(v));
      return r.success ? {} : issuesToErrors(r.error.issues);
    },
  });
  const { prompt } = useUnsavedChangesGuard(form.isDirty());

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest,
    save: async (req) => {
      const saved = await updatePractice(req);
      queryClient.setQueryData(['practice'], saved);
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      form.resetDirty(toValues(saved));
      notifications.show({
        color: 'teal',
        title: 'Practice settings saved',
        message: 'Changes apply to new sign-ins right away.',
      });
    },
  });

  return (
    <Card component="section" aria-labelledby="practice-heading">
      {prompt}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="practice-heading">
            Practice
          </Title>
          <FormError message={general} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="Practice name" required {...form.getInputProps('name')} />
            <TextInput label="Group NPI" description="10 digits" {...form.getInputProps('npi')} />
            <TextInput label="Tax ID (EIN)" description="e.g. 12-3456789" {...form.getInputProps('taxId')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <Select
              label="Time zone"
              data={timeZoneOptions(practice.timeZone)}
              searchable
              allowDeselect={false}
              {...form.getInputProps('timeZone')}
            />
            <AddressFields form={form} />
          </SimpleGrid>
          <Title order={3} mt="sm">
            Security
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Switch
              label="Require two-step verification for everyone"
              description="Admins and prescribers always need it; this extends it to all staff."
              {...form.getInputProps('requireMfaForAll', { type: 'checkbox' })}
            />
            <NumberInput
              label="Sign out after inactivity (minutes)"
              description="Leave empty for the server default. 1–1440."
              min={1}
              max={1440}
              allowDecimal={false}
              {...form.getInputProps('sessionIdleMinutes')}
            />
          </SimpleGrid>
          <FormActions
            onCancel={() => form.reset()}
            cancelLabel="Discard changes"
            cancelDisabled={!form.isDirty()}
            submitLabel="Save practice settings"
            loading={form.submitting}
          />
        </Stack>
      </form>
    </Card>
  );
}

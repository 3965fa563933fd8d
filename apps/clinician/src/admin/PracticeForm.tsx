import { ZUpdatePracticeRequest, type TPractice } from '@hearth/contracts';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { updatePractice } from '../api/practice';
import type { TUpdatePracticeRequest } from '../api/types';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';
import { US_STATES } from '../lib/format';
import { timeZoneOptions } from '../lib/time-zones';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function toValues(p: TPractice) {
  const a = p.address ?? {};
  return {
    name: p.name,
    npi: p.npi ?? '',
    taxId: p.taxId ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: {
      line1: str(a.line1),
      line2: str(a.line2),
      city: str(a.city),
      state: str(a.state),
      postalCode: str(a.postalCode),
    },
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
    address: {
      line1: v.address.line1.trim(),
      line2: v.address.line2.trim(),
      city: v.address.city.trim(),
      state: v.address.state,
      postalCode: v.address.postalCode.trim(),
    },
    timeZone: v.timeZone,
    requireMfaForAll: v.requireMfaForAll,
    sessionIdleMinutes: v.sessionIdleMinutes === '' ? null : Number(v.sessionIdleMinutes),
  };
}

export function PracticeForm({ practice }: { practice: TPractice }) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: toValues(practice),
    validate: (v) => {
      const r = ZUpdatePracticeRequest.safeParse(toRequest(v));
      return r.success ? {} : issuesToErrors(r.error.issues);
    },
  });
  const { prompt } = useUnsavedChangesGuard(form.isDirty());

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      const saved = await updatePractice(toRequest(v));
      queryClient.setQueryData(['practice'], saved);
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      form.resetDirty(toValues(saved));
      notifications.show({
        color: 'teal',
        title: 'Practice settings saved',
        message: 'Changes apply to new sign-ins right away.',
      });
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(v));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });

  return (
    <Card component="section" aria-labelledby="practice-heading">
      {prompt}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="practice-heading">
            Practice
          </Title>
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              Discard changes
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save practice settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

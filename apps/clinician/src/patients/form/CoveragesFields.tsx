import type { TPayer } from '@hearth/contracts';
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { RELATIONSHIP_LABELS } from '../../lib/format';
import { newCoverage } from './patient-form-model';
import { FormSection } from './FormSection';
import type { PatientForm } from './types';

const PRIORITY_OPTIONS = [
  { value: '1', label: 'Primary' },
  { value: '2', label: 'Secondary' },
  { value: '3', label: 'Tertiary' },
];
const RELATIONSHIP_OPTIONS = Object.entries(RELATIONSHIP_LABELS).map(([value, label]) => ({ value, label }));
const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'intersex', label: 'Intersex' },
  { value: 'unknown', label: 'Unknown' },
];

interface Props {
  form: PatientForm;
  payers: TPayer[] | undefined;
  payersError: boolean;
}

export function CoveragesFields({ form, payers, payersError }: Props) {
  const coverages = form.values.coverages;
  const used = new Set(coverages.map((c) => c.payerId));
  const payerOptions = (current: string) =>
    (payers ?? [])
      .filter((p) => p.active || p.id === current || used.has(p.id))
      .map((p) => ({ value: p.id, label: p.name }));

  const add = () => {
    const taken = new Set(coverages.map((c) => c.priority));
    const next = ['1', '2', '3'].find((p) => !taken.has(p)) ?? '1';
    form.insertListItem('coverages', newCoverage(Number(next)));
  };

  return (
    <FormSection
      title="Insurance coverage"
      description="Up to three plans, in billing order. Leave empty for self-pay."
    >
      {payersError ? (
        <Alert color="red" role="alert">
          The list of payers could not be loaded. Coverage can be added later.
        </Alert>
      ) : null}
      {coverages.length === 0 ? <Text c="dimmed">No coverage added.</Text> : null}
      {coverages.map((c, i) => (
        <Fieldset key={c.key} legend={`Coverage ${i + 1}`} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Payer"
              required
              searchable
              placeholder={payers ? 'Choose a payer' : 'Loading payers…'}
              data={payerOptions(c.payerId)}
              nothingFoundMessage="No payer by that name"
              {...form.getInputProps(`coverages.${i}.payerId`)}
            />
            <Select
              label="Priority"
              data={PRIORITY_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps(`coverages.${i}.priority`)}
            />
            <TextInput
              label="Member ID"
              required
              autoComplete="off"
              {...form.getInputProps(`coverages.${i}.memberId`)}
            />
            <TextInput
              label="Group number"
              autoComplete="off"
              {...form.getInputProps(`coverages.${i}.groupNumber`)}
            />
            <TextInput
              label="Plan name"
              autoComplete="off"
              {...form.getInputProps(`coverages.${i}.planName`)}
            />
            <Select
              label="Patient's relationship to subscriber"
              data={RELATIONSHIP_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps(`coverages.${i}.relationship`)}
            />
            {c.relationship !== 'self' ? (
              <>
                <TextInput
                  label="Subscriber first name"
                  required
                  autoComplete="off"
                  {...form.getInputProps(`coverages.${i}.subscriber.firstName`)}
                />
                <TextInput
                  label="Subscriber last name"
                  required
                  autoComplete="off"
                  {...form.getInputProps(`coverages.${i}.subscriber.lastName`)}
                />
                <TextInput
                  label="Subscriber date of birth"
                  type="date"
                  required
                  {...form.getInputProps(`coverages.${i}.subscriber.dateOfBirth`)}
                />
                <Select
                  label="Subscriber sex"
                  data={SEX_OPTIONS}
                  clearable
                  placeholder="Choose"
                  {...form.getInputProps(`coverages.${i}.subscriber.sex`)}
                />
              </>
            ) : null}
            <TextInput label="Start date" type="date" {...form.getInputProps(`coverages.${i}.startDate`)} />
            <TextInput label="End date" type="date" {...form.getInputProps(`coverages.${i}.endDate`)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => form.removeListItem('coverages', i)}
              aria-label={`Remove coverage ${i + 1}`}
            >
              Remove
            </Button>
          </Group>
        </Fieldset>
      ))}
      {coverages.length < 3 ? (
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={add}>
            Add coverage
          </Button>
        </Group>
      ) : null}
    </FormSection>
  );
}

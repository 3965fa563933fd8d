import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { FormSection } from './FormSection';
import type { PatientForm } from './types';

const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'intersex', label: 'Intersex' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'declined', label: 'Declined to answer' },
];

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'waitlist', label: 'Waitlist' },
  { value: 'discharged', label: 'Discharged' },
];

export function IdentityFields({ form }: { form: PatientForm }) {
  return (
    <FormSection
      title="Identity"
      description="Legal name as on insurance; the preferred name is what everyone sees first."
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Legal first name"
          required
          autoComplete="off"
          {...form.getInputProps('legalFirstName')}
        />
        <TextInput label="Legal middle name" autoComplete="off" {...form.getInputProps('legalMiddleName')} />
        <TextInput
          label="Legal last name"
          required
          autoComplete="off"
          {...form.getInputProps('legalLastName')}
        />
        <TextInput label="Preferred name" autoComplete="off" {...form.getInputProps('preferredName')} />
        <TextInput
          label="Pronouns"
          placeholder="e.g. she/her, they/them"
          autoComplete="off"
          {...form.getInputProps('pronouns')}
        />
        <TextInput label="Date of birth" type="date" required {...form.getInputProps('dateOfBirth')} />
        <Select
          label="Sex assigned at birth"
          required
          data={SEX_OPTIONS}
          placeholder="Choose"
          {...form.getInputProps('sexAtBirth')}
        />
        <TextInput label="Gender identity" autoComplete="off" {...form.getInputProps('genderIdentity')} />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
    </FormSection>
  );
}

import { Checkbox, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { CHANNEL_LABELS, LANGUAGES, US_STATES } from '../../lib/format';
import { FormSection } from './FormSection';
import type { PatientForm } from './types';

const CHANNEL_OPTIONS = Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }));
// Which of the practice's reminder channels this patient receives (contactPreferences.reminderChannel).
const REMINDER_OPTIONS = [
  { value: 'both', label: 'E-mail and text' },
  { value: 'email', label: 'E-mail only' },
  { value: 'sms', label: 'Text only' },
  { value: 'none', label: 'No reminders' },
];

export function ContactInfoFields({ form }: { form: PatientForm }) {
  return (
    <FormSection
      title="Contact information"
      description="How the practice reaches the patient, and what they agreed to."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Address line 1" autoComplete="off" {...form.getInputProps('address.line1')} />
        <TextInput label="Address line 2" autoComplete="off" {...form.getInputProps('address.line2')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label="City" autoComplete="off" {...form.getInputProps('address.city')} />
        <Select
          label="State"
          data={US_STATES}
          searchable
          clearable
          placeholder="Choose"
          {...form.getInputProps('address.state')}
        />
        <TextInput
          label="ZIP code"
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps('address.postalCode')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Preferred contact method"
          data={CHANNEL_OPTIONS}
          clearable
          placeholder="No preference"
          {...form.getInputProps('contactPreferences.preferredChannel')}
        />
        <Group gap="lg" align="flex-end" pb={6} role="group" aria-label="Contact permissions">
          <Checkbox
            label="OK to leave voicemail"
            {...form.getInputProps('contactPreferences.okToLeaveVoicemail', { type: 'checkbox' })}
          />
          <Checkbox
            label="OK to text"
            {...form.getInputProps('contactPreferences.okToText', { type: 'checkbox' })}
          />
          <Checkbox
            label="OK to email"
            {...form.getInputProps('contactPreferences.okToEmail', { type: 'checkbox' })}
          />
        </Group>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Appointment reminders"
          description="E-mail reminders need “OK to email”, text reminders “OK to text”."
          data={REMINDER_OPTIONS}
          clearable
          placeholder="E-mail and text (practice default)"
          {...form.getInputProps('contactPreferences.reminderChannel')}
          data-testid="reminder-channel"
        />
      </SimpleGrid>
      <Textarea
        label="Contact notes"
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('contactPreferences.notes')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label="Preferred language" data={LANGUAGES} searchable {...form.getInputProps('language')} />
        <Group align="flex-end" pb={6}>
          <Checkbox
            label="Interpreter needed"
            {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
          />
        </Group>
      </SimpleGrid>
    </FormSection>
  );
}

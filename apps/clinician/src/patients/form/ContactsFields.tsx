import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CONTACT_KIND_LABELS } from '../../lib/format';
import { hasGuardian, isMinorDob, newContact } from './patient-form-model';
import { FormSection } from './FormSection';
import type { PatientForm } from './types';

const KIND_OPTIONS = Object.entries(CONTACT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function ContactsFields({ form }: { form: PatientForm }) {
  const contacts = form.values.contacts;
  const minorWithoutGuardian = isMinorDob(form.values.dateOfBirth) && !hasGuardian(form.values);
  // A list-level error (from validation or the server), e.g. the missing guardian of a minor.
  const listError = typeof form.errors.contacts === 'string' ? form.errors.contacts : null;
  const add = (kind: string) => {
    form.clearFieldError('contacts');
    form.insertListItem('contacts', newContact(kind));
  };

  return (
    <FormSection
      title="Contacts"
      description="Emergency contacts, and the guardian or legal representative for a minor."
    >
      {minorWithoutGuardian ? (
        <Alert
          color={listError ? 'red' : 'yellow'}
          role={listError ? 'alert' : 'status'}
          title="This patient is under 18"
          data-testid="guardian-prompt"
          data-form-error={listError ? true : undefined}
          tabIndex={-1}
        >
          <Text mb="xs">
            {listError ?? 'Add a parent or legal guardian who can consent to care and be contacted.'}
          </Text>
          <Button
            size="xs"
            variant="white"
            color="dark"
            onClick={() => add('guardian')}
            leftSection={<IconPlus size={14} aria-hidden="true" />}
          >
            Add guardian
          </Button>
        </Alert>
      ) : null}
      {listError && !minorWithoutGuardian ? (
        <Text c="red.8" role="alert" data-form-error tabIndex={-1}>
          {listError}
        </Text>
      ) : null}
      {contacts.length === 0 && !minorWithoutGuardian ? <Text c="dimmed">No contacts added.</Text> : null}
      {contacts.map((c, i) => (
        <Fieldset key={c.key} legend={`Contact ${i + 1}`} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Type"
              data={KIND_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps(`contacts.${i}.kind`)}
            />
            <TextInput
              label="Name"
              required
              autoComplete="off"
              {...form.getInputProps(`contacts.${i}.name`)}
            />
            <TextInput
              label="Relationship"
              placeholder="e.g. Mother, Spouse"
              required
              autoComplete="off"
              {...form.getInputProps(`contacts.${i}.relationship`)}
            />
            <TextInput
              label="Phone"
              type="tel"
              autoComplete="off"
              {...form.getInputProps(`contacts.${i}.phone`)}
            />
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              {...form.getInputProps(`contacts.${i}.email`)}
            />
            <Group align="flex-end">
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => form.removeListItem('contacts', i)}
                aria-label={`Remove contact ${i + 1}`}
              >
                Remove
              </Button>
            </Group>
          </SimpleGrid>
        </Fieldset>
      ))}
      {contacts.length < 10 ? (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => add('emergency')}
          >
            Add emergency contact
          </Button>
          {minorWithoutGuardian ? null : (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => add('guardian')}
            >
              Add guardian
            </Button>
          )}
        </Group>
      ) : null}
    </FormSection>
  );
}

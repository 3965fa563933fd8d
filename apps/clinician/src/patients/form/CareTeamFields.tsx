import type { TStaff } from '@hearth/contracts';
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CARE_TEAM_ROLE_LABELS, staffDisplayName } from '../../lib/format';
import { newCareTeamMember } from './patient-form-model';
import { FormSection } from './FormSection';
import type { PatientForm } from './types';

const ROLE_OPTIONS = Object.entries(CARE_TEAM_ROLE_LABELS).map(([value, label]) => ({ value, label }));

interface Props {
  form: PatientForm;
  clinicians: TStaff[] | undefined;
  staffError: boolean;
  /** Names of members already on the team (they may no longer be in the active clinician list). */
  knownNames: Record<string, string>;
}

export function CareTeamFields({ form, clinicians, staffError, knownNames }: Props) {
  const team = form.values.careTeam;
  const options = (clinicians ?? []).map((s) => ({ value: s.id, label: staffDisplayName(s) }));
  for (const [id, name] of Object.entries(knownNames)) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: name });
  }

  return (
    <FormSection
      title="Care team"
      description="Clinicians responsible for this patient. Their caseload includes the patient."
    >
      {staffError ? (
        <Alert color="red" role="alert">
          The staff list could not be loaded. The care team can be set later.
        </Alert>
      ) : null}
      {team.length === 0 ? <Text c="dimmed">No one assigned yet.</Text> : null}
      {team.map((m, i) => (
        <Fieldset key={m.key} legend={`Care team member ${i + 1}`} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Clinician"
              required
              searchable
              placeholder={clinicians ? 'Choose a clinician' : 'Loading staff…'}
              data={options}
              nothingFoundMessage="No clinician by that name"
              {...form.getInputProps(`careTeam.${i}.userId`)}
            />
            <Select
              label="Role on the team"
              data={ROLE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps(`careTeam.${i}.role`)}
            />
            <Group align="flex-end">
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => form.removeListItem('careTeam', i)}
                aria-label={`Remove care team member ${i + 1}`}
              >
                Remove
              </Button>
            </Group>
          </SimpleGrid>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() =>
            form.insertListItem(
              'careTeam',
              newCareTeamMember(
                team.some((m) => m.role === 'primary_therapist') ? 'therapist' : 'primary_therapist',
              ),
            )
          }
        >
          Add care team member
        </Button>
      </Group>
    </FormSection>
  );
}

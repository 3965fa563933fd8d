import type { TPatient } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createPatient, updatePatient } from '../../api/patients';
import { listPayers } from '../../api/practice';
import { listStaff } from '../../api/staff';
import { pathExistsIn, splitApiError } from '../../lib/form-errors';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';
import { CareTeamFields } from './CareTeamFields';
import { ContactInfoFields } from './ContactInfoFields';
import { ContactsFields } from './ContactsFields';
import { CoveragesFields } from './CoveragesFields';
import { IdentityFields } from './IdentityFields';
import {
  toCreateRequest,
  toUpdateRequest,
  validatePatientValues,
  type PatientFormValues,
} from './patient-form-model';

const CLINICAL_ROLES = new Set(['prescriber', 'therapist', 'associate', 'supervisor']);

interface Props {
  mode: 'create' | 'edit';
  initialValues: PatientFormValues;
  /** Editing: the patient as loaded (id, version, names of the current care team). */
  patient?: TPatient;
  onReload?: () => void;
}

function focusFirstError() {
  window.setTimeout(() => {
    const el =
      document.querySelector<HTMLElement>('form[data-patient-form] [aria-invalid="true"]') ??
      document.querySelector<HTMLElement>('form[data-patient-form] [data-form-error]');
    el?.focus();
  }, 0);
}

export function PatientForm({ mode, initialValues, patient, onReload }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const form = useForm<PatientFormValues>({
    initialValues,
    validate: (v) => validatePatientValues(v, mode),
    validateInputOnBlur: true,
  });
  const { prompt, allowNavigation } = useUnsavedChangesGuard(form.isDirty());

  const payers = useQuery({ queryKey: ['payers'], queryFn: listPayers, staleTime: 5 * 60_000 });
  const staff = useQuery({
    queryKey: ['staff', 'clinicians'],
    queryFn: () => listStaff({ active: 'true', pageSize: 100 }),
    staleTime: 5 * 60_000,
  });
  const clinicians = staff.data?.items.filter((s) => s.roles.some((r) => CLINICAL_ROLES.has(r)));
  const knownNames = Object.fromEntries((patient?.careTeam ?? []).map((m) => [m.userId, m.name]));

  const submit = form.onSubmit(
    async (values) => {
      setGeneral(null);
      setConflict(false);
      try {
        const saved =
          mode === 'create'
            ? await createPatient(toCreateRequest(values))
            : await updatePatient(patient!.id, toUpdateRequest(values, patient!.version));
        queryClient.setQueryData(['patient', saved.id], saved);
        await queryClient.invalidateQueries({ queryKey: ['patients'] });
        notifications.show({
          color: 'teal',
          title: mode === 'create' ? 'Patient created' : 'Changes saved',
          message: mode === 'create' ? `MRN ${saved.mrn}` : 'The chart is up to date.',
        });
        allowNavigation();
        navigate(`/patients/${saved.id}`, { replace: mode === 'create' });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && mode === 'edit') {
          setConflict(true);
          return;
        }
        const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(values));
        form.setErrors(fieldErrors);
        setGeneral(g);
        focusFirstError();
      }
    },
    (errors) => {
      const n = Object.keys(errors).length;
      setGeneral(`Please correct ${n} highlighted field${n === 1 ? '' : 's'}.`);
      focusFirstError();
    },
  );

  const cancel = () => navigate(patient ? `/patients/${patient.id}` : '/patients');

  return (
    <form
      onSubmit={submit}
      noValidate
      data-patient-form
      aria-label={mode === 'create' ? 'New patient' : 'Edit patient'}
    >
      {prompt}
      <Stack gap="md">
        {conflict ? (
          <Alert
            color="yellow"
            role="alert"
            title="Someone else changed this patient"
            data-testid="patient-conflict"
          >
            While you were editing, another person saved changes to this record. Reload to see the latest
            version, then make your changes again.
            <Group mt="sm">
              <Button
                size="xs"
                onClick={() => {
                  allowNavigation();
                  onReload?.();
                }}
              >
                Reload latest version
              </Button>
            </Group>
          </Alert>
        ) : null}
        <FormError message={general} testId="form-error" />
        <IdentityFields form={form} />
        <ContactInfoFields form={form} />
        <ContactsFields form={form} />
        <CoveragesFields form={form} payers={payers.data} payersError={payers.isError} />
        <CareTeamFields
          form={form}
          clinicians={clinicians}
          staffError={staff.isError}
          knownNames={knownNames}
        />
        <Paper withBorder p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} shadow="sm">
          <FormActions
            onCancel={cancel}
            submitLabel={mode === 'create' ? 'Create patient' : 'Save changes'}
            loading={form.submitting}
            submitTestId="save-patient"
          />
        </Paper>
      </Stack>
    </form>
  );
}

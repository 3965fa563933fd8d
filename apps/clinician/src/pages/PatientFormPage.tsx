import { EmptyState, LoadingState, PageHeader } from '@hearth/ui';
import { Alert, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { getPatient } from '../api/patients';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { emptyPatientValues, patientToValues } from '../patients/form/patient-form-model';
import { PatientForm } from '../patients/form/PatientForm';

export function NewPatientPage() {
  useDocumentTitle('New patient');
  const [initial] = useState(emptyPatientValues);
  return (
    <>
      <PageHeader
        title="New patient"
        description="Fields marked * are required. Everything else can be added later."
      />
      <PatientForm mode="create" initialValues={initial} />
    </>
  );
}

export function EditPatientPage() {
  useDocumentTitle('Edit patient');
  const { id = '' } = useParams();
  // Always start editing from the latest saved version.
  const query = useQuery({ queryKey: ['patient', id], queryFn: () => getPatient(id), staleTime: 0 });

  if (query.isPending) return <LoadingState label="Loading patient" />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Edit patient" />
        {query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState
            title="This patient could not be found"
            action={
              <Button component={Link} to="/patients">
                Go to patients
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }

  const p = query.data;
  return (
    <>
      <PageHeader title="Edit patient" description={`MRN ${p.mrn}`} />
      <PatientForm
        key={`${p.id}-${p.version}`}
        mode="edit"
        patient={p}
        initialValues={patientToValues(p)}
        onReload={() => void query.refetch()}
      />
    </>
  );
}

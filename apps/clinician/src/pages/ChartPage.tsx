import { EmptyState, LoadingState } from '@hearth/ui';
import { Alert, Button, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { getPatient } from '../api/patients';
import { useCan, useSession } from '../auth/session-context';
import { forgetRecentPatient, rememberRecentPatient } from '../lib/storage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ChartHeader } from '../patients/ChartHeader';
import { ChartOverview } from '../patients/ChartOverview';
import { PatientNotesTab } from '../notes/list/PatientNotesTab';

export function ChartPage() {
  useDocumentTitle('Chart');
  const { id = '' } = useParams();
  const { user } = useSession();
  const canEdit = useCan('patients.write');
  const canReadNotes = useCan('clinical.read');
  // The tab is in the address (?tab=notes) so links (e.g. from a note) can open it.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'notes' && canReadNotes ? 'notes' : 'overview';
  const query = useQuery({ queryKey: ['patient', id], queryFn: () => getPatient(id), enabled: !!id });

  useEffect(() => {
    if (query.data) rememberRecentPatient(user.id, query.data.id);
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403)) {
      forgetRecentPatient(user.id, id);
    }
  }, [query.data, query.error, user.id, id]);

  if (query.isPending) return <LoadingState label="Loading chart" />;
  if (query.isError) {
    const notFound =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <Title order={1}>Chart</Title>
        {notFound ? (
          <EmptyState
            title="This patient could not be found"
            description="The link may be wrong, or the chart is not available to you."
            action={
              <Button component={Link} to="/patients">
                Go to patients
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert" mt="md">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }

  const patient = query.data;
  return (
    <>
      <ChartHeader patient={patient} canEdit={canEdit} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'notes' ? { tab: 'notes' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label="Chart sections" mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          {canReadNotes ? (
            <Tabs.Tab value="notes" data-testid="chart-tab-notes">
              Notes
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <ChartOverview patient={patient} />
        </Tabs.Panel>
        {canReadNotes ? (
          <Tabs.Panel value="notes">
            <PatientNotesTab patientId={patient.id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}

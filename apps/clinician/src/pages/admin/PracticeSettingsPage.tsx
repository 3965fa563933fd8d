import { LoadingState, PageHeader } from '@hearth/ui';
import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LocationsSection } from '../../admin/LocationsSection';
import { PayersSection } from '../../admin/PayersSection';
import { PracticeForm } from '../../admin/PracticeForm';
import { userMessageFor } from '../../api/client';
import { getPractice } from '../../api/practice';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { NotesSettingsSection } from './NotesSettingsSection';

export function PracticeSettingsPage() {
  useDocumentTitle('Practice settings');
  const query = useQuery({ queryKey: ['practice'], queryFn: getPractice });
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title="Practice settings"
        description="Practice details, security policy, locations and rooms, payers, and clinical documentation."
      />
      {query.isPending ? <LoadingState label="Loading practice" /> : null}
      {query.isError ? (
        <Alert color="red" role="alert">
          {userMessageFor(query.error)}
        </Alert>
      ) : null}
      {query.data ? (
        <>
          <PracticeForm key={query.dataUpdatedAt} practice={query.data} />
          <LocationsSection defaultTimeZone={query.data.timeZone} />
          <PayersSection />
          <NotesSettingsSection />
        </>
      ) : null}
    </Stack>
  );
}

import { EmptyState, LoadingState } from '@hearth/ui';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { getPatient } from '../api/patients';
import { formatDate, patientDisplayName } from '../lib/format';
import { forgetRecentPatient, getRecentPatientIds } from '../lib/storage';

/** Patients this user opened recently. Only ids are stored in the browser; names come from the API. */
export function RecentPatients({ userId }: { userId: string }) {
  const [ids] = useState(() => getRecentPatientIds(userId).slice(0, 5));
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['patient', id],
      queryFn: () => getPatient(id),
      staleTime: 60_000,
      retry: false,
    })),
  });

  useEffect(() => {
    results.forEach((r, i) => {
      const id = ids[i];
      if (id && r.error instanceof ApiError && (r.error.status === 404 || r.error.status === 403)) {
        forgetRecentPatient(userId, id);
      }
    });
  }, [results, ids, userId]);

  const loading = results.some((r) => r.isPending);
  const patients = results.flatMap((r) => (r.data ? [r.data] : []));

  return (
    <Card>
      <Title order={2} mb="sm">
        Recently opened
      </Title>
      {loading && patients.length === 0 ? <LoadingState label="Loading recent patients" /> : null}
      {!loading && patients.length === 0 ? (
        <EmptyState
          icon={<IconHistory size={22} />}
          title="No recent patients"
          description="Charts you open appear here, so you can get back to them in one click."
        />
      ) : null}
      <Stack
        gap={8}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Recently opened patients"
      >
        {patients.map((p) => (
          <li key={p.id}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/patients/${p.id}`} fw={500}>
                {patientDisplayName(p)}
              </Anchor>
              <Text c="dimmed" size="sm">
                DOB {formatDate(p.dateOfBirth)} · MRN {p.mrn}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

import { PageHeader } from '@hearth/ui';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan, useSession } from '../auth/session-context';
import { ADMIN_ITEMS } from '../layout/NavBar';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { EMPTY_PATIENT_FILTERS, savePatientFilters } from '../patients/patient-filters';
import { RecentPatients } from '../patients/RecentPatients';
import { TodaySessionsCard } from '../notes/start/TodaySessionsCard';
import { OverdueNotesCard } from '../note-queue/OverdueNotesCard';

function greeting(now = new Date()) {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export function HomePage() {
  useDocumentTitle('Home');
  const { user } = useSession();
  const canRead = useCan('patients.read');
  const canWrite = useCan('patients.write');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const adminLinks = ADMIN_ITEMS.filter((i) => !i.permission || user.permissions.includes(i.permission));

  const search = (e: FormEvent) => {
    e.preventDefault();
    savePatientFilters({ ...EMPTY_PATIENT_FILTERS, q: q.trim() });
    navigate('/patients');
  };

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={`${greeting()}, ${user.firstName}`}
        description="Find a patient, pick up where you left off, or press Ctrl+K anywhere to search."
        actions={
          canWrite ? (
            <Button
              component={Link}
              to="/patients/new"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
            >
              New patient
            </Button>
          ) : null
        }
      />
      {canRead ? (
        <Card>
          <form onSubmit={search} role="search" aria-label="Quick patient search">
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label="Find a patient"
                placeholder="Name"
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: 1 }}
                leftSection={<IconSearch size={16} aria-hidden="true" />}
                data-testid="home-patient-search"
              />
              <Button type="submit">Search</Button>
            </Group>
          </form>
        </Card>
      ) : null}
      <TodaySessionsCard />
      <OverdueNotesCard />
      <SimpleGrid cols={{ base: 1, md: adminLinks.length ? 2 : 1 }} spacing="lg">
        {canRead ? <RecentPatients userId={user.id} /> : null}
        {adminLinks.length ? (
          <Card>
            <Title order={2} mb="sm">
              Administration
            </Title>
            <Stack gap={6}>
              {adminLinks.map((i) => (
                <Anchor key={i.to} component={Link} to={i.to}>
                  <Group gap={8} component="span">
                    <i.icon size={18} aria-hidden="true" />
                    {i.label}
                  </Group>
                </Anchor>
              ))}
            </Stack>
            <Text c="dimmed" mt="sm">
              Manage the practice, staff accounts, security and the audit trail.
            </Text>
          </Card>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}

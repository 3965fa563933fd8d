import type { ReactNode } from 'react';
import type { TPatient } from '@hearth/contracts';
import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEdit, IconLanguage, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CARE_TEAM_ROLE_LABELS, formatDate, languageLabel } from '../lib/format';
import { PatientStatusBadge } from './PatientStatusBadge';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId}>
      <Text c="dimmed" component="span">
        {label}
      </Text>
      <Text component="span" fw={500}>
        {children}
      </Text>
    </Group>
  );
}

/** Always-visible identity and safety strip at the top of the chart. */
export function ChartHeader({ patient, canEdit }: { patient: TPatient; canEdit: boolean }) {
  const preferred = patient.preferredName?.trim();
  const shownFirst = preferred || patient.legalFirstName;
  const legalFull = [patient.legalFirstName, patient.legalMiddleName, patient.legalLastName]
    .filter(Boolean)
    .join(' ');
  const primary = [...patient.coverages].sort((a, b) => a.priority - b.priority)[0];
  const guardian =
    patient.contacts.find((c) => c.kind === 'guardian') ??
    patient.contacts.find((c) => c.kind === 'legal_representative');
  const careTeam = patient.careTeam.map(
    (m) =>
      `${m.name}${m.credentials ? `, ${m.credentials}` : ''} (${CARE_TEAM_ROLE_LABELS[m.role] ?? m.role})`,
  );

  return (
    <Box
      component="section"
      aria-label="Patient summary"
      data-testid="chart-header"
      style={{
        position: 'sticky',
        top: 'var(--app-shell-header-height, 56px)',
        zIndex: 5,
        background: 'var(--mantine-color-white)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        margin:
          'calc(var(--mantine-spacing-md) * -1) calc(var(--mantine-spacing-md) * -1) var(--mantine-spacing-md)',
        padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md)',
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={1} data-testid="chart-patient-name">
              {shownFirst} {patient.legalLastName}
            </Title>
            {preferred && preferred !== patient.legalFirstName ? (
              <Text c="dimmed" data-testid="chart-legal-name">
                Legal name: {legalFull}
              </Text>
            ) : null}
            <PatientStatusBadge status={patient.status} />
          </Group>
          <Group gap="lg" wrap="wrap">
            <Fact label="Age" testId="chart-age">
              {patient.age}
            </Fact>
            {patient.pronouns ? (
              <Fact label="Pronouns" testId="chart-pronouns">
                {patient.pronouns}
              </Fact>
            ) : null}
            <Fact label="DOB" testId="chart-dob">
              {formatDate(patient.dateOfBirth)}
            </Fact>
            <Fact label="MRN" testId="chart-mrn">
              {patient.mrn}
            </Fact>
            <Fact label="Primary payer" testId="chart-payer">
              {primary ? primary.payerName : 'Self-pay / none on file'}
            </Fact>
          </Group>
          <Fact label="Care team" testId="chart-care-team">
            {careTeam.length ? careTeam.join('; ') : 'Not assigned'}
          </Fact>
        </Stack>
        {canEdit ? (
          <Button
            component={Link}
            to={`/patients/${patient.id}/edit`}
            variant="default"
            leftSection={<IconEdit size={16} aria-hidden="true" />}
          >
            Edit
          </Button>
        ) : null}
      </Group>
      <Group gap="xs" mt={6} role="group" aria-label="Safety flags" data-testid="chart-safety-flags">
        {patient.isMinor ? (
          <Badge
            color={guardian ? 'yellow' : 'red'}
            variant="light"
            tt="none"
            leftSection={<IconShieldCheck size={14} aria-hidden="true" />}
            data-testid="chart-guardian-flag"
          >
            {guardian ? `Guardian: ${guardian.name} — minor` : 'Minor — no guardian on file'}
          </Badge>
        ) : null}
        {patient.interpreterNeeded ? (
          <Badge
            color="indigo"
            variant="light"
            tt="none"
            leftSection={<IconLanguage size={14} aria-hidden="true" />}
          >
            Interpreter needed{patient.language ? `: ${languageLabel(patient.language)}` : ''}
          </Badge>
        ) : null}
        {!patient.isMinor && !patient.interpreterNeeded ? (
          <Group gap={4}>
            <IconAlertTriangle size={14} aria-hidden="true" color="var(--mantine-color-gray-7)" />
            <Text c="dimmed" size="sm">
              No safety flags recorded
            </Text>
          </Group>
        ) : null}
      </Group>
    </Box>
  );
}

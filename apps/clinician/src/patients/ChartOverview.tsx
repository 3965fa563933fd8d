import type { TPatient } from '@hearth/contracts';
import { EmptyState, InfoRow } from '@hearth/ui';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  CARE_TEAM_ROLE_LABELS,
  CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  formatAddress,
  formatDate,
  languageLabel,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
} from '../lib/format';
import { PatientAppointmentsCard } from '../scheduling/chart/PatientAppointmentsCard';
import { AttendanceCard } from '../engagement/AttendanceCard';
import { RecentNotesCard } from '../notes/list/RecentNotesCard';
import { ProblemListCard } from '../problems/ProblemListCard';
import { PsychotherapyNotesCard } from '../psychotherapy/PsychotherapyNotesCard';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <Title order={2} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const yesNo = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : '');

export function ChartOverview({ patient }: { patient: TPatient }) {
  const prefs = patient.contactPreferences as Record<string, unknown>;
  const legal = [patient.legalFirstName, patient.legalMiddleName, patient.legalLastName]
    .filter(Boolean)
    .join(' ');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title="Demographics">
        <Stack gap={6}>
          <InfoRow label="Legal name">{legal}</InfoRow>
          <InfoRow label="Preferred name">{patient.preferredName}</InfoRow>
          <InfoRow label="Pronouns">{patient.pronouns}</InfoRow>
          <InfoRow label="Date of birth">
            {formatDate(patient.dateOfBirth)} (age {patient.age})
          </InfoRow>
          <InfoRow label="Sex assigned at birth">
            {SEX_LABELS[patient.sexAtBirth] ?? patient.sexAtBirth}
          </InfoRow>
          <InfoRow label="Gender identity">{patient.genderIdentity}</InfoRow>
          <InfoRow label="Language">{languageLabel(patient.language)}</InfoRow>
          <InfoRow label="Interpreter needed">{yesNo(patient.interpreterNeeded)}</InfoRow>
        </Stack>
      </Section>
      <Section title="Contact information">
        <Stack gap={6}>
          <InfoRow label="Phone">{patient.phone}</InfoRow>
          <InfoRow label="Email">{patient.email}</InfoRow>
          <InfoRow label="Address">{formatAddress(patient.address)}</InfoRow>
          <InfoRow label="Preferred channel">
            {typeof prefs.preferredChannel === 'string'
              ? (CHANNEL_LABELS[prefs.preferredChannel] ?? prefs.preferredChannel)
              : ''}
          </InfoRow>
          <InfoRow label="OK to leave voicemail">{yesNo(prefs.okToLeaveVoicemail)}</InfoRow>
          <InfoRow label="OK to text">{yesNo(prefs.okToText)}</InfoRow>
          <InfoRow label="OK to email">{yesNo(prefs.okToEmail)}</InfoRow>
          <InfoRow label="Notes">{typeof prefs.notes === 'string' ? prefs.notes : ''}</InfoRow>
        </Stack>
      </Section>
      <Section title="Contacts">
        {patient.contacts.length === 0 ? (
          <EmptyState
            title="No contacts on file"
            description="Add an emergency contact (and a guardian for minors) with Edit."
          />
        ) : (
          <Stack gap="sm">
            {patient.contacts.map((c) => (
              <Stack key={c.id} gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{c.name}</Text>
                  <Badge variant="light" color={c.kind === 'emergency' ? 'gray' : 'yellow'} tt="none">
                    {CONTACT_KIND_LABELS[c.kind] ?? c.kind}
                  </Badge>
                </Group>
                <Text c="dimmed">{[c.relationship, c.phone, c.email].filter(Boolean).join(' · ')}</Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Section>
      <Section title="Coverage">
        {patient.coverages.length === 0 ? (
          <EmptyState
            title="No insurance on file"
            description="The patient is self-pay until coverage is added with Edit."
          />
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label="Coverage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>Payer</Table.Th>
                  <Table.Th>Member ID</Table.Th>
                  <Table.Th>Group</Table.Th>
                  <Table.Th>Subscriber</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...patient.coverages]
                  .sort((a, b) => a.priority - b.priority)
                  .map((c) => {
                    const sub = c.subscriber as Record<string, unknown> | null;
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          {['Primary', 'Secondary', 'Tertiary'][c.priority - 1] ?? c.priority}
                        </Table.Td>
                        <Table.Td>
                          {c.payerName}
                          {c.planName ? <Text c="dimmed">{c.planName}</Text> : null}
                        </Table.Td>
                        <Table.Td>{c.memberId}</Table.Td>
                        <Table.Td>{c.groupNumber ?? ''}</Table.Td>
                        <Table.Td>
                          {c.relationship === 'self'
                            ? 'Self'
                            : `${String(sub?.firstName ?? '')} ${String(sub?.lastName ?? '')} (${RELATIONSHIP_LABELS[c.relationship] ?? c.relationship})`}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
      <Section title="Care team">
        {patient.careTeam.length === 0 ? (
          <EmptyState title="No care team assigned" description="Assign a primary therapist with Edit." />
        ) : (
          <Stack gap={6}>
            {patient.careTeam.map((m) => (
              <InfoRow key={`${m.userId}-${m.role}`} label={CARE_TEAM_ROLE_LABELS[m.role] ?? m.role}>
                {m.name}
                {m.credentials ? `, ${m.credentials}` : ''}
              </InfoRow>
            ))}
          </Stack>
        )}
      </Section>
      <ProblemListCard patientId={patient.id} />
      <RecentNotesCard patientId={patient.id} />
      <PatientAppointmentsCard patient={patient} />
      <AttendanceCard patientId={patient.id} />
      <PsychotherapyNotesCard patientId={patient.id} />
    </SimpleGrid>
  );
}

import type { TPatientProblem } from '@hearth/contracts';
import { EmptyState, LoadingState, StatusBadge } from '@hearth/ui';
import { ActionIcon, Button, Card, Group, Select, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconStar, IconStarFilled, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { useProblems, useUpdateProblem, type TUpdateProblem } from '../api/diagnoses';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { formatDate } from '../lib/format';
import { AddProblemForm } from './AddProblemForm';
import { EditProblemModal } from './EditProblemModal';
import {
  canBePrimary,
  explainProblemError,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUS_TONE,
  splitProblems,
  type TProblemStatus,
} from './problem-model';

/**
 * The patient's problem list for the chart: ICD-10-CM diagnoses with onset, status and the primary
 * one starred. Clinicians add from the code search and change status, onset and primary in place.
 * Shown only to people who may read clinical data.
 */
export function ProblemListCard({ patientId }: { patientId: string }) {
  const canRead = useCan('clinical.read');
  if (!canRead) return null;
  return <ProblemList patientId={patientId} />;
}

function ProblemList({ patientId }: { patientId: string }) {
  const canWrite = useCan('clinical.write');
  const query = useProblems(patientId);
  const update = useUpdateProblem(patientId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TPatientProblem | null>(null);
  const [showPast, setShowPast] = useState(false);
  const { current, past } = splitProblems(query.data ?? []);
  const rows = showPast ? [...current, ...past] : current;

  /** Sends a change; on failure explains it (and reloads after someone else's change). Null when saved. */
  const change = async (p: TPatientProblem, body: TUpdateProblem) => {
    try {
      await update.mutateAsync({ problemId: p.id, body });
      return null;
    } catch (e) {
      const explained = explainProblemError(e);
      if (explained.reload) await query.refetch();
      return explained;
    }
  };
  const quick = async (p: TPatientProblem, body: Omit<TUpdateProblem, 'version'>, done: string) => {
    const failed = await change(p, { version: p.version, ...body });
    notifications.show(
      failed
        ? { color: 'red', title: 'The problem was not changed', message: failed.message }
        : { color: 'teal', title: done, message: `${p.code} ${p.title}` },
    );
  };

  return (
    <Card component="section" aria-labelledby="problem-list-heading" data-testid="problem-list">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="problem-list-heading">
          Problems
        </Title>
        {canWrite && !adding ? (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setAdding(true)} data-testid="problem-add">
            Add diagnosis
          </Button>
        ) : null}
      </Group>
      {adding ? <AddProblemForm patientId={patientId} problems={query.data ?? []} onDone={() => setAdding(false)} /> : null}
      <QueryError query={query} mb="sm" />
      {query.isPending ? <LoadingState label="Loading problems" /> : null}
      {query.data && current.length === 0 && !showPast ? (
        <EmptyState
          icon={<IconStethoscope size={22} />}
          title={past.length ? 'No current problems' : 'No problems on the list'}
          description={
            canWrite
              ? 'Add a diagnosis with “Add diagnosis”, or from a note: diagnoses chosen in a note can be added here.'
              : 'Diagnoses appear here when a clinician adds them.'
          }
        />
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Problem list" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <VisuallyHidden>Primary</VisuallyHidden>
                </Table.Th>
                <Table.Th>Diagnosis</Table.Th>
                <Table.Th>Onset</Table.Th>
                <Table.Th>Status</Table.Th>
                {canWrite ? (
                  <Table.Th w={44}>
                    <VisuallyHidden>Edit</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} data-testid="problem-row" c={canBePrimary(p.status) ? undefined : 'dimmed'}>
                  <Table.Td>
                    <PrimaryStar problem={p} canWrite={canWrite} onMake={() => void quick(p, { isPrimary: true }, 'Primary diagnosis changed')} />
                  </Table.Td>
                  <Table.Td>
                    <Text span fw={600} ff="monospace" mr={6}>
                      {p.code}
                    </Text>
                    {p.title}
                    {p.comment ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {p.comment}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.onsetDate)}</Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Select
                        size="xs"
                        w={140}
                        aria-label={`Status of ${p.code}`}
                        allowDeselect={false}
                        value={p.status}
                        data={Object.entries(PROBLEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                        onChange={(v) => v && v !== p.status && void quick(p, { status: v as TProblemStatus }, `Marked ${PROBLEM_STATUS_LABELS[v as TProblemStatus].toLowerCase()}`)}
                        comboboxProps={{ withinPortal: true }}
                      />
                    ) : (
                      <StatusBadge label={PROBLEM_STATUS_LABELS[p.status]} tone={PROBLEM_STATUS_TONE[p.status]} />
                    )}
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.code}`} onClick={() => setEditing(p)}>
                        <IconPencil size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {past.length > 0 ? (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowPast((s) => !s)} aria-expanded={showPast}>
          {showPast ? 'Hide resolved and ruled out' : `Show resolved and ruled out (${past.length})`}
        </Button>
      ) : null}
      <EditProblemModal problem={editing} onClose={() => setEditing(null)} onSave={change} />
    </Card>
  );
}

function PrimaryStar({ problem, canWrite, onMake }: { problem: TPatientProblem; canWrite: boolean; onMake: () => void }) {
  if (problem.isPrimary)
    return (
      <Tooltip label="Primary diagnosis">
        <IconStarFilled size={18} color="var(--mantine-color-yellow-6)" role="img" aria-label="Primary diagnosis" />
      </Tooltip>
    );
  if (!canWrite || !canBePrimary(problem.status)) return null;
  return (
    <Tooltip label="Make primary">
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Make ${problem.code} the primary diagnosis`} onClick={onMake}>
        <IconStar size={16} aria-hidden="true" />
      </ActionIcon>
    </Tooltip>
  );
}

import type { TDiagnosisRef, TPatientProblem } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAddProblem } from '../api/diagnoses';
import { DiagnosisPicker } from '../notes/form/DiagnosisPicker';
import { currentCodes, explainProblemError, localToday, PROBLEM_STATUS_LABELS, type TProblemStatus } from './problem-model';

interface Props {
  patientId: string;
  problems: readonly TPatientProblem[];
  onDone: () => void;
}

/** Adds a diagnosis found by code, words or a common name, with its onset, status and whether it is primary. */
export function AddProblemForm({ patientId, problems, onDone }: Props) {
  const add = useAddProblem(patientId);
  const [picked, setPicked] = useState<TDiagnosisRef | null>(null);
  const [onset, setOnset] = useState('');
  const [status, setStatus] = useState<TProblemStatus>('active');
  const hasPrimary = problems.some((p) => p.isPrimary);
  const [primary, setPrimary] = useState(!hasPrimary);
  const [error, setError] = useState<string | null>(null);
  const [onsetError, setOnsetError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setOnsetError(null);
    if (!picked) {
      setError('Search for the diagnosis and choose it first.');
      return;
    }
    if (onset && onset > localToday()) {
      setOnsetError('Cannot be in the future');
      return;
    }
    try {
      await add.mutateAsync({
        code: picked.code,
        status,
        onsetDate: onset || undefined,
        isPrimary: (status === 'active' || status === 'in_remission') && primary,
      });
      notifications.show({ color: 'teal', title: 'Added to the problem list', message: `${picked.code} ${picked.title ?? ''}`.trim() });
      onDone();
    } catch (err) {
      const x = explainProblemError(err);
      if (x.field === 'onsetDate') setOnsetError(x.fieldMessage ?? x.message);
      else setError(x.message);
    }
  };

  return (
    <Paper withBorder p="sm" radius="sm" mb="sm">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Add a diagnosis to the problem list">
        <Stack gap="xs">
          <FormError message={error} />
          {picked ? (
            <Group justify="space-between" wrap="nowrap">
              <Text>
                <Text span fw={600} ff="monospace">
                  {picked.code}
                </Text>{' '}
                {picked.title}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={() => setPicked(null)}>
                Change
              </Button>
            </Group>
          ) : (
            <DiagnosisPicker label="Diagnosis" required chosen={currentCodes(problems)} onPick={setPicked} />
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label="Onset"
              value={onset}
              max={localToday()}
              error={onsetError}
              onChange={(e) => setOnset(e.currentTarget.value)}
              maw={180}
            />
            <Select
              label="Status"
              allowDeselect={false}
              value={status}
              data={Object.entries(PROBLEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(v) => v && setStatus(v as TProblemStatus)}
              maw={180}
              comboboxProps={{ withinPortal: true }}
            />
            <Checkbox
              label={hasPrimary ? 'Make it the primary diagnosis' : 'Primary diagnosis'}
              checked={primary && (status === 'active' || status === 'in_remission')}
              disabled={!(status === 'active' || status === 'in_remission')}
              onChange={(e) => setPrimary(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!picked} data-testid="problem-add-submit">
              Add to problem list
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

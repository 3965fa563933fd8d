import type { TPatientProblem } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TUpdateProblem } from '../api/diagnoses';
import { localToday, PROBLEM_STATUS_LABELS, type TProblemStatus } from './problem-model';

interface Props {
  problem: TPatientProblem | null;
  onClose: () => void;
  /** Sends the change; resolves to what went wrong (the input it is about, if any), or null when it was saved. */
  onSave: (problem: TPatientProblem, body: TUpdateProblem) => Promise<{ message: string; field?: string; fieldMessage?: string } | null>;
}

/** Onset, status and a comment for one problem. */
export function EditProblemModal({ problem, onClose, onSave }: Props) {
  return (
    <Modal opened={problem !== null} onClose={onClose} title="Edit problem">
      {problem ? <EditForm key={`${problem.id}:${problem.version}`} problem={problem} onClose={onClose} onSave={onSave} /> : null}
    </Modal>
  );
}

function EditForm({ problem, onClose, onSave }: { problem: TPatientProblem; onClose: () => void; onSave: Props['onSave'] }) {
  const [onset, setOnset] = useState(problem.onsetDate ?? '');
  const [status, setStatus] = useState<TProblemStatus>(problem.status);
  const [comment, setComment] = useState(problem.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [onsetError, setOnsetError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body: TUpdateProblem = { version: problem.version };
    if ((problem.onsetDate ?? '') !== onset) body.onsetDate = onset || null;
    if (problem.status !== status) body.status = status;
    if ((problem.comment ?? '') !== comment.trim()) body.comment = comment.trim() || null;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    setError(null);
    setOnsetError(null);
    if (onset && onset > localToday()) {
      setOnsetError('Cannot be in the future');
      return;
    }
    setBusy(true);
    const failed = await onSave(problem, body);
    setBusy(false);
    if (!failed) onClose();
    else if (failed.field === 'onsetDate') setOnsetError(failed.fieldMessage ?? failed.message);
    else setError(failed.message);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>
          <Text span fw={600} ff="monospace">
            {problem.code}
          </Text>{' '}
          {problem.title}
        </Text>
        <FormError message={error} />
        <Group gap="sm" grow>
          <TextInput type="date" label="Onset" value={onset} max={localToday()} error={onsetError} onChange={(e) => setOnset(e.currentTarget.value)} />
          <Select
            label="Status"
            allowDeselect={false}
            value={status}
            data={Object.entries(PROBLEM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(v) => v && setStatus(v as TProblemStatus)}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {problem.isPrimary && status !== 'active' && status !== 'in_remission' ? (
          <Text size="sm" c="dimmed">
            A resolved or ruled-out problem stops being the primary diagnosis.
          </Text>
        ) : null}
        <Textarea label="Comment" autosize minRows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

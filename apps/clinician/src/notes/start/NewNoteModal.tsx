import type { TNoteKind, TTemplateSummary } from '@hearth/contracts';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, userMessageFor } from '../../api/client';
import { useCreateNote, useTemplates } from '../../api/notes';
import { useSession } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { KIND_LABELS } from '../form/labels';
import {
  defaultTemplate,
  readRememberedChoices,
  rememberChoice,
  usableTemplates,
  type TServiceHint,
} from './template-choice';

interface Props {
  opened: boolean;
  onClose: () => void;
  patientId: string;
  /** Starting from an appointment links the note to it and prefills the session from it. */
  appointment?: { id: string; serviceHint: TServiceHint; status?: Parameters<typeof defaultTemplate>[0]['status'] };
}

const KIND_ORDER = Object.keys(KIND_LABELS) as TNoteKind[];

/** Template choices grouped by kind, group templates left out (they have their own page). */
function templateOptions(list: readonly TTemplateSummary[]) {
  const usable = usableTemplates(list).filter((t) => t.kind !== 'group');
  return KIND_ORDER.map((kind) => ({
    group: KIND_LABELS[kind],
    items: usable
      .filter((t) => t.kind === kind)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => ({ value: t.id, label: t.name })),
  })).filter((g) => g.items.length > 0);
}

/** Start a note: choose the template (defaulted from the appointment and your last choice), optionally copy forward. */
export function NewNoteModal({ opened, onClose, patientId, appointment }: Props) {
  const { user } = useSession();
  const navigate = useNavigate();
  const templates = useTemplates(opened);
  const create = useCreateNote();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [copyForward, setCopyForward] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Until the writer picks one, the default for this appointment (and their last choice) is offered.
  const suggested = templates.data
    ? defaultTemplate({
        templates: templates.data,
        remembered: readRememberedChoices(user.id),
        hint: appointment?.serviceHint ?? null,
        status: appointment?.status,
      })
    : null;
  const chosen = (templateId ? templates.data?.find((t) => t.id === templateId) : suggested) ?? null;
  const close = () => {
    setTemplateId(null);
    setCopyForward(false);
    setError(null);
    onClose();
  };
  const start = async () => {
    if (!chosen) return;
    setError(null);
    try {
      const note = await create.mutateAsync({
        patientId,
        templateId: chosen.id,
        ...(appointment ? { appointmentId: appointment.id } : {}),
        ...(copyForward ? { copyForward: true } : {}),
      });
      rememberChoice(user.id, chosen.kind, chosen.id);
      if (copyForward && !note.copiedFrom)
        notifications.show({
          title: 'Nothing to copy forward',
          message: 'There is no earlier signed note on this template for this patient; the note starts empty.',
        });
      close();
      void navigate(`/notes/${note.id}`);
    } catch (e) {
      // Someone (or another tab) started this appointment's note meanwhile: open that one.
      const existing = e instanceof ApiError && e.status === 409 ? e.problem.noteId : undefined;
      if (typeof existing === 'string') {
        close();
        void navigate(`/notes/${existing}`);
        return;
      }
      setError(userMessageFor(e));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={appointment ? 'Start the session note' : 'New note'}>
      <Stack gap="sm">
        <QueryError query={templates} />
        <Select
          label="Template"
          required
          searchable
          data={templateOptions(templates.data ?? [])}
          value={chosen?.id ?? null}
          onChange={setTemplateId}
          allowDeselect={false}
          placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
          nothingFoundMessage="No template matches"
          data-autofocus
          data-testid="new-note-template"
        />
        {chosen ? (
          <Text size="sm" c="dimmed">
            {KIND_LABELS[chosen.kind]}
            {chosen.billable ? ' · billable: diagnoses, times and place of service are required to sign' : ' · not billed'}
          </Text>
        ) : null}
        <Checkbox
          label="Copy forward from the last signed note on this template"
          description="Copied answers are marked until you edit or confirm them."
          checked={copyForward}
          onChange={(e) => setCopyForward(e.currentTarget.checked)}
        />
        {appointment ? (
          <Text size="sm" c="dimmed">
            The date, times and place of service are filled in from the appointment; you can change them.
          </Text>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void start()} disabled={!chosen} loading={create.isPending} data-testid="new-note-start">
            Start note
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

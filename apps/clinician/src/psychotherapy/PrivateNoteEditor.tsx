import { FormError } from '@hearth/ui';
import { Alert, Button, Group, Kbd, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { getPsychotherapyNote, useSavePsychotherapyNote, type TPsychotherapyNote } from '../api/psychotherapy';
import { useAppointments } from '../api/scheduling';
import { useCan } from '../auth/session-context';
import { formatDate, formatDateTime } from '../lib/format';
import { addDays, formatLocalDateTime } from '../scheduling/time';
import {
  characterCount,
  draftOf,
  emptyDraft,
  isDirty,
  sessionOptions,
  toCreateRequest,
  toUpdateRequest,
  validateDraft,
  withDate,
  withSession,
  type PrivateNoteDraft,
} from './private-note-model';

interface Props {
  patientId: string;
  /** The note being rewritten; null for a new one. */
  note: TPsychotherapyNote | null;
  /** Today's local date. */
  today: string;
  onSaved: (note: TPsychotherapyNote) => void;
  onCancel: () => void;
  /** Told whenever the editor starts or stops holding unsaved text. */
  onDirtyChange: (dirty: boolean) => void;
}

const FORM_FIELDS = new Set(['body', 'sessionDate', 'appointmentId']);

/**
 * Writes or rewrites one private note. Nothing is sent until Save (no autosave: these notes leave
 * the browser only when their author decides).
 */
export function PrivateNoteEditor({ patientId, note, today, onSaved, onCancel, onDirtyChange }: Props) {
  const isNew = note === null;
  const [saved, setSaved] = useState<PrivateNoteDraft>(() => (note ? draftOf(note) : emptyDraft(today)));
  const [current, setCurrent] = useState<TPsychotherapyNote | null>(note);
  const [draft, setDraft] = useState<PrivateNoteDraft>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const mutation = useSavePsychotherapyNote();
  const dirty = isDirty(draft, saved);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  // The patient's sessions of the past year, to link a new note to one.
  const canSeeSchedule = useCan('scheduling.read');
  const appointments = useAppointments(
    isNew && canSeeSchedule ? { from: addDays(today, -365), to: today, patientId } : null,
  );
  const options = useMemo(
    () => sessionOptions(appointments.data ?? [], today, formatLocalDateTime),
    [appointments.data, today],
  );

  const save = async () => {
    if (mutation.isPending) return;
    setGeneral(null);
    const problems = validateDraft(draft, today, isNew);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const result = current
        ? await mutation.mutateAsync({ noteId: current.id, update: toUpdateRequest(current, draft) })
        : await mutation.mutateAsync({ noteId: null, create: toCreateRequest(patientId, draft) });
      const next = draftOf(result);
      setCurrent(result);
      setSaved(next);
      setDraft(next);
      setConflict(false);
      notifications.show({ color: 'teal', title: 'Saved', message: 'Your private note was saved.' });
      onSaved(result);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        return;
      }
      const fieldErrors = e instanceof ApiError ? e.fieldErrors.filter((f) => FORM_FIELDS.has(f.field)) : [];
      setErrors(Object.fromEntries(fieldErrors.map((f) => [f.field, f.message.charAt(0).toUpperCase() + f.message.slice(1)])));
      const others = e instanceof ApiError ? e.fieldErrors.length - fieldErrors.length : 1;
      setGeneral(fieldErrors.length && !others ? 'Please correct the highlighted fields.' : userMessageFor(e));
    }
  };

  /** After a conflict: the version saved elsewhere replaces this one (the person chose to). */
  const loadSaved = async () => {
    if (!current) return;
    try {
      const fresh = await getPsychotherapyNote(current.id);
      const next = draftOf(fresh);
      setCurrent(fresh);
      setSaved(next);
      setDraft(next);
      setConflict(false);
      setErrors({});
      setGeneral(null);
    } catch (e) {
      setGeneral(userMessageFor(e));
    }
  };

  useHotkeys([['mod+S', () => void save()]], []);

  const linked = current?.appointmentId ?? null;
  return (
    <form
      noValidate
      aria-labelledby="private-note-editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="private-note-editor"
    >
      <Stack gap="sm">
        <Title order={2} id="private-note-editor-heading">
          {current ? `Session of ${formatDate(current.sessionDate)}` : 'New private note'}
        </Title>
        {current ? (
          <Text size="sm" c="dimmed">
            {linked ? 'Linked to the session. ' : ''}Written {formatDateTime(current.createdAt)}
            {current.updatedAt !== current.createdAt ? `, last changed ${formatDateTime(current.updatedAt)}` : ''}.
          </Text>
        ) : null}
        <FormError message={general} />
        {conflict ? (
          <Alert color="orange" title="Saved elsewhere" role="alert">
            <Text mb="xs">
              This note was saved in another tab or window since you opened it, so your changes were not saved. Copy
              anything you want to keep, then load the saved version.
            </Text>
            <Button size="xs" variant="default" onClick={() => void loadSaved()}>
              Load the saved version
            </Button>
          </Alert>
        ) : null}
        {isNew ? (
          <Group grow align="flex-start" wrap="wrap">
            {canSeeSchedule ? (
              <Select
                label="Session"
                description="Optional: the appointment this note is about"
                placeholder={appointments.isPending ? 'Loading sessions…' : 'Not linked to a session'}
                data={options.map((o) => ({ value: o.value, label: o.label }))}
                value={draft.appointmentId}
                onChange={(v) => setDraft((d) => withSession(d, options.find((o) => o.value === v) ?? null))}
                clearable
                searchable
                nothingFoundMessage="No session matches"
                error={errors.appointmentId}
                data-testid="private-note-session"
              />
            ) : null}
            <TextInput
              type="date"
              label="Session date"
              required
              max={draft.appointmentId ? undefined : today}
              value={draft.sessionDate}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => withDate(d, value, options));
              }}
              error={errors.sessionDate}
              data-testid="private-note-date"
            />
          </Group>
        ) : null}
        <Textarea
          label="Note"
          required
          autosize
          minRows={12}
          maxRows={30}
          value={draft.body}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDraft((d) => ({ ...d, body: value }));
          }}
          error={errors.body}
          description={
            <>
              {characterCount(draft.body)}. Save with <Kbd>Ctrl</Kbd> + <Kbd>S</Kbd>.
            </>
          }
          data-testid="private-note-body"
        />
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {dirty ? 'Unsaved changes' : current ? 'All changes saved' : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {dirty ? 'Discard changes' : 'Close'}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!dirty} data-testid="private-note-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

import type { TNote } from '@hearth/contracts';
import { Alert, Anchor, Box, Button, Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { getNote, noteKeys } from '../../api/notes';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';
import { carriedPath } from '../form/field-values';
import { KIND_LABELS } from '../form/labels';
import { NoteForm } from '../form/NoteForm';
import { NoteStatusBadge } from '../view/NoteStatusBadge';
import { ReturnedComment } from '../view/ReturnedComment';
import { EncounterBlock } from './EncounterBlock';
import { ReferenceColumn } from './ReferenceColumn';
import { RequiredChecklist } from './RequiredChecklist';
import { SaveStatus } from './SaveStatus';
import { SignDialogs, type SignStep } from './SignDialogs';
import { useNoteDraft } from './useNoteDraft';

interface Props {
  note: TNote;
  userId: string;
  /** After a conflict: reload the note from the server and start again. */
  onReload: () => void;
}

/** The author's editor for a draft or returned note: form on the left, reference and "Required to sign" on the right. */
export function NoteEditor({ note, userId, onReload }: Props) {
  const d = useNoteDraft(note, userId);
  const [sign, setSign] = useState<SignStep>(null);
  const [showRestored, setShowRestored] = useState(!!d.restored);
  const { prompt } = useUnsavedChangesGuard(d.unsaved);
  const blocked = d.state === 'conflict' || d.state === 'locked';
  const source = useQuery({
    queryKey: noteKeys.one(note.copiedFrom ?? ''),
    queryFn: () => getNote(note.copiedFrom!),
    enabled: !!note.copiedFrom && d.carried.length > 0,
    staleTime: Infinity,
  });

  const { flush } = d;
  // Save first: the autosave's answer refreshes `note` (and its `missing` list) in the query cache.
  const trySign = useCallback(async () => {
    if (await flush()) setSign({ step: 'attest' });
  }, [flush]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        void flush();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        void trySign();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush, trySign]);

  // Sign opens the missing list when the server still misses something, else the attestation.
  const step: SignStep = sign?.step === 'attest' && note.missing.length > 0 ? { step: 'missing', missing: note.missing } : sign;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{note.templateName}</Title>
            <NoteStatusBadge status={note.status} />
          </Group>
          <Text c="dimmed">
            <Anchor component={Link} to={`/patients/${note.patientId}`} underline="always">
              {note.patientName}
            </Anchor>{' '}
            · {KIND_LABELS[note.kind]}
            {note.billable ? ' · billable' : ''} · version {note.templateVersion} of the template
          </Text>
        </div>
        <Stack gap={6} align="flex-end">
          <SaveStatus state={d.state} lastSavedAt={d.lastSavedAt} storedLocally={d.storedLocally} />
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
              onClick={() => void flush()}
              disabled={blocked}
              title="Save now (Ctrl+S)"
            >
              Save now
            </Button>
            <Button
              leftSection={<IconSignature size={16} aria-hidden="true" />}
              onClick={() => void trySign()}
              disabled={blocked || d.state === 'offline'}
              title="Sign (Ctrl+Enter)"
              data-testid="note-sign"
            >
              Sign note
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            <Kbd>Ctrl</Kbd> + <Kbd>S</Kbd> saves · <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> signs
          </Text>
        </Stack>
      </Group>

      {showRestored && d.restored ? (
        <Alert
          color="blue"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setShowRestored(false)}
          title="Restored your unsaved changes"
        >
          This note had changes kept on this device that had not reached the server
          {d.restored.rebased ? ', made after the last saved copy' : ''}. They have been put back and are being saved.
        </Alert>
      ) : null}
      {blocked ? (
        <Alert color="red" role="alert" title={d.state === 'locked' ? 'This note can no longer be edited' : 'Someone else changed this note'}>
          <Text size="sm">
            {d.state === 'locked'
              ? 'It was signed or sent for co-signature elsewhere. Reload to see it as it stands.'
              : 'A newer version was saved (perhaps in another tab or on another device). Your changes here were not saved; copy anything you need, then reload to continue from the latest version.'}
          </Text>
          <Button
            mt="sm"
            color="red"
            onClick={() => {
              d.discardLocal();
              onReload();
            }}
          >
            Reload the note
          </Button>
        </Alert>
      ) : null}
      {d.state === 'error' && d.message ? (
        <Alert color="red" role="alert" title="The note could not be saved">
          <Text size="sm">{d.message} Your changes are {d.storedLocally ? 'kept on this device' : 'still on this page'}.</Text>
          <Button mt="sm" variant="default" onClick={() => void flush()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {note.status === 'returned' ? <ReturnedComment note={note} /> : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {/* After a conflict nothing more can be saved: the session facts are shown but disabled. */}
            <fieldset disabled={blocked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <EncounterBlock
                value={d.draft.encounter}
                onChange={(encounter) => d.update((x) => ({ ...x, encounter }))}
                errors={d.fieldErrors}
                kind={note.kind}
                billable={note.billable}
                timeZone={note.encounter.timeZone}
                patientId={note.patientId}
              />
            </fieldset>
            <NoteForm
              definition={note.definition}
              content={d.draft.content}
              readOnly={blocked}
              onChange={(content, changed) => {
                d.update((x) => ({ ...x, content }));
                d.clearCarried(carriedPath(changed.section, changed.field));
              }}
              enabledSections={d.draft.enabledSections}
              onToggleSection={(key, on) =>
                d.update((x) => ({
                  ...x,
                  enabledSections: on ? [...new Set([...x.enabledSections, key])] : x.enabledSections.filter((k) => k !== key),
                }))
              }
              carriedForward={d.carried}
              carriedFromDate={source.data?.encounter.serviceDate ?? null}
              errors={d.fieldErrors}
              patientId={note.patientId}
              serviceDate={d.draft.encounter.serviceDate}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Box style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))' }}>
            <Stack gap="md">
              <RequiredChecklist missing={note.missing} definition={note.definition} pendingSave={d.unsaved} />
              <ReferenceColumn patientId={note.patientId} noteId={note.id} />
            </Stack>
          </Box>
        </Grid.Col>
      </Grid>
      <SignDialogs
        note={note}
        step={step}
        onStep={setSign}
        version={d.version}
        onSigned={(signed) =>
          notifications.show({
            color: 'teal',
            title: signed.status === 'pending_cosign' ? 'Signed and sent for co-signature' : 'Note signed',
            message:
              signed.status === 'pending_cosign'
                ? `${signed.supervisorName ?? 'Your supervisor'} will co-sign it.`
                : 'The note is locked; add an addendum for any later correction.',
          })
        }
      />
      {prompt}
    </Stack>
  );
}

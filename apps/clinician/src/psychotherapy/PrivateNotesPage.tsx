import { EmptyState, LoadingState, PageHeader, PaginationBar } from '@hearth/ui';
import { Alert, Anchor, Button, Card, Grid, NavLink, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconLock, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { getPatient } from '../api/patients';
import { getPractice } from '../api/practice';
import { usePsychotherapyNote, usePsychotherapyNotes, type TPsychotherapyNote } from '../api/psychotherapy';
import { ConfirmModal } from '../components/ConfirmModal';
import { QueryError } from '../components/QueryError';
import { formatDate, patientDisplayName } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';
import { todayIn } from '../scheduling/time';
import { PrivacyNotice } from './PrivacyNotice';
import { PrivateNoteEditor } from './PrivateNoteEditor';
import { firstLine } from './private-note-model';

const PAGE_SIZE = 20;

/** What the right-hand side shows: nothing, a new note, or one of the reader's notes. */
type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'note'; id: string };

/**
 * The reader's own private (psychotherapy) notes about one patient: a list, newest session first, and
 * the note being written or rewritten beside it. Links from the chart open it with ?new=1 or ?note=<id>.
 */
export function PrivateNotesPage() {
  // Never the patient's name in the title: titles end up in history and screenshots.
  useDocumentTitle('Private notes');
  const { id: patientId = '' } = useParams();
  const [params] = useSearchParams();
  const [selection, setSelection] = useState<Selection>(() => {
    const note = params.get('note');
    if (note) return { kind: 'note', id: note };
    return params.get('new') === '1' ? { kind: 'new' } : { kind: 'none' };
  });
  const [page, setPage] = useState(1);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Selection | null>(null);
  const { prompt } = useUnsavedChangesGuard(dirty);
  // "Today" is the practice's, as the server checks it (a browser ahead of the practice's zone would
  // otherwise offer tomorrow's date just after midnight there).
  const practice = useQuery({ queryKey: ['practice'], queryFn: getPractice, staleTime: 10 * 60_000 });
  const today = todayIn(practice.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

  const patient = useQuery({ queryKey: ['patient', patientId], queryFn: () => getPatient(patientId), enabled: !!patientId });
  const list = usePsychotherapyNotes(patientId || null, page, PAGE_SIZE);
  const selectedId = selection.kind === 'note' ? selection.id : null;
  const selected = usePsychotherapyNote(selectedId);

  /** Switching notes inside the page is not a navigation: ask here before unsaved text is dropped. */
  const choose = (next: Selection) => {
    if (dirty) setPending(next);
    else setSelection(next);
  };

  if (patient.isPending) return <LoadingState label="Loading" />;
  if (patient.isError) {
    const notFound = patient.error instanceof ApiError && (patient.error.status === 404 || patient.error.status === 400);
    return (
      <>
        <PageHeader title="Private notes" />
        {notFound ? (
          <EmptyState
            title="This patient could not be found"
            description="The link may be wrong, or the chart is not available to you."
            action={
              <Button component={Link} to="/patients">
                Go to patients
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert">
            {userMessageFor(patient.error)}
          </Alert>
        )}
      </>
    );
  }

  const chart = `/patients/${encodeURIComponent(patientId)}`;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? null;
  const editorNote: TPsychotherapyNote | null = selection.kind === 'note' ? (selected.data ?? null) : null;

  return (
    <>
      {prompt}
      <Anchor component={Link} to={chart} size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden="true" />
        Back to chart
      </Anchor>
      <PageHeader
        title="Private notes"
        description={`Your psychotherapy notes about ${patientDisplayName(patient.data)}`}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => choose({ kind: 'new' })} data-testid="private-note-new">
            New private note
          </Button>
        }
      />
      <Stack gap="md">
        <PrivacyNotice />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card component="section" aria-label="Your private notes about this patient" p={0}>
              <QueryError query={list} m="sm" />
              {list.isPending ? <LoadingState label="Loading private notes" /> : null}
              {list.data && list.data.total === 0 ? (
                <EmptyState
                  icon={<IconLock size={22} />}
                  title="No private notes yet"
                  description="After a session, write down your impressions, hypotheses and reactions. They stay with you."
                />
              ) : null}
              <nav aria-label="Private notes by session">
                {items.map((n) => (
                  <NavLink
                    key={n.id}
                    component="button"
                    type="button"
                    active={selectedId === n.id}
                    label={`Session of ${formatDate(n.sessionDate)}`}
                    description={firstLine(n.body, 60)}
                    // The selected row's default light-blue description fails contrast on its tinted background.
                    styles={{ description: { color: 'var(--mantine-color-text)' } }}
                    onClick={() => choose({ kind: 'note', id: n.id })}
                    aria-current={selectedId === n.id ? 'true' : undefined}
                    data-testid="private-note-item"
                  />
                ))}
              </nav>
              {total !== null ? (
                <PaginationBar
                  total={total}
                  pageSize={PAGE_SIZE}
                  page={page}
                  onChange={setPage}
                  summary={(pages) => `${total} notes, ${pages} pages`}
                />
              ) : null}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card component="section" aria-label="Private note">
              {selection.kind === 'none' ? (
                <Text c="dimmed">Choose a note on the left, or write a new one.</Text>
              ) : selection.kind === 'note' && !selected.data ? (
                selected.isError ? (
                  <EmptyState
                    title="This note could not be found"
                    description="It may have been written by someone else, or the link may be wrong. Only a note's author can open it."
                  />
                ) : (
                  <LoadingState label="Loading note" />
                )
              ) : (
                <PrivateNoteEditor
                  key={selection.kind === 'note' ? selection.id : 'new'}
                  patientId={patientId}
                  note={editorNote}
                  today={today}
                  onDirtyChange={setDirty}
                  onSaved={(note) => setSelection({ kind: 'note', id: note.id })}
                  onCancel={() => setSelection({ kind: 'none' })}
                />
              )}
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
      <ConfirmModal
        opened={pending !== null}
        title="Discard your changes?"
        confirmLabel="Discard changes"
        danger
        onClose={() => setPending(null)}
        onConfirm={async () => {
          setDirty(false);
          if (pending) setSelection(pending);
        }}
      >
        The note you are writing has changes that have not been saved. If you open another note now they will be lost.
      </ConfirmModal>
    </>
  );
}

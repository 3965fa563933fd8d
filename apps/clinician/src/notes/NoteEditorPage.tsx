import { EmptyState, LoadingState } from '@hearth/ui';
import { Alert, Button, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { noteKeys, useNote } from '../api/notes';
import { useCan, useSession } from '../auth/session-context';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NoteEditor } from './editor/NoteEditor';
import { NoteView } from './view/NoteView';

/** /notes/:id — the author edits a draft or returned note; everyone else (and signed notes) reads it. */
export function NoteEditorPage() {
  useDocumentTitle('Note');
  const { id = '' } = useParams();
  const { user } = useSession();
  const canWrite = useCan('clinical.write');
  const canCosign = useCan('clinical.cosign');
  const qc = useQueryClient();
  const query = useNote(id);
  // Bumped by "Reload" after a conflict so the editor starts over from the server's copy.
  const [generation, setGeneration] = useState(0);

  if (query.isPending) return <LoadingState label="Loading the note" />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <Title order={1}>Note</Title>
        {notFound ? (
          <EmptyState
            title="This note could not be found"
            description="The link may be wrong, or the note is not available to you."
            action={
              <Button component={Link} to="/">
                Go home
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert" mt="md">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }

  const note = query.data;
  const editable = canWrite && note.authorId === user.id && (note.status === 'draft' || note.status === 'returned');
  // A group member's note is written on its group note, with the shared sections once for everyone.
  if (editable && note.groupNoteId) return <Navigate to={`/group-notes/${note.groupNoteId}`} replace />;
  if (editable)
    return (
      <NoteEditor
        key={`${note.id}-${generation}`}
        note={note}
        userId={user.id}
        onReload={() => {
          void qc.invalidateQueries({ queryKey: noteKeys.one(note.id) }).then(() => setGeneration((g) => g + 1));
        }}
      />
    );
  return (
    <NoteView
      note={note}
      canCosign={canCosign && note.supervisorId === user.id}
      canAddendum={canWrite && (note.status === 'signed' || note.status === 'pending_cosign')}
    />
  );
}

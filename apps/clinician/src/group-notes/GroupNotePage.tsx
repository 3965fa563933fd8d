import type { TGroupNote } from '@hearth/contracts';
import { EmptyState, LoadingState, PageHeader } from '@hearth/ui';
import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { useGroupNote } from '../api/group-notes';
import { useSession } from '../auth/session-context';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { GroupNoteEditor } from './GroupNoteEditor';
import { GroupNoteView } from './GroupNoteView';

/** /group-notes/:id — the group note of a session: written and signed by its author, read by others. */
export function GroupNotePage() {
  useDocumentTitle('Group note');
  const { id = '' } = useParams();
  const { user } = useSession();
  const query = useGroupNote(id);
  const [reloads, setReloads] = useState(0);
  const [signed, setSigned] = useState<TGroupNote | null>(null);

  if (query.isPending) return <LoadingState label="Loading the group note" />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title="Group note" />
        {missing ? (
          <EmptyState
            title="This group note could not be found"
            description="The link may be wrong, or the note is not available to you."
            action={
              <Button component={Link} to="/groups">
                Go to groups
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }
  const g = signed ?? query.data;
  const author = g.authorId === user.id;
  if (g.status === 'signed' || !author) return <GroupNoteView group={g} justSigned={signed !== null} asReader={!author} />;
  return (
    <GroupNoteEditor
      key={`${g.id}:${reloads}`}
      group={g}
      onSigned={setSigned}
      onReload={() => void query.refetch().then(() => setReloads((n) => n + 1))}
    />
  );
}

import type { TTemplateSummary } from '@hearth/contracts';
import { EmptyState, LoadingState, PageHeader } from '@hearth/ui';
import { Alert, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { userMessageFor } from '../api/client';
import { getAdminTemplateVersion, templateAdminKeys, useAdminTemplates } from '../api/templates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { BuiltinTemplateView } from './BuiltinTemplateView';
import { TemplateCrumbs } from './TemplateCrumbs';
import { TemplateEditor } from './TemplateEditor';

/** /admin/note-templates/:id — a built-in template to read and duplicate, or a practice template's draft to edit. */
export function TemplateEditorPage() {
  useDocumentTitle('Note template');
  const { id = '' } = useParams();
  const list = useAdminTemplates();
  const summary = list.data?.find((t) => t.id === id) ?? null;

  if (list.isPending) return <LoadingState label="Loading the template" />;
  if (list.isError)
    return (
      <>
        <PageHeader title="Note template" />
        <Alert color="red" role="alert">
          {userMessageFor(list.error)}
        </Alert>
      </>
    );
  if (!summary)
    return (
      <>
        <PageHeader title="Note template" />
        <EmptyState
          title="This template could not be found"
          description="The link may be wrong. Choose a template from the list."
          action={
            <Button component={Link} to="/admin/note-templates">
              Go to note templates
            </Button>
          }
        />
      </>
    );
  // Keyed by template: moving to another template (a copy just made) starts afresh.
  return <VersionLoader key={summary.id} summary={summary} />;
}

function VersionLoader({ summary }: { summary: TTemplateSummary }) {
  // A built-in shows what notes use; a practice template opens its draft, else its newest published version.
  const version = summary.builtin ? summary.publishedVersion : (summary.draftVersion ?? summary.publishedVersion);
  const query = useQuery({
    queryKey: templateAdminKeys.version(summary.id, version ?? 0),
    queryFn: () => getAdminTemplateVersion(summary.id, version!),
    enabled: version !== null,
    // Saving a first draft or publishing changes the version number: keep this template's editor on
    // screen meanwhile (never another template's version, when the page moves to a copy).
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === summary.id ? prev : undefined),
  });
  if (version === null)
    return (
      <>
        <TemplateCrumbs name={summary.name} />
        <PageHeader title={summary.name} />
        <EmptyState title="This template has no version yet" description="Duplicate another template to start from its sections." />
      </>
    );
  if (query.isPending) return <LoadingState label="Loading the template" />;
  if (query.isError)
    return (
      <>
        <TemplateCrumbs name={summary.name} />
        <PageHeader title={summary.name} />
        <Alert color="red" role="alert">
          {userMessageFor(query.error)}
        </Alert>
      </>
    );
  if (summary.builtin) return <BuiltinTemplateView summary={summary} version={query.data} />;
  // Keyed by template only: a save or publish refreshes the summary without resetting the editor.
  return <TemplateEditor key={summary.id} summary={summary} initial={query.data} />;
}

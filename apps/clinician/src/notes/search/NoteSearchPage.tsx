import type { TNoteSummary } from '@hearth/contracts';
import { EmptyState, PageHeader, PaginationBar } from '@hearth/ui';
import { Anchor, Button, Card, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { TPageOf } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatIsoDate } from '../form/value-format';
import { LateEntryBadge, NoteStatusBadge } from '../view/NoteStatusBadge';
import { snippetRuns } from './snippet';

const PAGE_SIZE = 20;
type Hit = TNoteSummary & { snippet: string };

// The terms are sent in the body (POST), never in the address: what a clinician searches for may be
// clinical detail. They are kept in component state only, not in the URL or browser storage.
const searchNotes = (q: string, page: number) =>
  api<TPageOf<Hit>>('/api/notes/search', { method: 'POST', body: { q, page, pageSize: PAGE_SIZE } });

/** Full-text search across the reader's own notes (content, group sections and addenda), newest first. */
export function NoteSearchPage() {
  useDocumentTitle('Search notes');
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<{ q: string; page: number } | null>(null);
  const query = useQuery({
    queryKey: ['notes', 'search', search],
    queryFn: () => searchNotes(search!.q, search!.page),
    enabled: !!search,
    placeholderData: keepPreviousData,
  });
  const tooShort = draft.trim().length < 2;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooShort) setSearch({ q: draft.trim(), page: 1 });
  };

  return (
    <Stack>
      <PageHeader title="Search notes" description="Words in your notes, their group session sections and addenda; newest session first. Private (psychotherapy) notes are never searched." />
      <form onSubmit={submit} role="search" aria-label="Search your notes">
        <Group align="flex-end">
          <TextInput
            label="Words to find"
            description='For example: sleep hygiene, "safety plan", panic -work'
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 240 }}
            data-autofocus
            autoFocus
          />
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden="true" />} disabled={tooShort}>
            Search
          </Button>
        </Group>
      </form>
      <QueryError query={query} />
      {query.isFetching && !query.data ? <Loader size="sm" aria-label="Searching" /> : null}
      {search && query.data ? (
        query.data.items.length === 0 ? (
          <EmptyState title="No notes match" description="Try fewer or different words; words are matched by their stem (sleep finds sleeping)." />
        ) : (
          <Card padding={0}>
            <Text size="sm" c="dimmed" p="sm" aria-live="polite">
              {query.data.total === 1 ? '1 note matches' : `${query.data.total} notes match`}
            </Text>
            <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {query.data.items.map((n) => (
                <li key={n.id} style={{ borderTop: '1px solid var(--mantine-color-gray-3)', padding: 'var(--mantine-spacing-sm)' }}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/notes/${n.id}`} fw={600}>
                      {n.patientName} · {n.templateName}
                    </Anchor>
                    <Group gap={4}>
                      <NoteStatusBadge status={n.status} />
                      {n.lateEntry ? <LateEntryBadge /> : null}
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatIsoDate(n.serviceDate)} · {n.authorName}
                  </Text>
                  {n.snippet ? (
                    <Text size="sm" mt={4}>
                      {snippetRuns(n.snippet).map((r, i) => (r.match ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}
                    </Text>
                  ) : null}
                </li>
              ))}
            </Stack>
            <PaginationBar
              total={query.data.total}
              pageSize={PAGE_SIZE}
              page={search.page}
              onChange={(page) => setSearch({ ...search, page })}
              summary={(pages) => `Page ${search.page} of ${pages}`}
            />
          </Card>
        )
      ) : null}
    </Stack>
  );
}

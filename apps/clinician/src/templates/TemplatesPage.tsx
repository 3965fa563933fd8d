import type { TNoteKind, TTemplateSummary } from '@hearth/contracts';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@hearth/ui';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconEye, IconPencil, IconSearch, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { userMessageFor } from '../api/client';
import { useAdminTemplates, useSetTemplateActive } from '../api/templates';
import { ConfirmModal } from '../components/ConfirmModal';
import { QueryError } from '../components/QueryError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useRememberedFilters } from '../lib/useRememberedFilters';
import { KIND_LABELS } from '../notes/form/labels';
import { PracticeInterventionsCard } from './PracticeInterventionsCard';
import { DuplicateTemplateModal } from './DuplicateTemplateModal';
import { filterTemplates, type TemplateFilters } from './template-list';

const DEFAULTS: TemplateFilters & { page: number } = { origin: 'all', kind: '', status: 'active', search: '', page: 1 };

/** Admin > Note templates: the built-in and practice templates, their versions, and the way to change them. */
export function TemplatesPage() {
  useDocumentTitle('Note templates');
  const query = useAdminTemplates();
  const { filters, set } = useRememberedFilters('note-templates.list', DEFAULTS);
  const [duplicating, setDuplicating] = useState<TTemplateSummary | null>(null);
  const [deactivating, setDeactivating] = useState<TTemplateSummary | null>(null);
  const setActive = useSetTemplateActive();
  const items = query.data ? filterTemplates(query.data, filters) : undefined;

  const activate = async (t: TTemplateSummary) => {
    try {
      await setActive.mutateAsync({ templateId: t.id, active: true });
      notifications.show({ color: 'teal', title: 'Template activated', message: 'Clinicians can start notes on it again.' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not activate the template', message: userMessageFor(e) });
    }
  };

  return (
    <>
      <PageHeader
        title="Note templates"
        description="The forms clinicians write notes on. Built-in templates cannot be changed: duplicate one to make the practice’s own version, then edit, preview and publish it. Notes keep the version they were written on."
      />
      <Card mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            label="Name"
            placeholder="Search by name"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={filters.search}
            onChange={(e) => set({ search: e.currentTarget.value })}
          />
          <Select
            label="Source"
            allowDeselect={false}
            value={filters.origin}
            onChange={(v) => set({ origin: (v ?? 'all') as TemplateFilters['origin'] })}
            data={[
              { value: 'all', label: 'All templates' },
              { value: 'builtin', label: 'Built-in' },
              { value: 'practice', label: 'The practice’s own' },
            ]}
          />
          <Select
            label="Kind"
            value={filters.kind || null}
            placeholder="All kinds"
            clearable
            onChange={(v) => set({ kind: (v ?? '') as TNoteKind | '' })}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            label="Status"
            allowDeselect={false}
            value={filters.status}
            onChange={(v) => set({ status: (v ?? 'active') as TemplateFilters['status'] })}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'Active and inactive' },
            ]}
          />
        </SimpleGrid>
      </Card>
      <QueryError query={query} role="alert" mb="md" />
      <Card p={0}>
        <DataTable
          items={items}
          loading={query.isPending}
          loadingLabel="Loading templates"
          aria-label="Note templates"
          data-testid="templates-table"
          minWidth={860}
          columns={['Template', 'Kind', 'Published', 'Draft', 'Status', 'Actions']}
          empty={
            <EmptyState
              icon={<IconTemplate size={22} />}
              title="No templates match"
              description="Clear the name search or choose “All templates” and “Active and inactive” to see every template."
            />
          }
          renderRow={(t) => (
            <Table.Tr key={t.id} data-testid="template-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/note-templates/${t.id}`} fw={500}>
                  {t.name}
                </Anchor>
                <Group gap={4} mt={2}>
                  <Badge variant="outline" color={t.builtin ? 'gray' : 'indigo'} tt="none" radius="sm">
                    {t.builtin ? 'Built-in' : 'Practice'}
                  </Badge>
                  {t.billable ? (
                    <Badge variant="outline" color="gray" tt="none" radius="sm">
                      Billable
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{KIND_LABELS[t.kind]}</Table.Td>
              <Table.Td>
                {t.publishedVersion ? (
                  `Version ${t.publishedVersion}`
                ) : (
                  <Text c="dimmed" span>
                    Not yet published
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t.draftVersion ? (
                  <StatusBadge label={`Draft version ${t.draftVersion}`} tone="caution" />
                ) : (
                  <Text c="dimmed" span>
                    None
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge label={t.active ? 'Active' : 'Inactive'} tone={t.active ? 'positive' : 'neutral'} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    component={Link}
                    to={`/admin/note-templates/${t.id}`}
                    size="compact-sm"
                    variant="default"
                    leftSection={t.builtin ? <IconEye size={14} aria-hidden="true" /> : <IconPencil size={14} aria-hidden="true" />}
                    aria-label={`${t.builtin ? 'View' : 'Edit'} ${t.name}`}
                  >
                    {t.builtin ? 'View' : 'Edit'}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconCopy size={14} aria-hidden="true" />}
                    onClick={() => setDuplicating(t)}
                    aria-label={`Duplicate ${t.name}`}
                    data-testid="template-duplicate"
                  >
                    Duplicate
                  </Button>
                  {t.active ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeactivating(t)}
                      aria-label={`Deactivate ${t.name}`}
                    >
                      Deactivate
                    </Button>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => void activate(t)}
                      loading={setActive.isPending && setActive.variables?.templateId === t.id}
                      aria-label={`Activate ${t.name}`}
                    >
                      Activate
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Card>
      <PracticeInterventionsCard />
      <DuplicateTemplateModal template={duplicating} onClose={() => setDuplicating(null)} />
      <ConfirmModal
        opened={deactivating !== null}
        title="Deactivate this template?"
        confirmLabel="Deactivate"
        danger
        onConfirm={() => setActive.mutateAsync({ templateId: deactivating!.id, active: false })}
        onClose={() => setDeactivating(null)}
      >
        Clinicians will no longer be offered “{deactivating?.name}” for new notes. Notes already written on it are
        not changed, and you can activate it again at any time.
      </ConfirmModal>
    </>
  );
}

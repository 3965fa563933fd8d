import type { TNoteContent, TNoteKind, TTemplateDefinition } from '@hearth/contracts';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { diagnosisKeys } from '../api/diagnoses';
import { listAdminInterventions } from '../api/templates';
import { useCan } from '../auth/session-context';
import { applyDefaults, sectionsInScope } from '../notes/form/field-values';
import { NoteForm } from '../notes/form/NoteForm';

/**
 * The template as a writer will see it, rendered by the note form itself. The answers typed here are
 * thrown away: nothing is saved and no patient is involved.
 */
export function TemplatePreview({ definition, kind }: { definition: TTemplateDefinition; kind: TNoteKind }) {
  const canReadClinical = useCan('clinical.read');
  const qc = useQueryClient();
  // Administrators have no clinical access: the intervention picker gets the list from the admin
  // route, put where the picker reads it, before the form renders.
  const interventions = useQuery({
    queryKey: ['interventions', 'admin'],
    queryFn: async () => {
      const list = await listAdminInterventions();
      qc.setQueryData(diagnosisKeys.interventions, list);
      return list;
    },
    enabled: !canReadClinical,
    staleTime: 10 * 60_000,
  });
  const ready = canReadClinical || !interventions.isPending;
  const [content, setContent] = useState<TNoteContent>({});
  const [enabled, setEnabled] = useState<string[]>([]);
  const toggle = (key: string, on: boolean) => setEnabled((e) => (on ? [...new Set([...e, key])] : e.filter((k) => k !== key)));
  const reset = () => {
    setContent({});
    setEnabled([]);
  };
  const shown = applyDefaults(definition, content);
  const isGroup = kind === 'group';
  const form = (scope?: 'note' | 'shared' | 'member') => (
    <NoteForm
      definition={definition}
      content={shown}
      onChange={(c) => setContent(c)}
      enabledSections={enabled}
      onToggleSection={toggle}
      scope={scope}
    />
  );

  return (
    <Stack gap="md" data-testid="template-preview">
      <Group justify="space-between" align="flex-start">
        <Alert color="gray" variant="light" style={{ flex: 1 }}>
          A preview of the template as it stands in the editor, saved or not. Try the fields: nothing you type here is
          kept.
          {canReadClinical ? '' : ' Searching diagnosis codes works in real notes only (it needs clinical access).'}
        </Alert>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={reset}>
          Clear the preview
        </Button>
      </Group>
      {!ready ? (
        <Text c="dimmed">Loading the preview…</Text>
      ) : definition.sections.length === 0 ? (
        <Text c="dimmed">Add a section to see it here.</Text>
      ) : isGroup ? (
        <>
          <Title order={2} size="h3">
            Written once for the session
          </Title>
          {sectionsInScope(definition, 'note').length > 0 ? form('note') : null}
          {form('shared')}
          <Title order={2} size="h3">
            Written for each attending member
          </Title>
          {form('member')}
        </>
      ) : (
        form()
      )}
    </Stack>
  );
}

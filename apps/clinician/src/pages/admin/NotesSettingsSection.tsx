import { ZUpdateNotesSettingsRequest } from '@hearth/contracts';
import { FormError, LoadingState } from '@hearth/ui';
import { Anchor, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { noteQueueKeys, updateNotesSettings, useNotesSettings } from '../../api/note-queue';
import { useCan } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { splitApiError } from '../../lib/form-errors';

/** Practice settings > Clinical documentation: how long a note may stay unsigned before it is overdue. */
export function NotesSettingsSection() {
  const query = useNotesSettings();
  const canManageTemplates = useCan('templates.manage');
  return (
    <Card component="section" aria-labelledby="notes-settings-heading">
      <Title order={2} id="notes-settings-heading" mb="xs">
        Clinical documentation
      </Title>
      <QueryError query={query} mb="sm" />
      {query.isPending ? <LoadingState label="Loading documentation settings" /> : null}
      {query.data ? <OverdueForm key={query.dataUpdatedAt} hours={query.data.noteOverdueHours} /> : null}
      {canManageTemplates ? (
        <Text mt="sm" size="sm">
          The forms clinicians write on are under{' '}
          <Anchor component={Link} to="/admin/note-templates">
            Note templates
          </Anchor>
          .
        </Text>
      ) : null}
    </Card>
  );
}

function OverdueForm({ hours }: { hours: number }) {
  const qc = useQueryClient();
  const [value, setValue] = useState<number | string>(hours);
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = Number(value) !== hours;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const parsed = ZUpdateNotesSettingsRequest.safeParse({ noteOverdueHours: value === '' ? undefined : Number(value) });
    if (!parsed.success) {
      setError('Enter a whole number of hours from 1 to 720 (30 days)');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await updateNotesSettings(parsed.data);
      qc.setQueryData(noteQueueKeys.settings, saved);
      await qc.invalidateQueries({ queryKey: noteQueueKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Documentation settings saved',
        message: `Unsigned notes are now overdue ${saved.noteOverdueHours} hours after the session.`,
      });
    } catch (err) {
      const split = splitApiError(err, (f) => f === 'noteOverdueHours');
      setError(split.fieldErrors.noteOverdueHours ?? null);
      setGeneral(split.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Notes are overdue after (hours)"
            description="Counted from the end of the session. A note signed later is labelled a late entry."
            min={1}
            max={720}
            allowDecimal={false}
            value={value}
            onChange={setValue}
            error={error}
            maw={360}
            data-testid="settings-note-overdue-hours"
          />
          <Button type="submit" loading={busy} disabled={!dirty} variant={dirty ? 'filled' : 'default'}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

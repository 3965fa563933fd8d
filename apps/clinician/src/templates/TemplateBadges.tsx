import type { TTemplateSummary } from '@hearth/contracts';
import { StatusBadge } from '@hearth/ui';
import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { userMessageFor } from '../api/client';
import { useSetTemplateActive } from '../api/templates';
import { ConfirmModal } from '../components/ConfirmModal';
import { KIND_LABELS } from '../notes/form/labels';

/** What a template is at a glance: source, kind, billable, versions and whether new notes may use it. */
export function TemplateBadges({ summary }: { summary: TTemplateSummary }) {
  return (
    <Group gap={6} mb="md">
      <Badge variant="outline" color={summary.builtin ? 'gray' : 'indigo'} tt="none" radius="sm">
        {summary.builtin ? 'Built-in' : 'Practice template'}
      </Badge>
      <Badge variant="outline" color="gray" tt="none" radius="sm">
        {KIND_LABELS[summary.kind]}
      </Badge>
      {summary.billable ? (
        <Badge variant="outline" color="gray" tt="none" radius="sm">
          Billable
        </Badge>
      ) : null}
      <StatusBadge
        label={summary.publishedVersion ? `Published version ${summary.publishedVersion}` : 'Not yet published'}
        tone={summary.publishedVersion ? 'info' : 'neutral'}
      />
      {summary.draftVersion ? <StatusBadge label={`Draft version ${summary.draftVersion}`} tone="caution" /> : null}
      <StatusBadge label={summary.active ? 'Active' : 'Inactive'} tone={summary.active ? 'positive' : 'neutral'} />
    </Group>
  );
}

/** Activate or deactivate a template for new notes (deactivating asks first; written notes never change). */
export function ActiveToggle({ summary }: { summary: TTemplateSummary }) {
  const setActive = useSetTemplateActive();
  const [confirming, setConfirming] = useState(false);
  const activate = async () => {
    try {
      await setActive.mutateAsync({ templateId: summary.id, active: true });
      notifications.show({ color: 'teal', title: 'Template activated', message: 'Clinicians can start notes on it.' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not activate the template', message: userMessageFor(e) });
    }
  };
  return (
    <>
      {summary.active ? (
        <Button variant="default" color="red" onClick={() => setConfirming(true)} data-testid="template-deactivate">
          Deactivate
        </Button>
      ) : (
        <Button variant="default" onClick={() => void activate()} loading={setActive.isPending} data-testid="template-activate">
          Activate
        </Button>
      )}
      <ConfirmModal
        opened={confirming}
        title="Deactivate this template?"
        confirmLabel="Deactivate"
        danger
        onConfirm={() => setActive.mutateAsync({ templateId: summary.id, active: false })}
        onClose={() => setConfirming(false)}
      >
        Clinicians will no longer be offered “{summary.name}” for new notes. Notes already written on it are not
        changed, and you can activate it again at any time.
      </ConfirmModal>
    </>
  );
}

import { ZDuplicateTemplateRequest, type TTemplateSummary } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDuplicateTemplate } from '../api/templates';
import { splitApiError } from '../lib/form-errors';

interface Props {
  /** The template to copy; null while closed. */
  template: TTemplateSummary | null;
  onClose: () => void;
}

/** Names a copy of a template; the copy opens in the editor with a draft to change. */
export function DuplicateTemplateModal({ template, onClose }: Props) {
  return (
    <Modal opened={template !== null} onClose={onClose} title="Duplicate template">
      {template ? <DuplicateForm key={template.id} template={template} onClose={onClose} /> : null}
    </Modal>
  );
}

function DuplicateForm({ template, onClose }: { template: TTemplateSummary; onClose: () => void }) {
  const navigate = useNavigate();
  const duplicate = useDuplicateTemplate();
  const [name, setName] = useState(`${template.name} (practice)`.slice(0, 100));
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const parsed = ZDuplicateTemplateRequest.safeParse({ name: name.trim() });
    if (!parsed.success) {
      setError(name.trim() ? 'Use at most 100 characters on one line' : 'Give the copy a name');
      return;
    }
    setError(null);
    try {
      const copy = await duplicate.mutateAsync({ templateId: template.id, name: parsed.data.name });
      notifications.show({
        color: 'teal',
        title: 'Template duplicated',
        message: 'Change the copy’s draft, preview it and publish it when it is ready.',
      });
      onClose();
      void navigate(`/admin/note-templates/${copy.id}`);
    } catch (err) {
      const split = splitApiError(err, (f) => f === 'name');
      setError(split.fieldErrors.name ?? null);
      setGeneral(split.general);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>
          The copy starts as a draft of “{template.name}”. Notes already written on the original are not affected.
        </Text>
        <FormError message={general} />
        <TextInput
          label="Name of the copy"
          required
          data-autofocus
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          data-testid="duplicate-name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={duplicate.isPending} data-testid="duplicate-submit">
            Duplicate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

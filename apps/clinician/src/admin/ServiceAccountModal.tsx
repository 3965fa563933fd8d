import { ZServiceAccountInput } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createServiceAccount } from '../api/admin';
import { useFormSubmit } from '../lib/useFormSubmit';

export function ServiceAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add service account">
      {opened ? <ServiceAccountForm onDone={onClose} /> : null}
    </Modal>
  );
}

function ServiceAccountForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: '' } });
  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({ name: v.name.trim() }),
    schema: ZServiceAccountInput,
    save: async (req) => {
      await createServiceAccount(req.name);
      await queryClient.invalidateQueries({ queryKey: ['service-accounts'] });
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <TextInput
          label="Service account name"
          description="The system that will call the API, e.g. “Data warehouse”"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <FormActions onCancel={onDone} submitLabel="Add service account" loading={form.submitting} />
      </Stack>
    </form>
  );
}

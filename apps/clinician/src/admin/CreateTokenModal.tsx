import { PERMISSIONS, ZApiTokenInput } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createApiToken } from '../api/admin';
import type { TApiTokenInput, TCreatedApiToken, TServiceAccount } from '../api/types';
import { useFormSubmit } from '../lib/useFormSubmit';

interface Props {
  opened: boolean;
  onClose: () => void;
  serviceAccounts: TServiceAccount[];
  onCreated: (t: TCreatedApiToken) => void;
}

export function CreateTokenModal({ opened, onClose, serviceAccounts, onCreated }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create API token" size="lg">
      {opened ? (
        <TokenForm serviceAccounts={serviceAccounts} onClose={onClose} onCreated={onCreated} />
      ) : null}
    </Modal>
  );
}

function TokenForm({ serviceAccounts, onClose, onCreated }: Omit<Props, 'opened'>) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      serviceAccountId: serviceAccounts.length === 1 ? serviceAccounts[0]!.id : '',
      name: '',
      scopes: [] as string[],
      expiresInDays: 90 as number | string,
    },
  });

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) =>
      ({
        serviceAccountId: v.serviceAccountId,
        name: v.name.trim(),
        scopes: v.scopes,
        expiresInDays: Number(v.expiresInDays),
      }) as TApiTokenInput,
    schema: ZApiTokenInput,
    save: async (req) => {
      const created = await createApiToken(req);
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
      onCreated(created);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create API token">
      <Stack gap="sm">
        <FormError message={general} />
        <Select
          label="Service account"
          required
          data={serviceAccounts.map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Choose"
          {...form.getInputProps('serviceAccountId')}
        />
        <TextInput
          label="Token name"
          description="What uses it, e.g. “Nightly reporting export”"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <MultiSelect
          label="Scopes"
          description="Grant only what the integration needs."
          required
          searchable
          data={[...PERMISSIONS]}
          {...form.getInputProps('scopes')}
        />
        <NumberInput
          label="Expires in (days)"
          min={1}
          max={365}
          allowDecimal={false}
          required
          {...form.getInputProps('expiresInDays')}
        />
        <FormActions onCancel={onClose} submitLabel="Create token" loading={form.submitting} />
      </Stack>
    </form>
  );
}

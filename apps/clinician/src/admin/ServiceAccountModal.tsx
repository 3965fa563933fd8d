import { ZServiceAccountInput } from '@hearth/contracts';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createServiceAccount } from '../api/admin';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';

export function ServiceAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add service account">
      {opened ? <ServiceAccountForm onDone={onClose} /> : null}
    </Modal>
  );
}

function ServiceAccountForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '' } });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const parsed = ZServiceAccountInput.safeParse({ name: v.name.trim() });
    if (!parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    try {
      await createServiceAccount(v.name.trim());
      await queryClient.invalidateQueries({ queryKey: ['service-accounts'] });
      onDone();
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(v));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
        <TextInput
          label="Service account name"
          description="The system that will call the API, e.g. “Data warehouse”"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Add service account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

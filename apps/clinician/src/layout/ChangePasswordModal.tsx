import { ZPassword } from '@hearth/contracts';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { changePassword } from '../api/auth';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: Props) {
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.currentPassword) errors.currentPassword = 'Required';
      const pw = ZPassword.safeParse(v.newPassword);
      if (!pw.success) errors.newPassword = issuesToErrors(pw.error.issues)[''] ?? 'Not a valid password';
      else if (v.newPassword === v.currentPassword)
        errors.newPassword = 'Choose a password different from the current one';
      if (v.confirmPassword !== v.newPassword) errors.confirmPassword = 'The two passwords do not match';
      return errors;
    },
  });

  const close = () => {
    form.reset();
    setGeneral(null);
    onClose();
  };

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use your new password next time you sign in.',
      });
      close();
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(form.values));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title="Change password">
      <form onSubmit={submit} noValidate>
        <Stack>
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters. A short sentence is easy to remember."
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

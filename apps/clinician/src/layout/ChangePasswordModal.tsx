import { ZPassword } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { changePassword } from '../api/auth';
import { issuesToErrors } from '../lib/form-errors';
import { useFormSubmit } from '../lib/useFormSubmit';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: Props) {
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

  const { onSubmit, general, setGeneral } = useFormSubmit(form, {
    toRequest: (v) => v,
    save: async (v) => {
      await changePassword(v.currentPassword, v.newPassword);
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use your new password next time you sign in.',
      });
      close();
    },
  });

  function close() {
    form.reset();
    setGeneral(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Change password">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={general} />
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
          <FormActions onCancel={close} submitLabel="Change password" loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

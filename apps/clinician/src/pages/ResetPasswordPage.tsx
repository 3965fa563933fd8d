import { ZPassword } from '@hearth/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { completePasswordReset } from '../api/auth';
import { ApiError } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { issuesToErrors } from '../lib/form-errors';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Reads `#token=...` once, then removes it from the address bar and history. */
function takeTokenFromHash(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

/**
 * /reset-password#token=... (from "forgot password") and /set-password#token=... (staff invitation).
 * The token travels in the fragment so it never reaches server logs.
 */
export function ResetPasswordPage({ mode }: { mode: 'reset' | 'invite' }) {
  const heading = mode === 'invite' ? 'Choose your password' : 'Choose a new password';
  useDocumentTitle(heading);
  const [token] = useState(takeTokenFromHash);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: (v) => {
      const errors: Record<string, string> = {};
      const pw = ZPassword.safeParse(v.newPassword);
      if (!pw.success) errors.newPassword = issuesToErrors(pw.error.issues)[''] ?? 'Not a valid password';
      if (v.confirmPassword !== v.newPassword) errors.confirmPassword = 'The two passwords do not match';
      return errors;
    },
  });

  const backToSignIn = (
    <Text ta="center">
      <Anchor component={Link} to="/sign-in">
        Back to sign in
      </Anchor>
    </Text>
  );

  if (!token) {
    return (
      <AuthLayout title={heading} footer={backToSignIn}>
        <Alert color="red" role="alert">
          This link is incomplete. Open the link from your email again, or{' '}
          <Anchor component={Link} to="/forgot-password">
            request a new one
          </Anchor>
          .
        </Alert>
      </AuthLayout>
    );
  }

  if (done) {
    return (
      <AuthLayout title="Your password is set">
        <Alert color="teal" role="status" data-testid="reset-complete">
          You can now sign in with your new password.
        </Alert>
        <Button component={Link} to="/sign-in" fullWidth>
          Go to sign in
        </Button>
      </AuthLayout>
    );
  }

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await completePasswordReset(token, v.newPassword);
      setDone(true);
    } catch (e) {
      const newPwErr =
        e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'newPassword') : undefined;
      if (newPwErr)
        form.setFieldError(
          'newPassword',
          newPwErr.message.charAt(0).toUpperCase() + newPwErr.message.slice(1),
        );
      else if (e instanceof ApiError && [400, 404, 410].includes(e.status))
        setError('This link has expired or has already been used. Request a new one below.');
      else setError(e instanceof ApiError ? e.userMessage : 'Something went wrong. Please try again.');
    }
  });

  return (
    <AuthLayout
      title={heading}
      description="Use at least 12 characters. A short sentence is easy to remember."
      footer={backToSignIn}
    >
      {error ? (
        <Alert color="red" role="alert" data-testid="reset-error">
          {error}{' '}
          <Anchor component={Link} to="/forgot-password">
            Request a new link
          </Anchor>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={heading}>
        <Stack>
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            autoFocus
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Save password
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

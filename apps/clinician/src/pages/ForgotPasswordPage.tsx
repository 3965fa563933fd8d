import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api/auth';
import { ApiError, userMessageFor } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await requestPasswordReset(v.email.trim());
      setSentTo(v.email.trim());
    } catch (e) {
      if (e instanceof ApiError && e.status === 400)
        form.setFieldError('email', 'Enter a valid email address');
      else setError(userMessageFor(e));
    }
  });

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter your work email address and we will send you a link to choose a new password."
      footer={
        <Text ta="center">
          <Anchor component={Link} to="/sign-in">
            Back to sign in
          </Anchor>
        </Text>
      }
    >
      {sentTo ? (
        <Alert color="teal" role="status" title="Check your email" data-testid="reset-requested">
          If an account exists for {sentTo}, an email with a reset link is on its way. The link works for a
          limited time. Didn&apos;t get it? Check your spam folder or ask your practice administrator.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Request a password reset">
          <Stack>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { verifyMfa } from '../api/auth';
import { ApiError } from '../api/client';
import { useSessionContext } from '../auth/session-context';
import { AuthLayout } from '../components/AuthLayout';
import { LoadingState } from '@hearth/ui';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { safeFrom } from './SignInPage';

export function MfaCodePage() {
  useDocumentTitle('Verification code');
  const { session, refresh, signOut } = useSessionContext();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => (v.replace(/\s/g, '').length >= 6 ? null : 'Enter the 6-digit code from your app'),
    },
  });

  if (session === undefined) return <LoadingState />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.stage === 'full') return <Navigate to={safeFrom(from)} replace />;
  if (session.stage === 'mfa_enroll') return <Navigate to="/sign-in/enroll-mfa" replace state={{ from }} />;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await verifyMfa(v.code.replace(/\s/g, ''));
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) {
        setError('That code did not work. Codes change every 30 seconds: enter the current one.');
      } else if (e instanceof ApiError && e.status === 410) {
        await signOut({ callServer: false, notice: 'The sign-in took too long. Please sign in again.' });
      } else {
        setError(e instanceof ApiError ? e.userMessage : 'Something went wrong. Please try again.');
      }
      form.setFieldValue('code', '');
    }
  });

  return (
    <AuthLayout
      title="Enter your verification code"
      description="Open your authenticator app and enter the 6-digit code for Hearth."
    >
      {error ? (
        <Alert color="red" role="alert" data-testid="mfa-error">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Verification code">
        <Stack>
          <TextInput
            label="Authentication code"
            description="Lost your phone? Enter one of your recovery codes instead."
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            required
            maxLength={20}
            data-testid="mfa-code"
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Verify
          </Button>
          <Text ta="center">
            <Anchor component="button" type="button" onClick={() => void signOut()}>
              Sign in as someone else
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}

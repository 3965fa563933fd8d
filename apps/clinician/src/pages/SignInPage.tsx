import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { signIn } from '../api/auth';
import { ApiError } from '../api/client';
import { probeMailbox } from '../api/mailbox';
import { useSessionContext } from '../auth/session-context';
import { AuthLayout } from '../components/AuthLayout';
import { getSignInNotice, setSignInNotice } from '../lib/sign-in-notice';
import { useDocumentTitle } from '../lib/useDocumentTitle';

interface LocationState {
  from?: string;
  notice?: string;
}

function signInError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401 || e.code === 'unauthenticated') return 'Email or password is incorrect.';
    if (e.status === 400) return 'Enter your email address and password.';
    return e.userMessage;
  }
  return 'Hearth could not be reached. Check your connection and try again.';
}

/** Where to go after signing in: a path inside the app only (never an outside URL). */
export function safeFrom(from: unknown): string {
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/sign-in')
    ? from
    : '/';
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { session, refresh } = useSessionContext();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LocationState;
  const [error, setError] = useState<string | null>(null);
  const [notice] = useState(() => state.notice ?? getSignInNotice());
  const mailbox = useQuery({
    queryKey: ['mailbox-probe'],
    queryFn: probeMailbox,
    staleTime: 60_000,
    retry: false,
  });

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  if (session?.stage === 'full') return <Navigate to={safeFrom(state.from)} replace />;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    setSignInNotice(null);
    try {
      const res = await signIn(v.email.trim(), v.password);
      await refresh();
      const next = { state: { from: state.from } };
      if (res.status === 'mfa_required') navigate('/sign-in/mfa', next);
      else if (res.status === 'mfa_enrollment_required') navigate('/sign-in/enroll-mfa', next);
      else navigate(safeFrom(state.from), { replace: true });
    } catch (e) {
      setError(signInError(e));
      form.setFieldValue('password', '');
    }
  });

  return (
    <AuthLayout
      title="Sign in to Hearth"
      description="Use your work email address."
      footer={
        mailbox.data ? (
          <Group justify="center">
            <Anchor component={Link} to="/mailbox" data-testid="demo-mailbox-link">
              <Group gap={4} component="span">
                <IconMail size={16} aria-hidden="true" /> Open the demo mailbox
              </Group>
            </Anchor>
          </Group>
        ) : null
      }
    >
      {notice && !error ? (
        <Alert color="indigo" role="status" data-testid="sign-in-notice">
          {notice}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" data-testid="sign-in-error">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            data-autofocus
            autoFocus
            data-testid="sign-in-email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            data-testid="sign-in-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth data-testid="sign-in-submit">
            Sign in
          </Button>
          <Text ta="center">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { LoadingState } from '@hearth/ui';
import {
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { confirmMfaEnrollment, startMfaEnrollment } from '../api/auth';
import { ApiError, userMessageFor } from '../api/client';
import { useSessionContext } from '../auth/session-context';
import { AuthLayout } from '../components/AuthLayout';
import { RecoveryCodes } from '../components/RecoveryCodes';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { safeFrom } from './SignInPage';

/** First sign-in for someone who must use MFA: scan, confirm a code, then save recovery codes. */
export function MfaEnrollPage() {
  useDocumentTitle('Set up two-step verification');
  const { session, refresh, signOut } = useSessionContext();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [codes, setCodes] = useState<string[] | null>(null);
  const [continuing, setContinuing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const enrolling = session?.stage === 'mfa_enroll';
  const start = useQuery({
    queryKey: ['mfa-enroll-start'],
    queryFn: startMfaEnrollment,
    enabled: enrolling && !codes,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => (/^\d{6}$/.test(v.replace(/\s/g, '')) ? null : 'Enter the 6-digit code from your app'),
    },
  });

  if (session === undefined) return <LoadingState />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (!codes && session.stage === 'mfa') return <Navigate to="/sign-in/mfa" replace state={{ from }} />;
  if (!codes && session.stage === 'full') return <Navigate to={safeFrom(from)} replace />;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const res = await confirmMfaEnrollment(v.code.replace(/\s/g, ''));
      setCodes(res.recoveryCodes);
    } catch (e) {
      setError(
        e instanceof ApiError && (e.status === 400 || e.status === 401)
          ? 'That code did not match. Check the time on your phone and enter the current code.'
          : userMessageFor(e),
      );
      form.setFieldValue('code', '');
    }
  });

  const finish = async () => {
    setContinuing(true);
    try {
      await refresh();
      navigate(safeFrom(from), { replace: true });
    } finally {
      setContinuing(false);
    }
  };

  if (codes) {
    return (
      <AuthLayout title="Save your recovery codes" width={480}>
        <RecoveryCodes codes={codes} onContinue={() => void finish()} continuing={continuing} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Set up two-step verification"
      description="Your practice requires a code from an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) each time you sign in."
      width={480}
    >
      {start.isPending ? <LoadingState label="Preparing your code" /> : null}
      {start.isError ? (
        <Alert color="red" role="alert">
          {userMessageFor(start.error)}{' '}
          <Anchor component="button" type="button" onClick={() => void start.refetch()}>
            Try again
          </Anchor>
        </Alert>
      ) : null}
      {start.data ? (
        <Stack>
          <List type="ordered" spacing="xs">
            <List.Item>Open your authenticator app and add a new account.</List.Item>
            <List.Item>Scan this QR code, or type the setup key shown below it.</List.Item>
            <List.Item>Enter the 6-digit code the app shows.</List.Item>
          </List>
          <Group justify="center">
            <Image
              src={start.data.qrDataUrl}
              alt="QR code to add Hearth to your authenticator app"
              w={200}
              h={200}
              fit="contain"
              data-testid="mfa-qr"
            />
          </Group>
          <Stack gap={4}>
            <Text fw={500} id="mfa-secret-label">
              Setup key for manual entry
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code
                block
                aria-labelledby="mfa-secret-label"
                data-testid="mfa-secret"
                style={{ flex: 1, fontSize: 14, letterSpacing: 1, overflowWrap: 'anywhere' }}
              >
                {start.data.secret}
              </Code>
              <CopyButton value={start.data.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? 'Copied' : 'Copy key'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
          {error ? (
            <Alert color="red" role="alert" data-testid="mfa-enroll-error">
              {error}
            </Alert>
          ) : null}
          <form onSubmit={submit} noValidate aria-label="Confirm authenticator">
            <Stack>
              <TextInput
                label="6-digit code from your app"
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                required
                data-testid="mfa-enroll-code"
                {...form.getInputProps('code')}
              />
              <Button type="submit" loading={form.submitting} fullWidth>
                Turn on two-step verification
              </Button>
            </Stack>
          </form>
        </Stack>
      ) : null}
      <Text ta="center">
        <Anchor component="button" type="button" onClick={() => void signOut()}>
          Cancel and sign out
        </Anchor>
      </Text>
    </AuthLayout>
  );
}

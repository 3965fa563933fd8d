import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';

/**
 * Patient sign-in. Patient accounts are created by the practice (an invitation e-mail), so until a
 * patient has been invited there is nothing to sign in to: submitting explains that plainly.
 */
export function SignInPage({ practiceName }: { practiceName: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [submitted, setSubmitted] = useState(false);
  const practice = practiceName ?? 'your practice';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) next.email = 'Enter the email address you gave the practice';
    if (!password) next.password = 'Enter your password';
    setErrors(next);
    setSubmitted(Object.keys(next).length === 0);
  };

  return (
    <Paper withBorder shadow="xs" p="lg" radius="md">
      <Stack gap="md">
        <div>
          <Title order={1}>Sign in</Title>
          <Text c="dimmed" mt={4}>
            See your appointments, fill in forms and message {practice}.
          </Text>
        </div>
        {submitted ? (
          <Alert
            color="indigo"
            role="status"
            title="Online access is set up by the practice"
            data-testid="portal-not-invited"
          >
            We couldn&apos;t sign you in yet. {practiceName ?? 'Your practice'} sends you an email invitation
            to create your online account. If you are expecting one, check your spam folder or ask the front
            desk at your next visit.
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate aria-label="Patient sign in">
          <Stack gap="sm">
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              size="md"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              data-testid="portal-email"
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              size="md"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              data-testid="portal-password"
            />
            <Button type="submit" size="md" fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
        <Text c="dimmed">
          New here? You don&apos;t need to register: {practice} will email you an invitation to set up your
          account.
        </Text>
      </Stack>
    </Paper>
  );
}

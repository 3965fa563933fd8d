import type { TAppointmentLinkView } from '@hearth/contracts';
import { StatusBadge, type StatusTone } from '@hearth/ui';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconCircleX, IconMapPin, IconVideo } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { LinkError, openLink, respond } from './link-api';

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready'; view: TAppointmentLinkView; asking: 'cancel' | null; busy: boolean; error: string | null }
  | { kind: 'failed'; error: LinkError };

const STATE_LABEL: Record<TAppointmentLinkView['appointment']['state'], [string, StatusTone]> = {
  scheduled: ['Not confirmed yet', 'info'],
  confirmed: ['Confirmed', 'positive'],
  cancelled: ['Cancelled', 'negative'],
  rescheduled: ['Rescheduled', 'caution'],
  arrived: ['Checked in', 'positive'],
};

/**
 * The page a reminder links to (/portal/r/<token>): the appointment, and Confirm / Cancel. Opening it
 * changes nothing (mail scanners follow links); only a button press does. "#cancel" in the link opens
 * the cancel question directly.
 */
export function AppointmentLinkPage({ token }: { token: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const wants = useRef(typeof window !== 'undefined' ? window.location.hash.replace('#', '') : '');

  useEffect(() => {
    let live = true;
    openLink(token)
      .then((view) => {
        if (!live) return;
        const askCancel = wants.current === 'cancel' && view.canCancel;
        setPhase({ kind: 'ready', view, asking: askCancel ? 'cancel' : null, busy: false, error: null });
      })
      .catch((e: unknown) => live && setPhase({ kind: 'failed', error: e instanceof LinkError ? e : new LinkError('network', null) }));
    return () => {
      live = false;
    };
  }, [token]);

  if (phase.kind === 'loading') {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label="Loading your appointment" />
      </Group>
    );
  }
  if (phase.kind === 'failed') return <LinkProblem error={phase.error} />;

  const { view } = phase;
  const act = async (action: 'confirm' | 'cancel') => {
    setPhase({ ...phase, busy: true, error: null });
    try {
      const next = await respond(token, action);
      setPhase({ kind: 'ready', view: next, asking: null, busy: false, error: null });
    } catch (e) {
      const err = e instanceof LinkError ? e : new LinkError('network', null);
      if (err.kind === 'used' || err.kind === 'expired' || err.kind === 'invalid') setPhase({ kind: 'failed', error: err });
      else setPhase({ ...phase, busy: false, error: err.detail ?? 'Something went wrong. Please try again, or call the practice.' });
    }
  };
  const [stateLabel, tone] = STATE_LABEL[view.appointment.state];
  const justDid = view.link.state === 'used' ? view.link.usedFor : null;
  const phone = view.practice.phone;

  return (
    <Paper withBorder shadow="xs" p="lg" radius="md" data-testid="appointment-link">
      <Stack gap="md">
        <div>
          <Title order={1}>Your appointment</Title>
          <Text c="dimmed" mt={4}>
            with {view.practice.name}
          </Text>
        </div>
        {justDid === 'confirm' && view.appointment.state === 'confirmed' ? (
          <Alert color="teal" icon={<IconCircleCheck size={22} aria-hidden="true" />} title="You're confirmed" role="status" data-testid="link-result-confirmed">
            Thank you. We look forward to seeing you.
          </Alert>
        ) : null}
        {justDid === 'cancel' && view.appointment.state === 'cancelled' ? (
          <Alert color="gray" icon={<IconCircleX size={22} aria-hidden="true" />} title="Your appointment is cancelled" role="status" data-testid="link-result-cancelled">
            {phone ? `To book a new time, call ${view.practice.name} at ${phone}.` : `To book a new time, contact ${view.practice.name}.`}
          </Alert>
        ) : null}
        <Stack gap={10}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconCalendarEvent size={22} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
            <div>
              <Text fw={600} size="lg" data-testid="link-date">
                {view.appointment.dateText}
              </Text>
              <Text size="lg" data-testid="link-time">
                {view.appointment.timeText} · {view.appointment.durationMinutes} minutes
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {view.appointment.place.kind === 'video' ? (
              <>
                <IconVideo size={22} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
                <div>
                  <Text fw={600}>Video visit</Text>
                  <Text c="dimmed">You&apos;ll receive the video link before the visit.</Text>
                </div>
              </>
            ) : (
              <>
                <IconMapPin size={22} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
                <div>
                  <Text fw={600}>{view.appointment.place.name}</Text>
                  {view.appointment.place.address ? <Text c="dimmed">{view.appointment.place.address}</Text> : null}
                </div>
              </>
            )}
          </Group>
          <Group gap="xs">
            <Text size="sm">Status:</Text>
            <StatusBadge label={stateLabel} tone={tone} data-testid="link-state" />
          </Group>
        </Stack>
        {phase.error ? (
          <Alert color="red" role="alert">
            {phase.error}
          </Alert>
        ) : null}
        {phase.asking === 'cancel' ? (
          <Stack gap="sm" data-testid="cancel-question">
            <Text fw={600}>Cancel this appointment?</Text>
            {view.cancelIsLate && view.lateCancelWindowHours > 0 ? (
              <Alert color="yellow" title="Late cancellation">
                It is less than {view.lateCancelWindowHours} hours before the appointment, so cancelling now counts as a late cancellation and may
                carry a fee.
              </Alert>
            ) : null}
            <Button size="md" color="red" fullWidth loading={phase.busy} onClick={() => void act('cancel')} data-testid="link-cancel-yes">
              Yes, cancel the appointment
            </Button>
            <Button size="md" variant="default" fullWidth disabled={phase.busy} onClick={() => setPhase({ ...phase, asking: null })}>
              Keep the appointment
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm">
            {view.canConfirm ? (
              <Button size="md" fullWidth loading={phase.busy} onClick={() => void act('confirm')} data-testid="link-confirm" autoFocus={wants.current === 'confirm'}>
                Confirm, I&apos;ll be there
              </Button>
            ) : null}
            {view.canCancel ? (
              <Button size="md" variant="default" fullWidth disabled={phase.busy} onClick={() => setPhase({ ...phase, asking: 'cancel' })} data-testid="link-cancel">
                I can&apos;t come: cancel
              </Button>
            ) : null}
          </Stack>
        )}
        {view.link.state === 'used' ? (
          <Text size="sm" data-testid="link-used-note">
            This link was used to {view.link.usedFor === 'cancel' ? 'cancel' : 'confirm'} the appointment; it cannot be used again.
          </Text>
        ) : null}
        <Text c="dimmed" size="sm">
          {phone ? `Questions or a different time? Call ${view.practice.name} at ${phone}.` : `Questions or a different time? Contact ${view.practice.name}.`}
        </Text>
      </Stack>
    </Paper>
  );
}

const PROBLEM: Record<LinkError['kind'], { title: string; text: string; testId: string }> = {
  invalid: { title: 'This link is not valid', text: 'Open the whole link from your reminder message, or contact the practice.', testId: 'link-invalid' },
  expired: { title: 'This link has expired', text: 'Reminder links work until the appointment starts. Contact the practice if you need help.', testId: 'link-expired' },
  used: { title: 'This link was already used', text: 'Each reminder link works once. Contact the practice for any other change.', testId: 'link-used' },
  conflict: { title: 'This appointment has changed', text: 'Contact the practice about this appointment.', testId: 'link-conflict' },
  rate_limited: { title: 'Too many attempts', text: 'Wait a few minutes, then open the link again.', testId: 'link-rate-limited' },
  network: { title: 'We could not load your appointment', text: 'Check your connection and open the link again.', testId: 'link-network' },
};

function LinkProblem({ error }: { error: LinkError }) {
  const p = PROBLEM[error.kind];
  const did = error.kind === 'used' && error.usedFor ? ` It was used to ${error.usedFor} the appointment.` : '';
  return (
    <Paper withBorder shadow="xs" p="lg" radius="md">
      <Stack gap="sm">
        <Title order={1}>{p.title}</Title>
        <Alert color={error.kind === 'used' ? 'gray' : 'yellow'} role="status" data-testid={p.testId}>
          {p.text}
          {did}
        </Alert>
      </Stack>
    </Paper>
  );
}

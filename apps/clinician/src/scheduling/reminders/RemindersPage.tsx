import { ZCreateReminderRuleRequest, type TReminderRule } from '@hearth/contracts';
import { DataTable, EmptyState, FormError, PageHeader, StatusBadge } from '@hearth/ui';
import { Alert, Anchor, Button, Card, Group, List, NumberInput, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { userMessageFor } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryError } from '../../components/QueryError';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import {
  CHANNEL_LABEL, createReminderRule, deleteReminderRule, reminderKeys, runDueReminders, timingLabel, updateReminderRule,
  useReminderRules, useReminderSettings,
} from './reminders-api';

const UNITS = [
  { value: '1', label: 'minutes' },
  { value: '60', label: 'hours' },
  { value: '1440', label: 'days' },
];
const CHANNELS = [
  { value: 'email', label: CHANNEL_LABEL.email },
  { value: 'sms', label: CHANNEL_LABEL.sms },
];

/** Reminder rules (which channel, how long before), how reminders are sent, and "send due reminders now". */
export function RemindersPage() {
  useDocumentTitle('Reminders');
  const queryClient = useQueryClient();
  const rules = useReminderRules();
  const settings = useReminderSettings();
  const [deleting, setDeleting] = useState<TReminderRule | null>(null);
  const [running, setRunning] = useState(false);
  const [rowError, setRowError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reminderKeys.rules });

  const toggle = async (r: TReminderRule) => {
    setRowError(null);
    try {
      await updateReminderRule(r.id, { active: !r.active });
      await refresh();
    } catch (e) {
      setRowError(userMessageFor(e));
    }
  };

  const runNow = async () => {
    setRunning(true);
    try {
      const r = await runDueReminders();
      notifications.show({
        color: 'teal',
        title: r.queued ? `${r.queued} reminder${r.queued === 1 ? '' : 's'} on the way` : 'No reminders were due',
        message: r.skipped ? `${r.skipped} not sent (opted out, no address or superseded).` : 'Reminders also go out by themselves every minute.',
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not send reminders', message: userMessageFor(e) });
    } finally {
      setRunning(false);
    }
  };

  const provider = settings.data?.smsProvider;
  const quiet = settings.data ? `${settings.data.quietFrom} and ${settings.data.quietUntil}` : '21:00 and 08:00';
  const evening = settings.data?.eveningSendAt ?? '20:00';
  return (
    <>
      <PageHeader
        title="Reminders"
        description="Appointment reminders by e-mail and text message, with links to confirm or cancel."
        actions={
          <Button variant="default" leftSection={<IconBellRinging size={16} aria-hidden="true" />} loading={running} onClick={() => void runNow()} data-testid="run-reminders">
            Send due reminders now
          </Button>
        }
      />
      <Stack gap="md">
        <Card>
          <Title order={2} size="h3" mb="xs">
            Rules
          </Title>
          <Text c="dimmed" mb="sm">
            Each rule sends one reminder before every appointment that is still scheduled or confirmed. Patients can choose e-mail, text or no
            reminders in their contact preferences.
          </Text>
          {rowError ? (
            <Alert color="red" mb="sm" role="alert">
              {rowError}
            </Alert>
          ) : null}
          <DataTable
            aria-label="Reminder rules"
            data-testid="reminder-rules"
            minWidth={560}
            items={rules.data}
            columns={['Channel', 'When', 'Status', 'Actions']}
            loading={rules.isPending}
            loadingLabel="Loading reminder rules"
            error={<QueryError query={rules} />}
            empty={<EmptyState title="No reminder rules" description="Add a rule below; without one no reminders are sent." />}
            renderRow={(r) => (
              <Table.Tr key={r.id}>
                <Table.Td fw={500}>{CHANNEL_LABEL[r.channel]}</Table.Td>
                <Table.Td>{timingLabel(r.minutesBefore)}</Table.Td>
                <Table.Td>
                  <StatusBadge label={r.active ? 'On' : 'Off'} tone={r.active ? 'positive' : 'neutral'} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Switch
                      checked={r.active}
                      onChange={() => void toggle(r)}
                      label={r.active ? 'On' : 'Off'}
                      aria-label={`${CHANNEL_LABEL[r.channel]} ${timingLabel(r.minutesBefore)}: ${r.active ? 'turn off' : 'turn on'}`}
                    />
                    <Button size="compact-sm" variant="default" color="red" onClick={() => setDeleting(r)} aria-label={`Delete ${CHANNEL_LABEL[r.channel]} ${timingLabel(r.minutesBefore)}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
          />
          <AddRuleForm onAdded={refresh} />
        </Card>
        <Card>
          <Title order={2} size="h3" mb="xs">
            How reminders are sent
          </Title>
          <List spacing={6}>
            <List.Item>
              <Text span fw={600}>Quiet hours.</Text> Nothing is sent between {quiet} where the appointment is. A reminder that would fall in
              that time goes at {evening} the evening before instead; one that is late (a booking made at night) waits until the morning.
            </List.Item>
            <List.Item>
              <Text span fw={600}>What a reminder says.</Text> The practice&apos;s name, the date and local time, and the address or &ldquo;video
              visit&rdquo;, with links to confirm or cancel that work once, without signing in, until the appointment starts. Never the kind of
              appointment or the clinician.
            </List.Item>
            <List.Item>
              <Text span fw={600}>Cancelling from a reminder</Text> inside the late-cancel window is recorded as a late cancel with its fee (see{' '}
              <Anchor component={Link} to="/admin/scheduling">Scheduling settings</Anchor>).
            </List.Item>
            <List.Item>
              <Text span fw={600}>Text messages</Text>{' '}
              {provider === 'twilio' ? (
                'are sent through Twilio.'
              ) : provider === 'sandbox' ? (
                <>
                  are <strong>not sent</strong>: this server uses the SMS sandbox, which records them on the{' '}
                  <Anchor component={Link} to="/admin/sms-sandbox">SMS sandbox</Anchor> page. Configure Twilio to send them (see the admin guide).
                </>
              ) : (
                'use the provider configured on the server.'
              )}
            </List.Item>
          </List>
        </Card>
      </Stack>
      <ConfirmModal
        opened={!!deleting}
        title="Delete reminder rule"
        confirmLabel="Delete rule"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await deleteReminderRule(deleting.id);
          await refresh();
        }}
      >
        {deleting
          ? `${CHANNEL_LABEL[deleting.channel]} ${timingLabel(deleting.minutesBefore)} will no longer be sent. Reminders it already sent stay in each appointment's history.`
          : null}
      </ConfirmModal>
    </>
  );
}

function AddRuleForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const form = useForm({ initialValues: { channel: 'sms', amount: 2 as number | string, unit: '60' } });
  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({ channel: v.channel as 'email' | 'sms', minutesBefore: v.amount === '' ? Number.NaN : Number(v.amount) * Number(v.unit) }),
    schema: { safeParse: (req) => ZCreateReminderRuleRequest.safeParse(req) },
    save: async (req) => {
      await createReminderRule(req);
      await onAdded();
      form.reset();
    },
  });
  // The server names minutesBefore; the person typed an amount.
  const amountError = form.errors.amount ?? form.errors.minutesBefore;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a reminder rule">
      <Stack gap="xs" mt="md">
        <FormError message={general} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label="Send by" data={CHANNELS} allowDeselect={false} w={200} {...form.getInputProps('channel')} data-testid="rule-channel" />
          <NumberInput label="How long before" min={1} allowDecimal={false} w={140} {...form.getInputProps('amount')} error={amountError} data-testid="rule-amount" />
          <Select label="Unit" data={UNITS} allowDeselect={false} w={130} {...form.getInputProps('unit')} data-testid="rule-unit" />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden="true" />} loading={form.submitting} data-testid="rule-add">
            Add rule
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          From 30 minutes to 14 days before the appointment.
        </Text>
      </Stack>
    </form>
  );
}

import type { TGroup } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { endGroup, useRefreshGroups } from '../api/groups';

interface Props {
  group: TGroup;
  today: string;
  opened: boolean;
  onClose: () => void;
}

/** Ends a group program: later sessions come off the calendar and the remaining members are discharged. */
export function EndGroupModal({ group, today, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`End ${group.name}`}>
      {opened ? <EndForm group={group} today={today} onDone={onClose} /> : null}
    </Modal>
  );
}

function EndForm({ group, today, onDone }: { group: TGroup; today: string; onDone: () => void }) {
  const refresh = useRefreshGroups();
  const [lastDate, setLastDate] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setGeneral(null);
    const missing: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDate)) missing.lastDate = 'Choose the last day';
    if (!reason.trim()) missing.reason = 'Say why the group ends';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setSaving(true);
    try {
      await endGroup(group.id, { lastDate, reason: reason.trim() });
      await refresh();
      notifications.show({
        color: 'teal',
        title: 'Group ended',
        message: `${group.name} has no sessions after that day.`,
      });
      onDone();
    } catch (e) {
      setErrors(
        Object.fromEntries(
          (e instanceof ApiError ? e.fieldErrors : []).map((f) => [
            f.field,
            f.message.charAt(0).toUpperCase() + f.message.slice(1),
          ]),
        ),
      );
      setGeneral(userMessageFor(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      aria-label="End group"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormError message={general} />
        <Text size="sm">
          Sessions after the last day come off the calendar, and the {group.activeMembers} current{' '}
          {group.activeMembers === 1 ? 'member is' : 'members are'} discharged on that day. Attendance already
          taken is kept.
        </Text>
        <TextInput
          type="date"
          label="Last day"
          required
          value={lastDate}
          onChange={(e) => setLastDate(e.currentTarget.value)}
          error={errors.lastDate}
        />
        <TextInput
          label="Reason"
          required
          placeholder="e.g. Program complete"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <FormActions onCancel={onDone} submitLabel="End group" loading={saving} />
      </Stack>
    </form>
  );
}

import type { TGroupMember } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { dischargeMember, useRefreshGroups } from '../api/groups';

interface Props {
  member: TGroupMember | null;
  today: string;
  onClose: () => void;
}

/** Takes a member off the roster after their last day, with the reason. */
export function DischargeMemberModal({ member, today, onClose }: Props) {
  return (
    <Modal
      opened={!!member}
      onClose={onClose}
      title={member?.patient ? `Discharge ${member.patient.name}` : 'Discharge member'}
    >
      {member ? <DischargeForm member={member} today={today} onDone={onClose} /> : null}
    </Modal>
  );
}

function DischargeForm({
  member,
  today,
  onDone,
}: {
  member: TGroupMember;
  today: string;
  onDone: () => void;
}) {
  const refresh = useRefreshGroups();
  const [dischargedOn, setDischargedOn] = useState(today < member.enrolledOn ? member.enrolledOn : today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setGeneral(null);
    const missing: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dischargedOn)) missing.dischargedOn = 'Choose the last day';
    if (!reason.trim()) missing.reason = 'Say why they leave the group';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setSaving(true);
    try {
      await dischargeMember(member.id, { dischargedOn, reason: reason.trim() });
      await refresh();
      notifications.show({ color: 'teal', message: 'The member was discharged from the group.' });
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
      aria-label="Discharge member"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormError message={general} />
        <TextInput
          type="date"
          label="Last day in the group"
          description="A session held that day still expects them"
          required
          min={member.enrolledOn}
          value={dischargedOn}
          onChange={(e) => setDischargedOn(e.currentTarget.value)}
          error={errors.dischargedOn}
        />
        <TextInput
          label="Reason"
          required
          placeholder="e.g. Completed the program"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <FormActions onCancel={onDone} submitLabel="Discharge" loading={saving} />
      </Stack>
    </form>
  );
}

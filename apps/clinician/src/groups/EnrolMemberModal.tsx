import type { TGroup } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { enrolMember, useRefreshGroups } from '../api/groups';
import { PatientPicker, type PickedPatient } from '../scheduling/booking/PatientPicker';

interface Props {
  group: TGroup;
  today: string;
  opened: boolean;
  onClose: () => void;
}

/** Puts a patient on the roster from a date; a running group is fine (they are expected from that day). */
export function EnrolMemberModal({ group, today, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Enrol a member" size="lg">
      {opened ? <EnrolForm group={group} today={today} onDone={onClose} /> : null}
    </Modal>
  );
}

function EnrolForm({ group, today, onDone }: { group: TGroup; today: string; onDone: () => void }) {
  const refresh = useRefreshGroups();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [enrolledOn, setEnrolledOn] = useState(today);
  const [errors, setErrors] = useState<{ patient?: string; enrolledOn?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setGeneral(null);
    const missing = {
      ...(patient ? {} : { patient: 'Choose the patient' }),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(enrolledOn) ? {} : { enrolledOn: 'Choose the first day' }),
    };
    setErrors(missing);
    if (!patient || Object.keys(missing).length) return;
    setSaving(true);
    try {
      await enrolMember(group.id, { patientId: patient.id, enrolledOn });
      await refresh();
      notifications.show({
        color: 'teal',
        title: 'Member enrolled',
        message: `${patient.name} joins ${group.name}.`,
      });
      onDone();
    } catch (e) {
      const fe = e instanceof ApiError ? e.fieldErrors : [];
      const byField = Object.fromEntries(
        fe.map((f) => [
          f.field === 'patientId' ? 'patient' : f.field,
          f.message.charAt(0).toUpperCase() + f.message.slice(1),
        ]),
      );
      setErrors(byField);
      setGeneral(userMessageFor(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      aria-label="Enrol a member"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormError message={general} testId="enrol-error" />
        <Text size="sm" c="dimmed">
          {group.activeMembers} of {group.capacity} places are taken today.
        </Text>
        <PatientPicker value={patient} onChange={setPatient} error={errors.patient} />
        <TextInput
          type="date"
          label="First day in the group"
          description="They are expected at sessions from this day on"
          required
          value={enrolledOn}
          onChange={(e) => setEnrolledOn(e.currentTarget.value)}
          error={errors.enrolledOn}
          data-testid="enrol-date"
        />
        <FormActions onCancel={onDone} submitLabel="Enrol" loading={saving} submitTestId="enrol-submit" />
      </Stack>
    </form>
  );
}

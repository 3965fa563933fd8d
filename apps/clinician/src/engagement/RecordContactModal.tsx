import { ZRecordOutreachRequest, type TRecordOutreachRequest } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRecordOutreach } from '../api/engagement';
import { useFormSubmit } from '../lib/useFormSubmit';
import { OUTREACH_CHANNELS, OUTREACH_OUTCOMES } from './risk';

interface Props {
  /** Null keeps the dialog closed. */
  patient: { id: string; name: string } | null;
  onClose: () => void;
}

/** Records a contact attempt made outside Hearth: a call, a text, a letter, a word at the desk. */
export function RecordContactModal({ patient, onClose }: Props) {
  return (
    <Modal
      opened={patient !== null}
      onClose={onClose}
      title={patient ? `Record contact with ${patient.name}` : ''}
    >
      {patient ? <RecordContactForm patientId={patient.id} onClose={onClose} /> : null}
    </Modal>
  );
}

function RecordContactForm({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const record = useRecordOutreach();
  const form = useForm({ initialValues: { channel: 'phone', outcome: 'reached', note: '' } });
  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v): TRecordOutreachRequest => ({
      channel: v.channel as TRecordOutreachRequest['channel'],
      outcome: v.outcome as TRecordOutreachRequest['outcome'],
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    }),
    schema: ZRecordOutreachRequest,
    save: async (body) => {
      await record.mutateAsync({ patientId, body });
      notifications.show({
        color: 'teal',
        title: 'Contact recorded',
        message: 'It shows as the last contact on the at-risk list.',
      });
      onClose();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <Select
          label="How"
          data={[...OUTREACH_CHANNELS]}
          allowDeselect={false}
          required
          data-autofocus
          {...form.getInputProps('channel')}
        />
        <Select
          label="Outcome"
          data={[...OUTREACH_OUTCOMES]}
          allowDeselect={false}
          required
          {...form.getInputProps('outcome')}
        />
        <Textarea
          label="Note"
          description="What was said or agreed; kept with the patient's contact history."
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <FormActions
          onCancel={onClose}
          submitLabel="Record contact"
          loading={form.submitting}
          submitTestId="record-contact-submit"
        />
      </Stack>
    </form>
  );
}

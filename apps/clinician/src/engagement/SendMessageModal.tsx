import { OUTREACH_TEMPLATES, outreachTemplate, renderOutreach } from '@hearth/content';
import type { TSendOutreachRequest } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { Button, Group, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userMessageFor } from '../api/client';
import { useSendOutreach } from '../api/engagement';
import { getPractice } from '../api/practice';
import { useSession } from '../auth/session-context';

type TemplateKey = TSendOutreachRequest['templateKey'];

interface Props {
  /** Null keeps the dialog closed. */
  patient: { id: string; name: string } | null;
  onClose: () => void;
}

/**
 * One-click outreach: pick a template, see the message, send it by e-mail. The server fills in the
 * patient's own first name and refuses (with a sentence shown here) when there is no e-mail
 * address or the patient opted out of e-mail.
 */
export function SendMessageModal({ patient, onClose }: Props) {
  return (
    <Modal
      opened={patient !== null}
      onClose={onClose}
      title={patient ? `Send a message to ${patient.name}` : ''}
      size="lg"
    >
      {patient ? <SendMessageForm patient={patient} onClose={onClose} /> : null}
    </Modal>
  );
}

function SendMessageForm({
  patient,
  onClose,
}: {
  patient: { id: string; name: string };
  onClose: () => void;
}) {
  const { practiceName } = useSession();
  const practice = useQuery({ queryKey: ['practice'], queryFn: getPractice, staleTime: 5 * 60_000 });
  const [key, setKey] = useState<TemplateKey>(OUTREACH_TEMPLATES[0]!.key as TemplateKey);
  const send = useSendOutreach();
  const template = outreachTemplate(key)!;
  const preview = renderOutreach(template, {
    firstName: patient.name.split(' ')[0] ?? '',
    practiceName,
    practicePhone: practice.data?.phone ?? null,
  });

  const submit = async () => {
    try {
      const r = await send.mutateAsync({
        patientId: patient.id,
        body: { templateKey: key, channel: 'email' },
      });
      notifications.show({
        color: 'teal',
        title: 'Message on its way',
        message: `“${r.subject}” is queued and recorded as a contact attempt.`,
      });
      onClose();
    } catch {
      /* shown below from the mutation's error */
    }
  };

  return (
    <Stack gap="md">
      <Radio.Group label="Message" value={key} onChange={(v) => setKey(v as TemplateKey)} required>
        <Stack gap="xs" mt={4}>
          {OUTREACH_TEMPLATES.map((t) => (
            <Radio
              key={t.key}
              value={t.key}
              label={t.name}
              description={t.hint}
              data-testid={`template-${t.key}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <div>
        <Text fw={600} size="sm" mb={4}>
          Preview (sent by e-mail)
        </Text>
        <Paper withBorder p="sm" aria-label="Message preview">
          <Text fw={600}>{preview.subject}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} mt="xs">
            {preview.text}
          </Text>
        </Paper>
      </div>
      <FormError message={send.isError ? userMessageFor(send.error) : null} testId="send-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={send.isPending} data-testid="send-message">
          Send e-mail
        </Button>
      </Group>
    </Stack>
  );
}

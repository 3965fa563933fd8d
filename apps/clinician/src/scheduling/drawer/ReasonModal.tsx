import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { userMessageFor } from '../../api/client';

export interface ReasonModalProps {
  opened: boolean;
  title: string;
  confirmLabel: string;
  description?: ReactNode;
  /** A reason must be given (cancellations, ending a series). */
  reasonRequired: boolean;
  /** Offer "Waive the fee this time" (no-show, late cancel). */
  offerWaiveFee?: boolean;
  danger?: boolean;
  /** Extra fields above the reason (e.g. the series' last date). */
  children?: ReactNode;
  onConfirm: (reason: string, waiveFee: boolean) => Promise<unknown>;
  onClose: () => void;
}

/** A status change or series action with its reason; shows the API's sentence when it is refused. */
export function ReasonModal(p: ReasonModalProps) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title}>
      {p.opened ? <ReasonForm {...p} /> : null}
    </Modal>
  );
}

function ReasonForm(p: ReasonModalProps) {
  const [reason, setReason] = useState('');
  const [waive, setWaive] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = p.reasonRequired && !reason.trim();

  const submit = async () => {
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await p.onConfirm(reason.trim(), waive);
      p.onClose();
    } catch (e) {
      setError(userMessageFor(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {p.description ? <Text component="div">{p.description}</Text> : null}
        {p.children}
        <Textarea
          label="Reason"
          required={p.reasonRequired}
          description={p.reasonRequired ? undefined : 'Optional. Kept in the appointment history.'}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && missing ? 'Give a reason' : undefined}
          data-autofocus
          data-testid="reason-input"
        />
        {p.offerWaiveFee ? (
          <Checkbox
            label="Waive the attendance fee this time"
            checked={waive}
            onChange={(e) => setWaive(e.currentTarget.checked)}
          />
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            Back
          </Button>
          <Button type="submit" color={p.danger ? 'red' : undefined} loading={busy} data-testid="reason-confirm">
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

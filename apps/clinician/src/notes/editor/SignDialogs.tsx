import type { TNote } from '@hearth/contracts';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ApiError, userMessageFor } from '../../api/client';
import { signNote, useNoteAction } from '../../api/notes';
import { missingLabel } from './missing';
import { focusField } from './RequiredChecklist';

export type SignStep = { step: 'missing'; missing: TNote['missing'] } | { step: 'attest' } | null;

interface Props {
  note: TNote;
  step: SignStep;
  onStep: (s: SignStep) => void;
  /** The version to sign (the autosave's latest). */
  version: () => number;
  onSigned: (note: TNote) => void;
}

/** Signing: first what is still missing (each a link to its field), then the attestation. */
export function SignDialogs({ note, step, onStep, version, onSigned }: Props) {
  const [attested, setAttested] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sign = useNoteAction(signNote);
  const close = () => {
    setAttested(false);
    setError(null);
    onStep(null);
  };
  const submit = async () => {
    setError(null);
    try {
      const signed = await sign.mutateAsync({ noteId: note.id, body: { version: version(), attestation: true } });
      close();
      onSigned(signed);
    } catch (e) {
      // The server's own check found something missing: show it the same way.
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length) {
        setAttested(false);
        onStep({ step: 'missing', missing: e.fieldErrors });
      } else setError(userMessageFor(e));
    }
  };
  const who = note.cosignRequired
    ? ` It then goes to ${note.supervisorName ?? 'your supervisor'} for co-signature and is final once co-signed.`
    : '';
  return (
    <>
      <Modal opened={step?.step === 'missing'} onClose={close} title="Not ready to sign yet">
        {step?.step === 'missing' ? (
          <Stack gap="sm">
            <Text>Complete these before signing. Choose one to go to it.</Text>
            <List spacing={6} data-testid="sign-missing-list">
              {step.missing.map((m) => (
                <List.Item key={m.field + m.message}>
                  <UnstyledButton
                    style={{ textDecoration: 'underline' }}
                    onClick={() => {
                      close();
                      // After the modal has closed and given focus back.
                      setTimeout(() => focusField(m.field), 50);
                    }}
                  >
                    {missingLabel(m, note.definition)}
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Keep writing
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal opened={step?.step === 'attest'} onClose={close} title="Sign this note">
        <Stack gap="sm">
          <Text>
            Signing locks the note: later corrections are added as dated, signed addenda.{who}
          </Text>
          <Checkbox
            checked={attested}
            onChange={(e) => setAttested(e.currentTarget.checked)}
            label="I attest that I provided this service and that this note is accurate and complete."
            data-autofocus
            data-testid="sign-attest"
          />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} disabled={!attested} loading={sign.isPending} data-testid="sign-confirm">
              Sign note
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

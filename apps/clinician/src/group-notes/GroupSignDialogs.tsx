import type { TNote, TTemplateDefinition } from '@hearth/contracts';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FieldIssue } from './group-note-model';
import { GroupMissingList } from './GroupMissingList';

export type GroupSignStep =
  | { step: 'missing'; shared: FieldIssue[]; byMember: Record<string, FieldIssue[]>; general: string[] }
  | { step: 'attest' }
  | null;

interface Props {
  step: GroupSignStep;
  onClose: () => void;
  members: readonly TNote[];
  definition: TTemplateDefinition;
  /** Goes to a field: of the shared sections (memberId null) or of one member's note. */
  onGo: (memberId: string | null, field: string) => void;
  /** Signs every member's note; resolves to an error message, or null when signed. */
  onSign: () => Promise<string | null>;
  /** The signer's notes need co-signature (an associate). */
  cosign: boolean;
  count: number;
}

/** "Sign all": first what is missing (shared once, then per member), then the attestation. */
export function GroupSignDialogs({ step, onClose, members, definition, onGo, onSign, cosign, count }: Props) {
  const [attested, setAttested] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setAttested(false);
    setError(null);
    onClose();
  };
  const go = (memberId: string | null, field: string) => {
    close();
    // After the modal has closed and given focus back.
    setTimeout(() => onGo(memberId, field), 50);
  };
  const sign = async () => {
    setBusy(true);
    setError(null);
    const message = await onSign();
    setBusy(false);
    if (message) setError(message);
    else setAttested(false);
  };
  const name = (id: string) => members.find((m) => m.id === id)?.patientName ?? 'A member';

  return (
    <>
      <Modal opened={step?.step === 'missing'} onClose={close} title="Not ready to sign yet" size="lg">
        {step?.step === 'missing' ? (
          <Stack gap="sm" data-testid="group-sign-missing">
            <Text>Complete these before signing. Choose one to go to it.</Text>
            {step.general.map((g) => (
              <Alert key={g} color="red">
                {g}
              </Alert>
            ))}
            {step.shared.length ? (
              <div>
                <Title order={3} size="h5" mb={4}>
                  Shared sections
                </Title>
                <GroupMissingList items={step.shared} definition={definition} onGo={(f) => go(null, f)} doneText="" />
              </div>
            ) : null}
            {Object.entries(step.byMember)
              .filter(([, items]) => items.length > 0)
              .map(([id, items]) => (
                <div key={id}>
                  <Title order={3} size="h5" mb={4}>
                    {name(id)}
                  </Title>
                  <GroupMissingList items={items} definition={definition} onGo={(f) => go(id, f)} doneText="" />
                </div>
              ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Keep writing
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal opened={step?.step === 'attest'} onClose={close} title="Sign the group note">
        <Stack gap="sm">
          <Text>
            This signs the note of each of the {count} member{count === 1 ? '' : 's'} at once and locks them: later
            corrections are added to a member’s note as dated, signed addenda.
            {cosign ? ' The notes then go to your supervisor for co-signature and are final once co-signed.' : ''}
          </Text>
          <Checkbox
            checked={attested}
            onChange={(e) => setAttested(e.currentTarget.checked)}
            label="I attest that I provided this group session and that each member’s note is accurate and complete."
            data-autofocus
            data-testid="group-sign-attest"
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
            <Button onClick={() => void sign()} disabled={!attested} loading={busy} data-testid="group-sign-confirm">
              Sign all
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

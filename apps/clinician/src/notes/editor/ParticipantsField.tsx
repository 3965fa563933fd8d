import type { TParticipant } from '@hearth/contracts';
import { ActionIcon, Button, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { options, PARTICIPANT_LABELS } from '../form/labels';

const ROLES = options(PARTICIPANT_LABELS);
const MAX = 20;

interface Props {
  id: string;
  value: TParticipant[];
  onChange: (v: TParticipant[]) => void;
  error?: string;
  required?: boolean;
}

/** Who took part: the patient and anyone else, by role and (except the patient) a name or relationship. */
export function ParticipantsField({ id, value, onChange, error, required }: Props) {
  const set = (i: number, patch: Partial<TParticipant>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Input.Wrapper label="Participants" error={error} withAsterisk={required} labelElement="div">
      <Stack gap={6} mt={4}>
        {value.map((p, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
            <Select
              id={i === 0 ? id : undefined}
              aria-label={`Participant ${i + 1} role`}
              data={ROLES}
              value={p.role}
              allowDeselect={false}
              onChange={(v) => v && set(i, { role: v as TParticipant['role'], ...(v === 'patient' ? { name: undefined } : {}) })}
              w={190}
            />
            {p.role !== 'patient' ? (
              <TextInput
                aria-label={`Participant ${i + 1} name or relationship`}
                placeholder="Name or relationship (e.g. mother)"
                value={p.name ?? ''}
                maxLength={120}
                onChange={(e) => set(i, { name: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
            ) : (
              <div style={{ flex: 1 }} />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={`Remove participant ${i + 1}`}
            >
              <IconX size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            id={value.length === 0 ? id : undefined}
            variant="default"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            disabled={value.length >= MAX}
            onClick={() => onChange([...value, value.some((p) => p.role === 'patient') ? { role: 'family_member' } : { role: 'patient' }])}
          >
            Add participant
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

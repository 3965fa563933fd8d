import type { TDiagnosisRef } from '@hearth/contracts';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { moveItem } from './diagnosis-model';

interface Props {
  value: readonly TDiagnosisRef[];
  onChange?: (next: TDiagnosisRef[]) => void;
  /** Mark the first as the primary (claim) diagnosis. */
  markPrimary?: boolean;
  /** Codes already on the patient's problem list; the others offer "Add to problem list". */
  problemCodes?: ReadonlySet<string>;
  onAddToProblems?: (d: TDiagnosisRef) => void;
  label: string;
}

/**
 * The chosen diagnoses in order. Reorder by dragging a row or with the arrow buttons (keyboard);
 * the first is the primary diagnosis when `markPrimary`.
 */
export function DiagnosisList({ value, onChange, markPrimary, problemCodes, onAddToProblems, label }: Props) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const editable = !!onChange;
  if (value.length === 0) return null;
  return (
    <Stack gap={4} component="ol" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {value.map((d, i) => (
        <Paper
          component="li"
          key={d.code}
          withBorder
          px="sm"
          py={6}
          draggable={editable}
          onDragStart={(e) => {
            setDragFrom(i);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(e) => {
            if (dragFrom !== null) e.preventDefault();
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragFrom !== null && onChange) onChange(moveItem(value, dragFrom, i));
            setDragFrom(null);
          }}
          onDragEnd={() => setDragFrom(null)}
          style={{ cursor: editable ? 'grab' : undefined, opacity: dragFrom === i ? 0.5 : 1 }}
          data-testid="diagnosis-row"
        >
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {editable ? <IconGripVertical size={16} aria-hidden="true" color="var(--mantine-color-gray-6)" /> : null}
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {i + 1}. {d.code}
              </Text>
              <Text size="sm" truncate>
                {d.title ?? ''}
              </Text>
              {markPrimary && i === 0 ? (
                // The title truncates, never the word "Primary".
                <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }}>
                  Primary
                </Badge>
              ) : null}
            </Group>
            {editable ? (
              <Group gap={2} wrap="nowrap">
                {onAddToProblems && problemCodes && !problemCodes.has(d.code) ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPlus size={12} aria-hidden="true" />}
                    onClick={() => onAddToProblems(d)}
                  >
                    Add to problem list
                  </Button>
                ) : null}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={i === 0}
                  onClick={() => onChange(moveItem(value, i, i - 1))}
                  aria-label={`Move ${d.code} up`}
                >
                  <IconArrowUp size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={i === value.length - 1}
                  onClick={() => onChange(moveItem(value, i, i + 1))}
                  aria-label={`Move ${d.code} down`}
                >
                  <IconArrowDown size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(value.filter((x) => x.code !== d.code))}
                  aria-label={`Remove ${d.code}`}
                >
                  <IconX size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

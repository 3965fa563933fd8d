import { ActionIcon, Button, Group, Input, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { options, PROGRESS_LABELS, type TProgressRating } from './labels';
import type { FieldProps } from './types';

export interface GoalProgressRow {
  goalId?: string | null;
  goal: string;
  rating: TProgressRating;
  comment?: string;
}

const MAX = 20;
const RATINGS = options(PROGRESS_LABELS);

/** One row per treatment goal: the goal, how it went this session, and a comment. */
export function GoalProgressField({ field, id, value, onChange, description, error }: FieldProps<GoalProgressRow[]>) {
  const rows = value ?? [];
  const set = (i: number, patch: Partial<GoalProgressRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Input.Wrapper label={field.label} description={description} error={error} withAsterisk={field.required} labelElement="div">
      <Stack gap="xs" mt={6}>
        {rows.map((r, i) => (
          <Paper key={i} withBorder p="xs">
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <Stack gap={6} style={{ flex: 1 }}>
                <Group gap="xs" align="flex-end" grow>
                  <TextInput
                    id={i === 0 ? id : undefined}
                    label={`Goal ${i + 1}`}
                    value={r.goal}
                    maxLength={500}
                    readOnly={!!r.goalId}
                    onChange={(e) => set(i, { goal: e.currentTarget.value })}
                  />
                  <Select
                    label="Progress"
                    data={RATINGS}
                    value={r.rating}
                    allowDeselect={false}
                    onChange={(v) => v && set(i, { rating: v as TProgressRating })}
                  />
                </Group>
                <Textarea
                  label="Comment"
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={r.comment ?? ''}
                  onChange={(e) => set(i, { comment: e.currentTarget.value || undefined })}
                />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={24}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={`Remove goal ${i + 1}`}
              >
                <IconX size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            id={rows.length === 0 ? id : undefined}
            variant="default"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            disabled={rows.length >= MAX}
            onClick={() => onChange([...rows, { goal: '', rating: 'no_change' }])}
          >
            Add goal
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

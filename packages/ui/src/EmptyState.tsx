import { Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What the person can do next. */
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** A quiet empty state that always says what to do next. */
export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center" role="status">
      {icon ? (
        <ThemeIcon variant="light" color="gray" size={44} radius="xl" aria-hidden="true">
          {icon}
        </ThemeIcon>
      ) : null}
      <Text fw={600}>{title}</Text>
      {description ? (
        <Text c="dimmed" maw={460}>
          {description}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}

import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label/value pair for read-only detail cards; shows an en dash when the value is empty. */
export function InfoRow({ label, children }: { label: string; children?: ReactNode }) {
  const empty = children === undefined || children === null || children === '';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text c="dimmed" miw={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {empty ? '–' : children}
      </Text>
    </Group>
  );
}

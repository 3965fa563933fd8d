import type { TEngagementReason } from '@hearth/contracts';
import { List, Text } from '@mantine/core';

/** The reasons behind a score, each with the points it added. */
export function ReasonList({ reasons, compact }: { reasons: TEngagementReason[]; compact?: boolean }) {
  return (
    <List size={compact ? 'sm' : 'md'} spacing={2} data-testid="risk-reasons">
      {reasons.map((r) => (
        <List.Item key={r.code}>
          {r.text}
          {r.points > 0 ? (
            <Text span c="dimmed" size={compact ? 'sm' : 'md'}>
              {' '}
              (+{r.points})
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

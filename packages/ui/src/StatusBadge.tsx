import { Badge, type BadgeProps } from '@mantine/core';

/** Consistent, sparing status colours; the label always carries the meaning (never colour alone). */
export type StatusTone = 'positive' | 'neutral' | 'caution' | 'negative' | 'info';

const TONE_COLOR: Record<StatusTone, string> = {
  positive: 'teal',
  neutral: 'gray',
  caution: 'yellow',
  negative: 'red',
  info: 'indigo',
};

export interface StatusBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  label: string;
  tone?: StatusTone;
}

export function StatusBadge({ label, tone = 'neutral', ...rest }: StatusBadgeProps) {
  return (
    <Badge variant="light" color={TONE_COLOR[tone]} radius="sm" tt="none" fw={600} {...rest}>
      {label}
    </Badge>
  );
}

import type { TRiskLevel } from '@hearth/contracts';
import { StatusBadge } from '@hearth/ui';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { RISK_LEVEL } from './risk';

const ICON = { low: IconCircleCheck, moderate: IconInfoCircle, high: IconAlertTriangle } as const;

/** "High risk · 85": the word, an icon and the score; the colour only repeats them. */
export function RiskBadge({ level, score }: { level: TRiskLevel; score?: number }) {
  const Icon = ICON[level];
  const { label, tone } = RISK_LEVEL[level];
  return (
    <StatusBadge
      label={score === undefined ? label : `${label} · ${score}`}
      tone={tone}
      leftSection={<Icon size={14} aria-hidden="true" />}
      data-testid="risk-badge"
    />
  );
}

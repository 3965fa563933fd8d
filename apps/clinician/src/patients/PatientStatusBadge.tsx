import { StatusBadge } from '@hearth/ui';
import { humanize, PATIENT_STATUS_TONE } from '../lib/format';

export function PatientStatusBadge({ status }: { status: string }) {
  const tone = PATIENT_STATUS_TONE[status as keyof typeof PATIENT_STATUS_TONE] ?? 'neutral';
  return <StatusBadge label={humanize(status)} tone={tone} />;
}

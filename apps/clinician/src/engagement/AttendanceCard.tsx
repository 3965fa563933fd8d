import type { TAttendanceStats } from '@hearth/contracts';
import { InfoRow } from '@hearth/ui';
import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { usePatientAttendance } from '../api/engagement';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { formatDate } from '../lib/format';
import { formatLocalDateTime } from '../scheduling/time';
import { ReasonList } from './ReasonList';
import { daysAgo } from './risk';
import { RiskBadge } from './RiskBadge';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function last90(s: TAttendanceStats['last90Days']): string {
  const parts = [`${s.attended} kept`, plural(s.noShows, 'no-show'), plural(s.lateCancels, 'late cancel')];
  if (s.cancelledByPatient) parts.push(`${s.cancelledByPatient} cancelled in time`);
  return parts.join(' · ');
}

/** Attendance figures and the dropout-risk score with its reasons, for the patient's chart. */
export function AttendanceCard({ patientId }: { patientId: string }) {
  const canRead = useCan('scheduling.read');
  const query = usePatientAttendance(patientId, canRead);
  if (!canRead) return null;
  const data = query.data;
  const s = data?.stats;
  const next = s?.nextAppointment;
  return (
    <Card component="section" aria-labelledby="chart-attendance-heading" data-testid="attendance-card">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} id="chart-attendance-heading">
          Attendance
        </Title>
        {data ? <RiskBadge level={data.engagement.level} score={data.engagement.score} /> : null}
      </Group>
      <QueryError query={query} />
      {query.isPending ? <Loader size="sm" aria-label="Loading attendance" /> : null}
      {data && s ? (
        <Stack gap="sm">
          <div>
            <Text size="sm" c="dimmed" mb={4}>
              Dropout risk {data.engagement.score} of 100 (higher means more at risk), because:
            </Text>
            <ReasonList reasons={data.engagement.reasons} compact />
          </div>
          <Stack gap={6}>
            <InfoRow label="Attendance rate">
              {s.attendanceRate === null
                ? 'No sessions kept or missed yet'
                : `${s.attendanceRate}% (${s.attended} kept of ${s.attended + s.missed})`}
            </InfoRow>
            <InfoRow label="Last 90 days">{last90(s.last90Days)}</InfoRow>
            <InfoRow label="Missed in a row">{String(s.consecutiveMisses)}</InfoRow>
            <InfoRow label="Last attended">
              {s.lastAttendedDate
                ? `${formatDate(s.lastAttendedDate)} (${daysAgo(s.daysSinceLastAttended)})`
                : 'Never'}
            </InfoRow>
            <InfoRow label="Next appointment">
              {next
                ? `${formatLocalDateTime(next.start)} · ${next.group ? 'group with ' : ''}${next.clinicianName}`
                : 'Nothing booked'}
            </InfoRow>
          </Stack>
        </Stack>
      ) : null}
    </Card>
  );
}

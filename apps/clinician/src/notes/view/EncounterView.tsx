import type { TNote } from '@hearth/contracts';
import { InfoRow } from '@hearth/ui';
import { Card, List, Stack, Title } from '@mantine/core';
import { PARTICIPANT_LABELS } from '../form/labels';
import { formatClock, formatIsoDate } from '../form/value-format';

/** The encounter facts of a note as signed. */
export function EncounterView({ encounter: e }: { encounter: TNote['encounter'] }) {
  const times = [e.startTime, e.endTime].every(Boolean) ? `${formatClock(e.startTime!)} – ${formatClock(e.endTime!)}` : '';
  const place =
    e.placeOfService === 'telehealth'
      ? ['Telehealth', e.telehealthMode === 'audio_only' ? 'audio only' : e.telehealthMode === 'video' ? 'video' : null, e.patientLocation ? `patient at ${e.patientLocation}` : null]
          .filter(Boolean)
          .join(', ')
      : 'In person';
  return (
    <Card withBorder component="section" aria-labelledby="nv-encounter">
      <Title order={3} id="nv-encounter" mb="sm">
        Session
      </Title>
      <Stack gap={6}>
        <InfoRow label="Date of service">{formatIsoDate(e.serviceDate)}</InfoRow>
        <InfoRow label="Time">{times ? `${times} (${e.timeZone})` : ''}</InfoRow>
        <InfoRow label="Psychotherapy minutes">{e.psychotherapyMinutes ?? ''}</InfoRow>
        {e.medicalMinutes !== null ? <InfoRow label="Medical management minutes">{e.medicalMinutes}</InfoRow> : null}
        <InfoRow label="Place of service">
          {place}
          {e.posCode ? ` (POS ${e.posCode})` : ''}
        </InfoRow>
        <InfoRow label="Participants">
          {e.participants.map((p) => (p.name ? `${PARTICIPANT_LABELS[p.role]} (${p.name})` : PARTICIPANT_LABELS[p.role])).join(', ')}
        </InfoRow>
        <InfoRow label="Diagnoses">
          {e.diagnoses.length ? (
            <List type="ordered" size="sm">
              {e.diagnoses.map((d, i) => (
                <List.Item key={d.code}>
                  {d.code} — {d.title}
                  {i === 0 ? ' (primary)' : ''}
                </List.Item>
              ))}
            </List>
          ) : (
            ''
          )}
        </InfoRow>
      </Stack>
    </Card>
  );
}

import type { TEncounter, TNoteKind } from '@hearth/contracts';
import { Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, Input } from '@mantine/core';
import { ProblemAwareList } from '../form/DiagnosesField';
import { DiagnosisPicker } from '../form/DiagnosisPicker';
import { addDiagnosis } from '../form/diagnosis-model';
import { fieldDomId } from '../form/field-values';
import { minutesBetween } from './encounter-model';
import { ParticipantsField } from './ParticipantsField';

interface Props {
  value: TEncounter;
  onChange: (next: TEncounter) => void;
  /** Server messages keyed 'encounter.<field>'. */
  errors: Record<string, string>;
  kind: TNoteKind;
  billable: boolean;
  timeZone: string;
  patientId: string;
}

/** Medical (E/M) minutes are kept apart from psychotherapy minutes on prescribers' notes. */
const MEDICAL_KINDS: ReadonlySet<TNoteKind> = new Set(['medication_management', 'psychiatric_evaluation']);
const id = (f: string) => fieldDomId(`encounter.${f}`);

/** The encounter facts payers require: date, times, minutes, place of service, participants, ordered diagnoses. */
export function EncounterBlock({ value: e, onChange, errors, kind, billable, timeZone, patientId }: Props) {
  const set = (patch: Partial<TEncounter>) => onChange({ ...e, ...patch });
  // Item errors ('encounter.diagnoses.0.code') show on their list.
  const err = (f: string) =>
    errors[`encounter.${f}`] ?? Object.entries(errors).find(([k]) => k.startsWith(`encounter.${f}.`))?.[1];
  const length = minutesBetween(e.startTime, e.endTime);
  const stopBeforeStart = !!e.startTime && !!e.endTime && length === null;
  const showMedical = MEDICAL_KINDS.has(kind) || (e.medicalMinutes ?? null) !== null;
  const telehealth = e.placeOfService === 'telehealth';
  const diagnoses = e.diagnoses ?? [];

  return (
    <Card component="section" aria-labelledby="nf-encounter" withBorder>
      <Title order={3} id="nf-encounter" mb="sm">
        Session
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            id={id('serviceDate')}
            label="Date of service"
            withAsterisk={billable}
            value={e.serviceDate ?? ''}
            onChange={(ev) => set({ serviceDate: ev.currentTarget.value || undefined })}
            error={err('serviceDate')}
          />
          <TextInput
            type="time"
            id={id('startTime')}
            label="Start time"
            description={timeZone}
            withAsterisk={billable}
            value={e.startTime ?? ''}
            onChange={(ev) => set({ startTime: ev.currentTarget.value.slice(0, 5) || null })}
            error={err('startTime')}
          />
          <TextInput
            type="time"
            id={id('endTime')}
            label="Stop time"
            description={length ? `${length} minutes` : ' '}
            withAsterisk={billable}
            value={e.endTime ?? ''}
            onChange={(ev) => set({ endTime: ev.currentTarget.value.slice(0, 5) || null })}
            error={err('endTime') ?? (stopBeforeStart ? 'Stop time must be after the start time' : undefined)}
          />
        </SimpleGrid>
        <Group align="flex-end" gap="md">
          <NumberInput
            id={id('psychotherapyMinutes')}
            label="Psychotherapy minutes"
            min={0}
            max={1440}
            allowDecimal={false}
            value={e.psychotherapyMinutes ?? ''}
            onChange={(v) => set({ psychotherapyMinutes: typeof v === 'number' ? v : null })}
            error={err('psychotherapyMinutes')}
            w={200}
          />
          {length && e.psychotherapyMinutes == null ? (
            <Button variant="subtle" size="compact-sm" mb={6} onClick={() => set({ psychotherapyMinutes: length })}>
              Use the session length ({length} min)
            </Button>
          ) : null}
          {showMedical ? (
            <NumberInput
              id={id('medicalMinutes')}
              label="Medical management minutes"
              description="Kept apart from psychotherapy time"
              min={0}
              max={1440}
              allowDecimal={false}
              value={e.medicalMinutes ?? ''}
              onChange={(v) => set({ medicalMinutes: typeof v === 'number' ? v : null })}
              error={err('medicalMinutes')}
              w={240}
            />
          ) : null}
        </Group>
        <Input.Wrapper label="Place of service" withAsterisk={billable} error={err('placeOfService')} labelElement="div">
          <div>
            <SegmentedControl
              id={id('placeOfService')}
              mt={4}
              value={e.placeOfService ?? ''}
              onChange={(v) => set({ placeOfService: v as 'in_person' | 'telehealth' })}
              data={[
                { value: 'in_person', label: 'In person' },
                { value: 'telehealth', label: 'Telehealth' },
              ]}
              aria-label="Place of service"
            />
          </div>
        </Input.Wrapper>
        {telehealth ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Input.Wrapper label="Telehealth by" withAsterisk={billable} error={err('telehealthMode')} labelElement="div">
              <div>
                <SegmentedControl
                  id={id('telehealthMode')}
                  mt={4}
                  value={e.telehealthMode ?? ''}
                  onChange={(v) => set({ telehealthMode: v as 'video' | 'audio_only' })}
                  data={[
                    { value: 'video', label: 'Video' },
                    { value: 'audio_only', label: 'Audio only' },
                  ]}
                  aria-label="Telehealth by"
                />
              </div>
            </Input.Wrapper>
            <TextInput
              id={id('patientLocation')}
              label="Where the patient was"
              placeholder="Home, work, or a city and state"
              withAsterisk={billable}
              maxLength={200}
              value={e.patientLocation ?? ''}
              onChange={(ev) => set({ patientLocation: ev.currentTarget.value })}
              error={err('patientLocation')}
            />
          </SimpleGrid>
        ) : null}
        <ParticipantsField
          id={id('participants')}
          value={e.participants ?? []}
          onChange={(participants) => set({ participants })}
          error={err('participants')}
          required={billable}
        />
        <Stack gap={6}>
          <DiagnosisPicker
            id={id('diagnoses')}
            label="Diagnoses"
            description="In claim order: the first is the primary diagnosis. Drag a row or use the arrows to reorder."
            required={billable}
            error={err('diagnoses')}
            patientId={patientId}
            serviceDate={e.serviceDate}
            chosen={diagnoses.map((d) => d.code)}
            disabled={diagnoses.length >= 12}
            onPick={(d) => set({ diagnoses: addDiagnosis(diagnoses, d) })}
          />
          <ProblemAwareList
            patientId={patientId}
            value={diagnoses}
            onChange={(list) => set({ diagnoses: list })}
            label="Diagnoses in claim order"
            markPrimary
          />
          {diagnoses.length === 0 ? (
            <Text size="sm" c="dimmed">
              No diagnosis yet. The patient’s problem list is offered first.
            </Text>
          ) : null}
        </Stack>
      </Stack>
    </Card>
  );
}

import type { TOpenSlot } from '@hearth/contracts';
import { EmptyState, LoadingState, PageHeader } from '@hearth/ui';
import { Card, Grid, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useClinicianHours, useSchedulingClinicians } from '../../api/availability';
import { getPractice } from '../../api/practice';
import { useLocations } from '../../api/scheduling';
import { useCan, useSession } from '../../auth/session-context';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { BookingDialog } from '../booking/BookingDialog';
import type { BookingPrefill } from '../booking/booking-model';
import { todayIn } from '../time';
import { ExceptionsCard } from './ExceptionsCard';
import { HoursEditor } from './HoursEditor';
import { OpenSlotsPanel } from './OpenSlotsPanel';

/**
 * A clinician's working hours (weekly grid per location), time off and extra hours, and their
 * next open slots. Anyone who books (scheduling.write) keeps any clinician's hours, as front desks do.
 */
export function WorkingHoursPage() {
  useDocumentTitle('Working hours');
  const { user } = useSession();
  const canEdit = useCan('scheduling.write');
  const navigate = useNavigate();
  const params = useParams<{ clinicianId?: string }>();
  const clinicians = useSchedulingClinicians();
  const locations = useLocations();
  const practice = useQuery({ queryKey: ['practice'], queryFn: getPractice });
  const list = clinicians.data ?? [];
  // The clinician in the address, else oneself when one sees patients, else the first.
  const clinicianId = params.clinicianId ?? (list.some((c) => c.id === user.id) ? user.id : list[0]?.id) ?? null;
  const clinician = list.find((c) => c.id === clinicianId);
  const hours = useClinicianHours(clinicianId);
  const [prefill, setPrefill] = useState<BookingPrefill | null>(null);
  const practiceZone = practice.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = todayIn(practiceZone);

  const pick = (s: TOpenSlot) =>
    setPrefill({ clinicianId: s.clinicianId, locationId: s.locationId, start: s.start, durationMinutes: s.durationMinutes });

  return (
    <>
      <PageHeader
        title="Working hours"
        description="Weekly hours at each location, time off and extra hours. They decide the open times offered when booking."
        actions={
          <Select
            aria-label="Clinician"
            placeholder="Choose a clinician"
            searchable
            w={260}
            data={list.map((c) => ({ value: c.id, label: c.hasHours ? c.name : `${c.name} (no hours yet)` }))}
            value={clinicianId}
            allowDeselect={false}
            onChange={(v) => v && navigate(`/schedule/hours/${v}`)}
            data-testid="hours-clinician"
          />
        }
      />
      <QueryError query={clinicians} mb="md" />
      <QueryError query={locations} mb="md" />
      {clinicians.isPending || locations.isPending ? <LoadingState label="Loading clinicians" /> : null}
      {clinicians.isSuccess && list.length === 0 ? (
        <EmptyState title="No clinicians yet" description="Add staff with a clinical role (therapist, prescriber, associate) on the Staff page." />
      ) : null}
      {clinicianId && locations.data ? (
        <Stack gap="md">
          <QueryError query={hours} />
          {hours.isPending ? <LoadingState label="Loading working hours" /> : null}
          {hours.data ? (
            <HoursEditor
              key={clinicianId}
              clinicianId={clinicianId}
              clinicianName={hours.data.clinicianName}
              hours={hours.data.hours}
              locations={locations.data}
              canEdit={canEdit}
            />
          ) : null}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ExceptionsCard
                key={`exceptions-${clinicianId}`}
                clinicianId={clinicianId}
                locations={locations.data}
                today={today}
                practiceZone={practiceZone}
                canEdit={canEdit}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card component="section" aria-label={`Next open times${clinician ? ` for ${clinician.name}` : ''}`}>
                <OpenSlotsPanel key={clinicianId} clinicianId={clinicianId} from={today} onPick={canEdit ? pick : undefined} />
              </Card>
            </Grid.Col>
          </Grid>
        </Stack>
      ) : null}
      {canEdit ? <BookingDialog prefill={prefill} onClose={() => setPrefill(null)} /> : null}
    </>
  );
}

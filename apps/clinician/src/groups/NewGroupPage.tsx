import { FormActions, FormError, LoadingState, PageHeader } from '@hearth/ui';
import {
  Alert,
  Button,
  Card,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { createGroup, useRefreshGroups } from '../api/groups';
import {
  conflictsOf,
  useAppointmentTypes,
  useClinicians,
  useLocations,
  type OccurrenceConflict,
} from '../api/scheduling';
import { QueryError } from '../components/QueryError';
import { staffDisplayName } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';
import { ConflictList } from '../scheduling/ConflictList';
import { RepeatFields } from '../scheduling/booking/RepeatFields';
import { todayIn } from '../scheduling/time';
import {
  formFieldOf,
  groupFormProblems,
  initialGroupValues,
  toGroupRequest,
  withStartDate,
  zoneOf,
  type GroupFormField,
  type GroupFormValues,
} from './group-form-model';

export function NewGroupPage() {
  useDocumentTitle('New group');
  const types = useAppointmentTypes();
  const locations = useLocations();
  const clinicians = useClinicians();
  if (types.isPending || locations.isPending || clinicians.isPending)
    return <LoadingState label="Loading the form" />;
  const failed = [types, locations, clinicians].find((q) => q.isError);
  if (failed || !types.data || !locations.data || !clinicians.data) {
    return (
      <>
        <PageHeader title="New group" />
        <QueryError query={failed ?? types} />
      </>
    );
  }
  const zone =
    locations.data.find((l) => l.active)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <GroupForm
      initial={initialGroupValues(todayIn(zone), types.data, locations.data)}
      types={types.data}
      locations={locations.data}
      clinicians={clinicians.data}
    />
  );
}

type Props = {
  initial: GroupFormValues;
  types: NonNullable<ReturnType<typeof useAppointmentTypes>['data']>;
  locations: NonNullable<ReturnType<typeof useLocations>['data']>;
  clinicians: NonNullable<ReturnType<typeof useClinicians>['data']>;
};

function GroupForm({ initial, types, locations, clinicians }: Props) {
  const navigate = useNavigate();
  const refresh = useRefreshGroups();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<GroupFormField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<OccurrenceConflict[] | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(v) !== JSON.stringify(initial);
  const { prompt, allowNavigation } = useUnsavedChangesGuard(dirty && !saving);

  const set = (patch: Partial<GroupFormValues>) => {
    setV((cur) => ({ ...cur, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const location = locations.find((l) => l.id === v.locationId);
  const rooms = (location?.rooms ?? []).filter((r) => r.active || r.id === v.roomId);
  const groupTypes = types.filter((t) => t.isGroup && (t.active || t.id === v.appointmentTypeId));
  const zone = zoneOf(locations, v.locationId);
  // Facilitators keep the order they were chosen in: the first is the lead.
  const facilitatorOptions = clinicians.map((c) => ({ value: c.id, label: staffDisplayName(c) }));

  const submit = async (values: GroupFormValues) => {
    setGeneral(null);
    const problems = groupFormProblems(values);
    setErrors(problems);
    if (Object.keys(problems).length) {
      setGeneral('Please correct the highlighted fields.');
      return;
    }
    setSaving(true);
    try {
      const g = await createGroup(toGroupRequest(values));
      await refresh();
      allowNavigation();
      notifications.show({
        color: 'teal',
        title: 'Group created',
        message: `${g.name}: ${g.sessions.length ? 'sessions booked' : 'no sessions yet'}.`,
      });
      navigate(`/groups/${g.id}`);
    } catch (e) {
      const c = conflictsOf(e);
      if (c) {
        setConflicts(c);
        setGeneral(userMessageFor(e));
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        const mapped: Partial<Record<GroupFormField, string>> = {};
        const other: string[] = [];
        for (const fe of e.fieldErrors) {
          const f = formFieldOf(fe.field);
          if (f) mapped[f] ??= fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
          else other.push(fe.message);
        }
        setErrors(mapped);
        setGeneral(other.length ? other.join('; ') : 'Please correct the highlighted fields.');
      } else setGeneral(userMessageFor(e));
    } finally {
      setSaving(false);
    }
  };

  const skipConflicts = () => {
    if (!conflicts) return;
    const next = { ...v, skip: [...new Set([...v.skip, ...conflicts.map((c) => c.occurrence)])] };
    setV(next);
    setConflicts(null);
    void submit(next);
  };

  return (
    <>
      <PageHeader
        title="New group"
        description="A group program with its facilitators, capacity and recurring sessions."
      />
      <form
        noValidate
        aria-label="New group"
        onSubmit={(e) => {
          e.preventDefault();
          setConflicts(null);
          void submit(v);
        }}
      >
        <Stack gap="md" maw={880}>
          <FormError message={general} testId="form-error" />
          {conflicts ? (
            <Alert color="red" title="Some sessions clash with other bookings" data-testid="group-conflicts">
              <Stack gap="sm">
                <ConflictList items={conflicts} />
                <Text size="sm">
                  Skip these dates (the group does not meet then), or change the time, room or lead
                  facilitator.
                </Text>
                <div>
                  <Button variant="light" color="red" onClick={skipConflicts} loading={saving}>
                    Skip {conflicts.length === 1 ? 'this date' : `these ${conflicts.length} dates`} and create
                  </Button>
                </div>
              </Stack>
            </Alert>
          ) : null}
          <Card>
            <Title order={2} size="h3" mb="sm">
              The group
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              <TextInput
                label="Name"
                required
                placeholder="e.g. DBT skills"
                value={v.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={errors.name}
                data-autofocus
              />
              <Select
                label="Appointment type"
                required
                data={groupTypes.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
                value={v.appointmentTypeId || null}
                onChange={(typeId) => {
                  const t = types.find((x) => x.id === typeId);
                  set({
                    appointmentTypeId: typeId ?? '',
                    ...(t ? { durationMinutes: t.durationMinutes } : {}),
                  });
                }}
                error={errors.appointmentTypeId}
                allowDeselect={false}
              />
              <MultiSelect
                label="Facilitators"
                required
                description="The first one is the lead: the sessions go on their calendar"
                searchable
                data={facilitatorOptions}
                value={v.facilitatorIds}
                onChange={(ids) => set({ facilitatorIds: ids })}
                error={errors.facilitatorIds}
                data-testid="group-facilitators"
              />
              <NumberInput
                label="Capacity"
                required
                description="Most members at any one time"
                min={1}
                max={100}
                allowDecimal={false}
                value={v.capacity}
                onChange={(n) => set({ capacity: typeof n === 'number' ? n : n === '' ? '' : Number(n) })}
                error={errors.capacity}
              />
              <Textarea
                label="Description"
                placeholder="What the group is for, who it suits"
                autosize
                minRows={2}
                value={v.description}
                onChange={(e) => set({ description: e.currentTarget.value })}
                error={errors.description}
                style={{ gridColumn: '1 / -1' }}
              />
            </SimpleGrid>
          </Card>
          <Card>
            <Title order={2} size="h3" mb="sm">
              Where and when
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              <Select
                label="Location"
                required
                data={locations
                  .filter((l) => l.active || l.id === v.locationId)
                  .map((l) => ({ value: l.id, label: l.name }))}
                value={v.locationId || null}
                onChange={(locationId) => set({ locationId: locationId ?? '', roomId: '' })}
                error={errors.locationId}
                allowDeselect={false}
              />
              <Select
                label="Room"
                placeholder="No room"
                clearable
                data={rooms.map((r) => ({
                  value: r.id,
                  label: `${r.name} (${r.capacity} ${r.capacity === 1 ? 'seat' : 'seats'})`,
                }))}
                value={v.roomId || null}
                onChange={(roomId) => set({ roomId: roomId ?? '' })}
                error={errors.roomId}
              />
              <TextInput
                type="date"
                label="First session"
                required
                value={v.date}
                onChange={(e) => {
                  const date = e.currentTarget.value;
                  setV((cur) => withStartDate(cur, date));
                }}
                error={errors.date}
                data-testid="group-start-date"
              />
              <SimpleGrid cols={2} spacing="sm">
                <TextInput
                  type="time"
                  label={`Time${zone ? ` (${zone})` : ''}`}
                  required
                  step={300}
                  value={v.time}
                  onChange={(e) => set({ time: e.currentTarget.value.slice(0, 5), skip: [] })}
                  error={errors.time}
                  data-testid="group-start-time"
                />
                <NumberInput
                  label="Length (minutes)"
                  required
                  min={5}
                  max={480}
                  step={5}
                  allowDecimal={false}
                  value={v.durationMinutes}
                  onChange={(n) =>
                    set({ durationMinutes: typeof n === 'number' ? n : n === '' ? '' : Number(n) })
                  }
                  error={errors.durationMinutes}
                />
              </SimpleGrid>
            </SimpleGrid>
            <Stack mt="sm" gap={4}>
              <RepeatFields
                value={v.repeat}
                startDate={v.date}
                onChange={(repeat) => set({ repeat, skip: [] })}
              />
              {errors.repeat ? (
                <Text c="red.9" size="sm" role="alert">
                  {errors.repeat}
                </Text>
              ) : null}
              {v.skip.length ? (
                <Text size="sm" c="dimmed">
                  {v.skip.length} clashing {v.skip.length === 1 ? 'date is' : 'dates are'} left out.
                </Text>
              ) : null}
            </Stack>
          </Card>
          <FormActions
            onCancel={() => navigate('/groups')}
            submitLabel="Create group and book sessions"
            loading={saving}
            submitTestId="create-group"
          />
        </Stack>
      </form>
      {prompt}
    </>
  );
}

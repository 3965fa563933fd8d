import type { TAppointment, TMoveAppointmentRequest } from '@hearth/contracts';
import { FormError } from '@hearth/ui';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { userMessageFor } from '../../api/client';
import {
  conflictsOf,
  useAppointmentTypes,
  useClinicians,
  useLocations,
  useMoveAppointment,
  useSeries,
  type OccurrenceConflict,
} from '../../api/scheduling';
import { staffDisplayName } from '../../lib/format';
import { choiceFromRule, buildRule, NO_REPEAT, type RepeatChoice } from '../booking/repeat';
import { RepeatFields } from '../booking/RepeatFields';
import { ConflictList } from '../ConflictList';
import { formatLocalDateTime } from '../time';

export type EditScope = TMoveAppointmentRequest['scope'];

interface Props {
  appointment: TAppointment | null;
  /** The scope chosen before opening (for example from a drag). */
  initialScope?: EditScope;
  onClose: () => void;
}

/** Change one occurrence, this and the following ones, or the whole series; conflicts refuse it. */
export function EditAppointmentModal({ appointment, initialScope = 'this', onClose }: Props) {
  return (
    <Modal opened={!!appointment} onClose={onClose} title="Change appointment" size="lg">
      {appointment ? <EditForm a={appointment} initialScope={initialScope} onClose={onClose} /> : null}
    </Modal>
  );
}

function EditForm({ a, initialScope, onClose }: { a: TAppointment; initialScope: EditScope; onClose: () => void }) {
  const clinicians = useClinicians();
  const types = useAppointmentTypes();
  const locations = useLocations();
  const series = useSeries(a.seriesId);
  const move = useMoveAppointment();
  const rooms = locations.data?.find((l) => l.id === a.locationId)?.rooms.filter((r) => r.active || r.id === a.roomId) ?? [];

  const [scope, setScope] = useState<EditScope>(a.seriesId ? initialScope : 'this');
  const [date, setDate] = useState(a.start.slice(0, 10));
  const [time, setTime] = useState(a.start.slice(11, 16));
  const [duration, setDuration] = useState(a.durationMinutes);
  const [clinicianId, setClinicianId] = useState(a.clinician.id);
  const [roomId, setRoomId] = useState(a.roomId ?? '');
  const [typeId, setTypeId] = useState(a.appointmentType.id);
  const [telehealth, setTelehealth] = useState(a.telehealth);
  const [changeRepeat, setChangeRepeat] = useState(false);
  const [repeat, setRepeat] = useState<RepeatChoice | null>(null);
  const [reason, setReason] = useState('');
  const [general, setGeneral] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<OccurrenceConflict[] | null>(null);

  const seriesChoice = series.data ? choiceFromRule(series.data.recurrence, date) : null;
  const repeatValue = repeat ?? seriesChoice ?? NO_REPEAT;
  const newStart = `${date}T${time}`;

  const save = async () => {
    setGeneral(null);
    setConflicts(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
      setGeneral('Choose a date and a start time.');
      return;
    }
    const body: TMoveAppointmentRequest = { scope, version: a.version };
    if (newStart !== a.start) body.start = newStart;
    if (duration !== a.durationMinutes) body.durationMinutes = duration;
    if (clinicianId !== a.clinician.id) body.clinicianId = clinicianId;
    if ((roomId || null) !== a.roomId || telehealth !== a.telehealth) body.roomId = telehealth ? null : roomId || null;
    if (typeId !== a.appointmentType.id) body.appointmentTypeId = typeId;
    if (telehealth !== a.telehealth) body.telehealth = telehealth;
    if (scope !== 'this' && changeRepeat) {
      const rule = buildRule(repeatValue, date);
      if (!rule) {
        setGeneral('Finish the repeat choice, or untick “Change how it repeats”.');
        return;
      }
      body.recurrence = rule;
    }
    if (Object.keys(body).every((k) => k === 'scope' || k === 'version')) {
      setGeneral('Nothing was changed.');
      return;
    }
    if (reason.trim()) body.reason = reason.trim();
    try {
      const saved = await move.mutateAsync({ id: a.id, body });
      notifications.show({ color: 'teal', title: 'Appointment changed', message: formatLocalDateTime(saved.start) });
      onClose();
    } catch (e) {
      const c = conflictsOf(e);
      if (c) setConflicts(c);
      else setGeneral(userMessageFor(e));
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormError message={general} />
        {a.seriesId ? (
          <Radio.Group label="Change" value={scope} onChange={(s) => setScope(s as EditScope)} data-testid="edit-scope">
            <Group gap="md" mt={4}>
              <Radio value="this" label="This occurrence" />
              <Radio value="following" label="This and following" />
              <Radio value="series" label="The whole series" />
            </Group>
          </Radio.Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput type="date" label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="edit-date" />
          <TextInput
            type="time"
            label={`Start time (${a.timeZone})`}
            step={300}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value.slice(0, 5))}
            data-testid="edit-time"
          />
          <NumberInput
            label="Length (minutes)"
            min={5}
            max={480}
            step={5}
            allowDecimal={false}
            value={duration}
            onChange={(n) => setDuration(typeof n === 'number' ? n : Number(n) || 0)}
          />
          <Select
            label="Clinician"
            searchable
            allowDeselect={false}
            data={(clinicians.data ?? []).map((c) => ({ value: c.id, label: staffDisplayName(c) }))}
            value={clinicianId}
            onChange={(v) => v && setClinicianId(v)}
          />
          <Select
            label="Appointment type"
            allowDeselect={false}
            data={(types.data ?? [])
              .filter((t) => (t.active && !t.isGroup) || t.id === typeId)
              .map((t) => ({ value: t.id, label: t.name }))}
            value={typeId}
            onChange={(v) => v && setTypeId(v)}
          />
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <Select
              label="Room"
              placeholder={telehealth ? 'Not needed for telehealth' : 'No room'}
              clearable
              disabled={telehealth}
              data={rooms.map((r) => ({ value: r.id, label: r.name }))}
              value={telehealth ? null : roomId || null}
              onChange={(v) => setRoomId(v ?? '')}
              style={{ flex: 1 }}
            />
            <Switch label="Telehealth" checked={telehealth} onChange={(e) => setTelehealth(e.currentTarget.checked)} mb={8} />
          </Group>
        </SimpleGrid>
        {scope !== 'this' ? (
          <>
            <Checkbox
              label="Change how it repeats"
              checked={changeRepeat}
              onChange={(e) => setChangeRepeat(e.currentTarget.checked)}
            />
            {changeRepeat ? <RepeatFields value={repeatValue} startDate={date} onChange={setRepeat} /> : null}
          </>
        ) : null}
        <Textarea label="Reason" description="Optional. Kept in the history." autosize minRows={1} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {conflicts ? (
          <Alert color="red" role="alert" title="Not changed: the new time conflicts" data-testid="edit-conflicts">
            <ConflictList items={conflicts} />
          </Alert>
        ) : null}
        {series.isError ? <Alert color="yellow">{userMessageFor(series.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={move.isPending} data-testid="edit-save">
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

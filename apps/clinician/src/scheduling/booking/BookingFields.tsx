import type { TAppointmentType, TLocation, TStaff } from '@hearth/contracts';
import { Group, NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { staffDisplayName } from '../../lib/format';
import { withDate, withType, type BookingField, type BookingValues } from './booking-model';
import { PatientPicker } from './PatientPicker';

interface Props {
  values: BookingValues;
  onChange: (v: BookingValues) => void;
  /** Messages for fields the person tried to save without. */
  errors: Partial<Record<BookingField, string>>;
  clinicians: TStaff[];
  locations: TLocation[];
  types: TAppointmentType[];
  /** The patient is fixed (booking from the chart). */
  patientLocked: boolean;
}

/** Who, with whom, what, where and when. */
export function BookingFields({ values: v, onChange, errors, clinicians, locations, types, patientLocked }: Props) {
  const location = locations.find((l) => l.id === v.locationId);
  const rooms = (location?.rooms ?? []).filter((r) => r.active || r.id === v.roomId);
  const type = types.find((t) => t.id === v.appointmentTypeId);
  const set = (patch: Partial<BookingValues>) => onChange({ ...v, ...patch });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      <PatientPicker
        value={v.patient}
        onChange={(patient) => set({ patient })}
        error={errors.patient}
        disabled={patientLocked}
      />
      <Select
        label="Clinician"
        required
        searchable
        data={clinicians.map((c) => ({ value: c.id, label: staffDisplayName(c) }))}
        value={v.clinicianId || null}
        onChange={(id) => set({ clinicianId: id ?? '' })}
        error={errors.clinicianId}
        data-testid="booking-clinician"
      />
      <Select
        label="Appointment type"
        required
        searchable
        data={types
          .filter((t) => (t.active && !t.isGroup) || t.id === v.appointmentTypeId)
          .map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
        value={v.appointmentTypeId || null}
        onChange={(id) => onChange(withType(v, types.find((t) => t.id === id)))}
        error={errors.appointmentTypeId}
        data-testid="booking-type"
      />
      <NumberInput
        label="Length (minutes)"
        required
        min={5}
        max={480}
        step={5}
        allowDecimal={false}
        value={v.durationMinutes || ''}
        onChange={(n) => set({ durationMinutes: typeof n === 'number' ? n : Number(n) || 0 })}
        error={errors.durationMinutes}
        description={type && type.durationMinutes !== v.durationMinutes ? `The type's usual length is ${type.durationMinutes} minutes` : undefined}
      />
      <Select
        label="Location"
        required
        data={locations.filter((l) => l.active || l.id === v.locationId).map((l) => ({ value: l.id, label: l.name }))}
        value={v.locationId || null}
        onChange={(id) => set({ locationId: id ?? '', roomId: '' })}
        error={errors.locationId}
        allowDeselect={false}
        data-testid="booking-location"
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label="Room"
          placeholder={v.telehealth ? 'Not needed for telehealth' : 'No room'}
          clearable
          disabled={v.telehealth}
          data={rooms.map((r) => ({ value: r.id, label: r.name }))}
          value={v.telehealth ? null : v.roomId || null}
          onChange={(id) => set({ roomId: id ?? '' })}
          style={{ flex: 1 }}
          data-testid="booking-room"
        />
        <Switch
          label="Telehealth"
          checked={v.telehealth}
          disabled={type?.mode === 'telehealth' || type?.mode === 'in_person'}
          onChange={(e) => set({ telehealth: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <TextInput
        type="date"
        label="Date"
        required
        value={v.date}
        onChange={(e) => onChange(withDate(v, e.currentTarget.value))}
        error={errors.date}
        data-testid="booking-date"
      />
      <TextInput
        type="time"
        label={`Start time${location ? ` (${location.timeZone})` : ''}`}
        required
        step={300}
        value={v.time}
        onChange={(e) => set({ time: e.currentTarget.value.slice(0, 5), skip: [], moves: {} })}
        error={errors.time}
        data-testid="booking-time"
      />
    </SimpleGrid>
  );
}

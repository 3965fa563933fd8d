import type { TAppointmentType, TBookingRequest, TLocation } from '@hearth/contracts';
import { NO_REPEAT, adaptToStart, buildRule, isWeeklyPattern, type RepeatChoice } from './repeat';
import { isoWeekday } from '../time';
import type { PickedPatient } from './PatientPicker';

/** What opens the booking dialog already knows (a clicked slot, a chart, a drag across slots). */
export interface BookingPrefill {
  patient?: PickedPatient | null;
  clinicianId?: string | null;
  locationId?: string | null;
  roomId?: string | null;
  /** Local start 'YYYY-MM-DDTHH:MM'. */
  start?: string | null;
  durationMinutes?: number | null;
}

export interface BookingValues {
  patient: PickedPatient | null;
  clinicianId: string;
  locationId: string;
  roomId: string;
  appointmentTypeId: string;
  durationMinutes: number;
  telehealth: boolean;
  date: string;
  time: string;
  repeat: RepeatChoice;
  /** Occurrences (their place in the rule) left out. */
  skip: string[];
  /** Occurrence → new local start. */
  moves: Record<string, string>;
}

export function initialValues(
  prefill: BookingPrefill,
  defaults: { date: string; locationId: string; clinicianId: string },
): BookingValues {
  const start = prefill.start ?? `${defaults.date}T09:00`;
  return {
    patient: prefill.patient ?? null,
    clinicianId: prefill.clinicianId ?? defaults.clinicianId,
    locationId: prefill.locationId ?? defaults.locationId,
    roomId: prefill.roomId ?? '',
    appointmentTypeId: '',
    durationMinutes: prefill.durationMinutes ?? 0,
    telehealth: false,
    date: start.slice(0, 10),
    time: start.slice(11, 16),
    repeat: { ...NO_REPEAT, weekdays: [isoWeekday(start.slice(0, 10))] },
    skip: [],
    moves: {},
  };
}

/** Changing the date keeps the repeat choice sensible and forgets skips and moves of the old dates. */
export function withDate(v: BookingValues, date: string): BookingValues {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ...v, date };
  const repeat = /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? adaptToStart(v.repeat, v.date, date) : v.repeat;
  return { ...v, date, repeat, skip: [], moves: {} };
}

/** The duration and mode a newly chosen type brings (the person can still change them). */
export function withType(v: BookingValues, type: TAppointmentType | undefined): BookingValues {
  if (!type) return { ...v, appointmentTypeId: '' };
  return {
    ...v,
    appointmentTypeId: type.id,
    durationMinutes: type.durationMinutes,
    telehealth: type.mode === 'telehealth' ? true : type.mode === 'in_person' ? false : v.telehealth,
  };
}

export type BookingField = 'patient' | 'clinicianId' | 'locationId' | 'appointmentTypeId' | 'durationMinutes' | 'date' | 'time';

/** What is still missing before a preview or a booking can be asked for. */
export function missingFields(v: BookingValues): Partial<Record<BookingField, string>> {
  const out: Partial<Record<BookingField, string>> = {};
  if (!v.patient) out.patient = 'Choose the patient';
  if (!v.clinicianId) out.clinicianId = 'Choose the clinician';
  if (!v.locationId) out.locationId = 'Choose the location';
  if (!v.appointmentTypeId) out.appointmentTypeId = 'Choose the appointment type';
  if (!Number.isInteger(v.durationMinutes) || v.durationMinutes < 5 || v.durationMinutes > 480)
    out.durationMinutes = 'Enter whole minutes from 5 to 480';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) out.date = 'Choose the date';
  if (!/^\d{2}:\d{2}$/.test(v.time)) out.time = 'Choose the time';
  return out;
}

/** The request for the preview and the booking, or null while something required is missing. */
export function toRequest(v: BookingValues, locations: TLocation[] | undefined): TBookingRequest | null {
  if (Object.keys(missingFields(v)).length > 0 || !v.patient) return null;
  const recurrence = v.repeat.pattern === 'none' ? null : buildRule(v.repeat, v.date);
  if (v.repeat.pattern !== 'none' && !recurrence) return null;
  const location = locations?.find((l) => l.id === v.locationId);
  return {
    patientId: v.patient.id,
    clinicianId: v.clinicianId,
    locationId: v.locationId,
    roomId: v.telehealth || !v.roomId ? null : v.roomId,
    appointmentTypeId: v.appointmentTypeId,
    telehealth: v.telehealth,
    start: `${v.date}T${v.time}`,
    durationMinutes: v.durationMinutes,
    ...(location ? { timeZone: location.timeZone } : {}),
    recurrence,
    ...(recurrence ? { skip: v.skip, moves: Object.entries(v.moves).map(([occurrence, start]) => ({ occurrence, start })) } : {}),
  };
}

export const repeatsWeekly = (v: BookingValues) => isWeeklyPattern(v.repeat.pattern);

import type { TAppointmentType, TCreateGroupRequest, TLocation } from '@hearth/contracts';
import {
  NO_REPEAT,
  adaptToStart,
  buildRule,
  repeatProblem,
  type RepeatChoice,
} from '../scheduling/booking/repeat';
import { isoWeekday } from '../scheduling/time';

// The "New group" form: what a person fills in, and the request it becomes. The schedule is chosen
// in plain words (first date, time, "weekly on Tuesday") and sent as an RFC 5545 rule.

export interface GroupFormValues {
  name: string;
  description: string;
  appointmentTypeId: string;
  locationId: string;
  roomId: string;
  /** The first is the lead, whose calendar holds the sessions. */
  facilitatorIds: string[];
  capacity: number | '';
  /** First session, local to the location. */
  date: string;
  time: string;
  durationMinutes: number | '';
  repeat: RepeatChoice;
  /** Sessions (their local start) left out because they clash. */
  skip: string[];
}

export type GroupFormField = keyof Omit<GroupFormValues, 'skip'>;

export function initialGroupValues(
  today: string,
  types: TAppointmentType[],
  locations: TLocation[],
): GroupFormValues {
  const type = types.find((t) => t.isGroup && t.active);
  const location = locations.find((l) => l.active);
  return {
    name: '',
    description: '',
    appointmentTypeId: type?.id ?? '',
    locationId: location?.id ?? '',
    roomId: '',
    facilitatorIds: [],
    capacity: 8,
    date: today,
    time: '18:00',
    durationMinutes: type?.durationMinutes ?? 90,
    repeat: { ...NO_REPEAT, pattern: 'weekly', weekdays: [isoWeekday(today)] },
    skip: [],
  };
}

/** A new first date keeps the weekly pattern on its weekday, and forgets skipped dates. */
export function withStartDate(v: GroupFormValues, date: string): GroupFormValues {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ...v, date };
  const repeat = /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? adaptToStart(v.repeat, v.date, date) : v.repeat;
  return { ...v, date, repeat, skip: [] };
}

/** What is missing or wrong before the form can be sent, by field. */
export function groupFormProblems(v: GroupFormValues): Partial<Record<GroupFormField, string>> {
  const out: Partial<Record<GroupFormField, string>> = {};
  if (!v.name.trim()) out.name = 'Give the group a name';
  if (!v.appointmentTypeId) out.appointmentTypeId = 'Choose a group appointment type';
  if (!v.locationId) out.locationId = 'Choose the location';
  if (v.facilitatorIds.length === 0) out.facilitatorIds = 'Choose at least one facilitator';
  if (v.capacity === '' || !Number.isInteger(v.capacity) || v.capacity < 1 || v.capacity > 100)
    out.capacity = 'Enter a capacity from 1 to 100';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) out.date = 'Choose the date of the first session';
  if (!/^\d{2}:\d{2}$/.test(v.time)) out.time = 'Choose the start time';
  if (v.durationMinutes === '' || v.durationMinutes < 5 || v.durationMinutes > 480)
    out.durationMinutes = 'Enter a length from 5 to 480 minutes';
  if (v.repeat.pattern === 'none') out.repeat = 'A group meets more than once: choose how it repeats';
  else if (!out.date) {
    const p = repeatProblem(v.repeat, v.date);
    if (p) out.repeat = p.message;
  }
  return out;
}

export function toGroupRequest(v: GroupFormValues): TCreateGroupRequest {
  return {
    name: v.name.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    appointmentTypeId: v.appointmentTypeId,
    locationId: v.locationId,
    roomId: v.roomId || null,
    capacity: Number(v.capacity),
    facilitatorIds: v.facilitatorIds,
    schedule: {
      start: `${v.date}T${v.time}`,
      durationMinutes: Number(v.durationMinutes),
      recurrence: buildRule(v.repeat, v.date) ?? '',
      ...(v.skip.length ? { skip: v.skip } : {}),
    },
  };
}

/** Which form field a server error names ("schedule.recurrence" → the repeat choice). */
export function formFieldOf(serverField: string): GroupFormField | null {
  const map: Record<string, GroupFormField> = {
    name: 'name',
    description: 'description',
    appointmentTypeId: 'appointmentTypeId',
    locationId: 'locationId',
    roomId: 'roomId',
    capacity: 'capacity',
    facilitatorIds: 'facilitatorIds',
    'schedule.start': 'date',
    'schedule.recurrence': 'repeat',
    'schedule.durationMinutes': 'durationMinutes',
    'schedule.timeZone': 'time',
  };
  return map[serverField] ?? map[serverField.replace(/\.\d+$/, '')] ?? null;
}

/** The location's zone, to say in which time the sessions are. */
export const zoneOf = (locations: TLocation[], locationId: string) =>
  locations.find((l) => l.id === locationId)?.timeZone ?? null;

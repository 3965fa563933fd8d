import { describe, expect, it } from 'vitest';
import type { TAppointmentType, TLocation } from '@hearth/contracts';
import {
  formFieldOf,
  groupFormProblems,
  initialGroupValues,
  toGroupRequest,
  withStartDate,
} from './group-form-model';

const types = [
  { id: 't-ind', isGroup: false, active: true, durationMinutes: 53 },
  { id: 't-grp', isGroup: true, active: true, durationMinutes: 90 },
] as TAppointmentType[];
const locations = [
  { id: 'loc', active: true, timeZone: 'America/Chicago', rooms: [] },
] as unknown as TLocation[];

describe('the new group form', () => {
  it('starts weekly on the first date\u2019s weekday with the group type\u2019s length', () => {
    const v = initialGroupValues('2027-01-05', types, locations);
    expect(v).toMatchObject({
      appointmentTypeId: 't-grp',
      durationMinutes: 90,
      locationId: 'loc',
      time: '18:00',
    });
    expect(v.repeat).toMatchObject({ pattern: 'weekly', weekdays: [2], end: 'never' });
  });

  it('turns plain words into the request: Tuesdays at 6 pm, weekly, for twelve sessions', () => {
    const v = {
      ...initialGroupValues('2027-01-05', types, locations),
      name: ' DBT skills ',
      facilitatorIds: ['a', 'b'],
      repeat: {
        ...initialGroupValues('2027-01-05', types, locations).repeat,
        end: 'after' as const,
        count: 12,
      },
    };
    expect(groupFormProblems(v)).toEqual({});
    expect(toGroupRequest(v)).toEqual({
      name: 'DBT skills',
      appointmentTypeId: 't-grp',
      locationId: 'loc',
      roomId: null,
      capacity: 8,
      facilitatorIds: ['a', 'b'],
      schedule: {
        start: '2027-01-05T18:00',
        durationMinutes: 90,
        recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12',
      },
    });
  });

  it('moving the first date to a Thursday moves the weekly day with it', () => {
    const v = withStartDate(
      { ...initialGroupValues('2027-01-05', types, locations), skip: ['2027-01-12T18:00'] },
      '2027-01-07',
    );
    expect(v.repeat.weekdays).toEqual([4]);
    expect(v.skip).toEqual([]);
  });

  it('says what is missing, field by field', () => {
    const v = {
      ...initialGroupValues('2027-01-05', types, locations),
      capacity: 0,
      repeat: { ...initialGroupValues('2027-01-05', types, locations).repeat, pattern: 'none' as const },
    };
    expect(Object.keys(groupFormProblems(v)).sort()).toEqual([
      'capacity',
      'facilitatorIds',
      'name',
      'repeat',
    ]);
  });

  it('maps the server\u2019s field names onto the form', () => {
    expect(formFieldOf('schedule.recurrence')).toBe('repeat');
    expect(formFieldOf('facilitatorIds.1')).toBe('facilitatorIds');
    expect(formFieldOf('schedule.start')).toBe('date');
    expect(formFieldOf('somethingElse')).toBeNull();
  });
});

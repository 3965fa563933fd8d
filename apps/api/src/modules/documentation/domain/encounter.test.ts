import { describe, expect, it } from 'vitest';
import { minutesBetween, posCodeFor, sessionEnd, stopAfterStart, toInstant, toLocal } from './encounter.js';

describe('encounter times', () => {
  it('converts local times on the service date to instants in the zone and back', () => {
    expect(toInstant('2027-03-15', '15:00', 'America/Chicago').toISOString()).toBe('2027-03-15T20:00:00.000Z');
    expect(toLocal(new Date('2027-03-15T20:00:00Z'), 'America/Chicago')).toEqual({ date: '2027-03-15', time: '15:00' });
    // Across the spring-forward change (2027-03-14 in the US): 15:00 is then UTC-5 in Chicago, UTC-6 the day before.
    expect(toInstant('2027-03-13', '15:00', 'America/Chicago').toISOString()).toBe('2027-03-13T21:00:00.000Z');
    expect(toInstant('2027-03-14', '15:00', 'America/Chicago').toISOString()).toBe('2027-03-14T20:00:00.000Z');
    // A late-evening session is still on its local date.
    expect(toLocal(new Date('2027-03-16T03:30:00Z'), 'America/Los_Angeles')).toEqual({ date: '2027-03-15', time: '20:30' });
  });

  it('counts minutes from start to stop', () => {
    expect(minutesBetween('15:00', '15:53')).toBe(53);
    expect(minutesBetween('09:45', '11:15')).toBe(90);
    expect(minutesBetween('15:00', '15:00')).toBeNull();
    expect(minutesBetween('15:00', '14:00')).toBeNull();
    expect(minutesBetween('15:00', null)).toBeNull();
    expect(stopAfterStart('15:00', '15:01')).toBe(true);
    expect(stopAfterStart('15:00', '14:59')).toBe(false);
    expect(stopAfterStart(null, '14:59')).toBe(true);
  });

  it('the session ends at the stop time, else at the end of the service date in the zone', () => {
    const stop = new Date('2027-03-15T20:50:00Z');
    expect(sessionEnd('2027-03-15', stop, 'America/Chicago')).toBe(stop);
    expect(sessionEnd('2027-03-15', null, 'America/Chicago').toISOString()).toBe('2027-03-16T05:00:00.000Z');
    expect(sessionEnd('2027-11-06', null, 'America/New_York').toISOString()).toBe('2027-11-07T04:00:00.000Z');
  });

  it('gives the place-of-service code: the location in person, 10 or 02 by telehealth', () => {
    expect(posCodeFor({ placeOfService: 'in_person', patientLocation: null, locationPos: '53' })).toBe('53');
    expect(posCodeFor({ placeOfService: 'in_person', patientLocation: null, locationPos: null })).toBe('11');
    expect(posCodeFor({ placeOfService: 'telehealth', patientLocation: null, locationPos: '11' })).toBe('10');
    expect(posCodeFor({ placeOfService: 'telehealth', patientLocation: 'Home, Springfield IL', locationPos: '11' })).toBe('10');
    expect(posCodeFor({ placeOfService: 'telehealth', patientLocation: 'At work (office), Chicago', locationPos: '11' })).toBe('02');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../platform/errors.js';
import { activeOn, checkCapacityChange, checkDischarge, checkEnrolment, peakFrom, rosterOn, sortRoster, type Membership } from './roster.js';

const m = (id: string, enrolledOn: string, dischargedOn: string | null = null, patientId = `p-${id}`): Membership => ({ id, patientId, enrolledOn, dischargedOn });

const fieldsOf = (fn: () => void): { code: string; fields: string[] } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, fields: e.issues.map((i) => i.field) };
    throw e;
  }
  return { code: 'none', fields: [] };
};

describe('roster on a date', () => {
  const members = [m('a', '2027-01-05'), m('b', '2027-01-12', '2027-01-19'), m('c', '2027-02-02')];

  it('includes a member from their enrolment date through their discharge date', () => {
    expect(rosterOn(members, '2027-01-04').map((x) => x.id)).toEqual([]);
    expect(rosterOn(members, '2027-01-05').map((x) => x.id)).toEqual(['a']);
    expect(rosterOn(members, '2027-01-12').map((x) => x.id)).toEqual(['a', 'b']);
    // The discharge date is the member's last day: a session that day still expects them.
    expect(rosterOn(members, '2027-01-19').map((x) => x.id)).toEqual(['a', 'b']);
    expect(rosterOn(members, '2027-01-20').map((x) => x.id)).toEqual(['a']);
    expect(rosterOn(members, '2027-02-02').map((x) => x.id)).toEqual(['a', 'c']);
  });

  it('a member who joins a running group is not expected at earlier sessions', () => {
    expect(activeOn(members[2]!, '2027-01-26')).toBe(false);
    expect(activeOn(members[2]!, '2027-02-02')).toBe(true);
  });
});

describe('capacity', () => {
  it('counts the busiest day from the date on, later enrolments included', () => {
    const members = [m('a', '2027-01-05'), m('b', '2027-01-05', '2027-01-19'), m('c', '2027-03-02')];
    expect(peakFrom(members, '2027-01-05')).toBe(2);
    expect(peakFrom(members, '2027-01-20')).toBe(2); // a and, from March, c
    expect(peakFrom(members, '2028-01-01')).toBe(2);
    expect(peakFrom([m('x', '2027-01-05', '2027-01-10')], '2027-01-11')).toBe(0);
  });

  it('refuses an enrolment when the group is full on that day, naming enrolledOn', () => {
    const members = [m('a', '2027-01-05'), m('b', '2027-01-05')];
    const r = fieldsOf(() => checkEnrolment({ members, capacity: 2, groupStatus: 'active', patientId: 'new', enrolledOn: '2027-02-01' }));
    expect(r).toEqual({ code: 'conflict', fields: ['enrolledOn'] });
  });

  it('lets someone join once a place frees up, but not before', () => {
    const members = [m('a', '2027-01-05'), m('b', '2027-01-05', '2027-01-31')];
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 2, groupStatus: 'active', patientId: 'new', enrolledOn: '2027-01-31' })).code).toBe('conflict');
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 2, groupStatus: 'active', patientId: 'new', enrolledOn: '2027-02-01' })).code).toBe('none');
  });

  it('an earlier enrolment cannot take a place a later one already holds', () => {
    // b was discharged, c enrols from March: someone joining in February would make three in March.
    const members = [m('a', '2027-01-05'), m('b', '2027-01-05', '2027-01-31'), m('c', '2027-03-01')];
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 2, groupStatus: 'active', patientId: 'new', enrolledOn: '2027-02-10' })).fields).toEqual(['enrolledOn']);
  });

  it('never lets the roster exceed capacity on any day (property)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(day, fc.option(fc.integer({ min: 0, max: 30 }), { nil: null })), { maxLength: 15 }), (capacity, requests) => {
        const members: Membership[] = [];
        requests.forEach(([enrolledOn, stay], i) => {
          try {
            checkEnrolment({ members, capacity, groupStatus: 'active', patientId: `p${i}`, enrolledOn });
            const dischargedOn = stay === null ? null : new Date(Date.parse(enrolledOn) + stay * 86_400_000).toISOString().slice(0, 10);
            members.push(m(`m${i}`, enrolledOn, dischargedOn, `p${i}`));
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
          }
        });
        for (let n = 0; n <= 95; n++) {
          const d = new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
          expect(rosterOn(members, d).length).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('refuses a capacity below the members already enrolled, naming capacity', () => {
    const members = [m('a', '2027-01-05'), m('b', '2027-01-05'), m('c', '2027-01-05', '2027-01-10')];
    expect(fieldsOf(() => checkCapacityChange(members, 1, '2027-01-11'))).toEqual({ code: 'conflict', fields: ['capacity'] });
    expect(fieldsOf(() => checkCapacityChange(members, 2, '2027-01-11')).code).toBe('none');
  });
});

describe('enrolment and discharge windows', () => {
  it('refuses a second enrolment that overlaps the first, naming patientId', () => {
    const members = [m('a', '2027-01-05', null, 'pat')];
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 9, groupStatus: 'active', patientId: 'pat', enrolledOn: '2027-03-01' }))).toEqual({ code: 'conflict', fields: ['patientId'] });
  });

  it('allows re-joining after a discharge, from the day after it', () => {
    const members = [m('a', '2027-01-05', '2027-02-01', 'pat')];
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 9, groupStatus: 'active', patientId: 'pat', enrolledOn: '2027-02-01' })).fields).toEqual(['patientId']);
    expect(fieldsOf(() => checkEnrolment({ members, capacity: 9, groupStatus: 'active', patientId: 'pat', enrolledOn: '2027-02-02' })).code).toBe('none');
  });

  it('an ended group takes no one', () => {
    expect(fieldsOf(() => checkEnrolment({ members: [], capacity: 9, groupStatus: 'ended', patientId: 'pat', enrolledOn: '2027-02-02' })).code).toBe('conflict');
  });

  it('a discharge is not before the enrolment, not twice, and not before attendance already taken', () => {
    const member = m('a', '2027-01-05');
    expect(fieldsOf(() => checkDischarge({ member, dischargedOn: '2027-01-04', lastRecordedSession: null }))).toEqual({ code: 'validation', fields: ['dischargedOn'] });
    expect(fieldsOf(() => checkDischarge({ member, dischargedOn: '2027-01-05', lastRecordedSession: null })).code).toBe('none');
    expect(fieldsOf(() => checkDischarge({ member, dischargedOn: '2027-01-19', lastRecordedSession: '2027-01-26' }))).toEqual({ code: 'conflict', fields: ['dischargedOn'] });
    expect(fieldsOf(() => checkDischarge({ member, dischargedOn: '2027-01-26', lastRecordedSession: '2027-01-26' })).code).toBe('none');
    expect(fieldsOf(() => checkDischarge({ member: { ...member, dischargedOn: '2027-02-01' }, dischargedOn: '2027-02-05', lastRecordedSession: null })).code).toBe('conflict');
  });

  it('lists current members by enrolment, then past ones by most recent discharge', () => {
    const members = [m('old', '2026-01-01', '2026-06-01'), m('later', '2027-02-01'), m('now', '2027-01-01'), m('recent', '2026-02-01', '2026-12-01')];
    expect(sortRoster(members, '2027-01-10').map((x) => x.id)).toEqual(['now', 'later', 'recent', 'old']);
  });
});

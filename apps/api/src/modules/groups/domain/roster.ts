import { DomainError, invalid } from '../../../platform/errors.js';

// The roster of a group over time. A membership covers its enrolment date through its discharge
// date, both inclusive (the discharge date is the member's last day, so a session held that day
// still expects them). Dates are local 'YYYY-MM-DD' strings, which compare correctly as text.

export interface Membership {
  id: string;
  patientId: string;
  enrolledOn: string;
  dischargedOn: string | null;
}

export const activeOn = (m: Membership, date: string): boolean =>
  m.enrolledOn <= date && (m.dischargedOn === null || date <= m.dischargedOn);

/** The members expected at a session held on `date`. */
export function rosterOn<M extends Membership>(members: readonly M[], date: string): M[] {
  return members.filter((m) => activeOn(m, date));
}

/**
 * The most members on the roster on any day from `from` on. Occupancy only rises on an enrolment
 * date, so the peak is on `from` itself or on a later enrolment date.
 */
export function peakFrom(members: readonly Membership[], from: string): number {
  const days = new Set([from, ...members.map((m) => m.enrolledOn).filter((d) => d > from)]);
  let peak = 0;
  for (const d of days) peak = Math.max(peak, rosterOn(members, d).length);
  return peak;
}

export interface EnrolmentCheck {
  members: readonly Membership[];
  capacity: number;
  groupStatus: 'active' | 'ended';
  patientId: string;
  enrolledOn: string;
}

/**
 * A patient may join a group (also one already running) when it has not ended, they are not on
 * its roster already for any day from their enrolment on, and it has a free place on every day
 * from then on (a later enrolment can fill the group before this one would start).
 */
export function checkEnrolment(c: EnrolmentCheck): void {
  if (c.groupStatus === 'ended') throw new DomainError('conflict', 'This group has ended; members can no longer join it.');
  const overlapping = c.members.some((m) => m.patientId === c.patientId && (m.dischargedOn === null || m.dischargedOn >= c.enrolledOn));
  if (overlapping) {
    throw new DomainError('conflict', 'This patient is already on the roster of this group.', [{ field: 'patientId', message: 'is already on the roster of this group' }]);
  }
  const taken = peakFrom(c.members, c.enrolledOn);
  if (taken + 1 > c.capacity) {
    throw new DomainError('conflict', `The group is full: all ${c.capacity} places are taken on or after that date.`, [
      { field: 'enrolledOn', message: `the group is full (${c.capacity} of ${c.capacity} places taken) on or after this date` },
    ]);
  }
}

export interface DischargeCheck {
  member: Membership;
  dischargedOn: string;
  /** The latest session date with an attendance status other than the default recorded for this member. */
  lastRecordedSession: string | null;
}

/** A discharge ends the membership on a date not before it began and not before attendance already taken. */
export function checkDischarge(c: DischargeCheck): void {
  if (c.member.dischargedOn !== null) throw new DomainError('conflict', 'This member has already been discharged from the group.');
  if (c.dischargedOn < c.member.enrolledOn) throw invalid('dischargedOn', 'must be on or after the enrolment date');
  if (c.lastRecordedSession && c.lastRecordedSession > c.dischargedOn) {
    throw new DomainError('conflict', 'Attendance is already recorded for this member at a later session.', [
      { field: 'dischargedOn', message: 'is before a session where attendance is already recorded for this member' },
    ]);
  }
}

/** Lowering the capacity below the members already enrolled from today on is refused. */
export function checkCapacityChange(members: readonly Membership[], capacity: number, today: string): void {
  const taken = peakFrom(members, today);
  if (capacity < taken) {
    throw new DomainError('conflict', `The group already has ${taken} members enrolled; the capacity cannot be lower.`, [
      { field: 'capacity', message: `is below the ${taken} members already enrolled` },
    ]);
  }
}

/** Current and future members first (by enrolment), then past ones (most recent discharge first). */
export function sortRoster<M extends Membership>(members: readonly M[], today: string): M[] {
  const current = (m: M) => m.dischargedOn === null || m.dischargedOn >= today;
  return [...members].sort((a, b) => {
    const ca = current(a);
    const cb = current(b);
    if (ca !== cb) return ca ? -1 : 1;
    if (ca) return a.enrolledOn.localeCompare(b.enrolledOn) || a.id.localeCompare(b.id);
    return (b.dischargedOn ?? '').localeCompare(a.dischargedOn ?? '') || a.id.localeCompare(b.id);
  });
}

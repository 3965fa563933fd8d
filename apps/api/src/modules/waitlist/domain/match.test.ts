import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coveringWindow, matchEntry, rankWaitlist, type OpenSlot, type WaitlistCandidate } from './match.js';

const SLOT: OpenSlot = {
  clinicianId: 'c1', appointmentTypeId: 't1', locationId: 'l1', telehealth: false,
  weekday: 2, startTime: '15:00', endTime: '15:53', patientId: 'p-cancelled',
  names: { clinician: 'Dana Reyes', appointmentType: 'Individual therapy, 53 min', location: 'Main office' },
};
let n = 0;
const entry = (o: Partial<WaitlistCandidate> = {}): WaitlistCandidate => ({
  id: `e${(n++).toString().padStart(3, '0')}`, patientId: `p${n}`, clinicianId: null, appointmentTypeId: null, locationId: null,
  telehealthOk: true, preferredTimes: [], priority: 2, addedOn: '2027-01-10', ...o,
});
const TODAY = '2027-03-15';

describe('coveringWindow', () => {
  const tue = { weekday: 2, from: '14:00', to: '16:00' };
  it.each([
    ['inside', { weekday: 2, startTime: '15:00', endTime: '15:53' }, true],
    ['exactly the window', { weekday: 2, startTime: '14:00', endTime: '16:00' }, true],
    ['starting before', { weekday: 2, startTime: '13:59', endTime: '15:00' }, false],
    ['ending after', { weekday: 2, startTime: '15:30', endTime: '16:01' }, false],
    ['another weekday', { weekday: 3, startTime: '15:00', endTime: '15:53' }, false],
  ])('a slot %s', (_n, slot, ok) => expect(!!coveringWindow([tue], slot)).toBe(ok));
  it('accepts a window running to midnight', () => {
    expect(coveringWindow([{ weekday: 5, from: '18:00', to: '24:00' }], { weekday: 5, startTime: '23:00', endTime: '24:00' })).not.toBeNull();
  });
});

describe('matchEntry', () => {
  it('matches an entry with no wishes at all, saying so', () => {
    expect(matchEntry(SLOT, entry({ priority: 1, addedOn: '2027-03-14' }), TODAY)!.map((r) => r.text)).toEqual([
      'Any clinician', 'Any appointment type', 'Any location', 'Any time of the week', 'Priority 1 (most urgent)', 'Waiting 1 day (added 2027-03-14)',
    ]);
  });
  it('names the wishes that match', () => {
    const r = matchEntry(SLOT, entry({ clinicianId: 'c1', appointmentTypeId: 't1', locationId: 'l1', preferredTimes: [{ weekday: 1, from: '09:00', to: '12:00' }, { weekday: 2, from: '14:00', to: '18:00' }] }), TODAY)!;
    expect(r.map((x) => x.code)).toEqual(['clinician', 'appointment_type', 'location', 'preferred_time', 'priority', 'waiting']);
    expect(r.map((x) => x.text)).toContain('Wants Dana Reyes');
    expect(r.map((x) => x.text)).toContain('Prefers Tuesday 14:00–18:00');
    expect(r.at(-1)!.text).toBe('Waiting 64 days (added 2027-01-10)');
  });
  it.each([
    ['another clinician', { clinicianId: 'c2' }],
    ['another type', { appointmentTypeId: 't2' }],
    ['another location', { locationId: 'l2' }],
    ['times that do not cover the slot', { preferredTimes: [{ weekday: 2, from: '09:00', to: '15:30' }] }],
    ['the patient whose appointment was cancelled', { patientId: 'p-cancelled' }],
  ])('refuses %s', (_n, o) => expect(matchEntry(SLOT, entry(o), TODAY)).toBeNull());
  it('for a telehealth slot, needs openness to telehealth and ignores the wanted location', () => {
    const video = { ...SLOT, telehealth: true };
    expect(matchEntry(video, entry({ telehealthOk: false }), TODAY)).toBeNull();
    const r = matchEntry(video, entry({ locationId: 'l2' }), TODAY)!;
    expect(r.map((x) => x.code)).toContain('telehealth');
    // In person, not wanting telehealth is fine.
    expect(matchEntry(SLOT, entry({ telehealthOk: false }), TODAY)).not.toBeNull();
  });
});

describe('rankWaitlist', () => {
  it('orders by priority, then date added, then id, leaving out what does not fit', () => {
    const a = entry({ priority: 2, addedOn: '2027-01-01' });
    const b = entry({ priority: 1, addedOn: '2027-02-01' });
    const c = entry({ priority: 1, addedOn: '2027-01-15' });
    const d = entry({ priority: 3, addedOn: '2026-06-01' });
    const misfit = entry({ priority: 1, addedOn: '2026-01-01', clinicianId: 'c9' });
    expect(rankWaitlist(SLOT, [a, b, c, d, misfit], TODAY).map((m) => m.entry.id)).toEqual([c.id, b.id, a.id, d.id]);
  });
  it('is the same whatever order the entries come in, and every suggestion matches', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            clinicianId: fc.constantFrom(null, 'c1', 'c2'), appointmentTypeId: fc.constantFrom(null, 't1', 't2'), locationId: fc.constantFrom(null, 'l1', 'l2'),
            telehealthOk: fc.boolean(), priority: fc.integer({ min: 1, max: 3 }), addedOn: fc.constantFrom('2026-12-01', '2027-01-05', '2027-02-20'),
            preferredTimes: fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), from: fc.constantFrom('08:00', '14:00', '15:30'), to: fc.constantFrom('12:00', '16:00', '24:00') }), { maxLength: 3 }),
          }),
          { maxLength: 25 },
        ),
        fc.boolean(),
        (rows, telehealth) => {
          const entries = rows.map((r) => entry(r));
          const slot = { ...SLOT, telehealth };
          const ranked = rankWaitlist(slot, entries, TODAY).map((m) => m.entry.id);
          expect(rankWaitlist(slot, [...entries].reverse(), TODAY).map((m) => m.entry.id)).toEqual(ranked);
          for (const id of ranked) expect(matchEntry(slot, entries.find((e) => e.id === id)!, TODAY)).not.toBeNull();
          expect(ranked.length).toBe(entries.filter((e) => matchEntry(slot, e, TODAY)).length);
        },
      ),
    );
  });
});

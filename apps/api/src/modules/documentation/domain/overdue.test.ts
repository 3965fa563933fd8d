import { describe, expect, it } from 'vitest';
import { dueAt, isLateEntry, isOverdue } from './overdue.js';

const end = new Date('2027-03-15T20:50:00Z');

describe('overdue and late entries', () => {
  it('is due the practice hours after the session ends', () => {
    expect(dueAt(end, 72).toISOString()).toBe('2027-03-18T20:50:00.000Z');
    expect(dueAt(end, 1).toISOString()).toBe('2027-03-15T21:50:00.000Z');
  });

  it('unsigned notes past due are overdue; signed ones never', () => {
    const due = dueAt(end, 72);
    const after = new Date(due.getTime() + 1);
    for (const s of ['draft', 'returned', 'pending_cosign']) {
      expect(isOverdue(s, after, due), s).toBe(true);
      expect(isOverdue(s, due, due), `${s} at the due instant`).toBe(false);
    }
    expect(isOverdue('signed', after, due)).toBe(false);
  });

  it('a signature after the due time is a late entry', () => {
    const due = dueAt(end, 72);
    expect(isLateEntry(new Date(due.getTime() + 60_000), due)).toBe(true);
    expect(isLateEntry(due, due)).toBe(false);
    expect(isLateEntry(end, due)).toBe(false);
  });
});

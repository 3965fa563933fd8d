import { describe, expect, it } from 'vitest';
import { describeDue, formatSpan, waitingFor } from './queue-format';

const NOW = new Date('2025-03-10T12:00:00Z');
const h = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

describe('formatSpan', () => {
  it('uses minutes, hours, then days', () => {
    expect(formatSpan(0)).toBe('1 min');
    expect(formatSpan(45 * 60_000)).toBe('45 min');
    expect(formatSpan(5 * 3_600_000)).toBe('5 h');
    expect(formatSpan(47.9 * 3_600_000)).toBe('47 h');
    expect(formatSpan(72 * 3_600_000)).toBe('3 days');
  });
});

describe('describeDue', () => {
  it('says how long until a note is due', () => {
    expect(describeDue({ dueAt: h(5), overdue: false, status: 'draft' }, NOW)).toEqual({ text: 'Due in 5 h', tone: 'caution' });
    expect(describeDue({ dueAt: h(60), overdue: false, status: 'returned' }, NOW)).toEqual({ text: 'Due in 2 days', tone: 'neutral' });
    expect(describeDue({ dueAt: h(100), overdue: false, status: 'draft' }, NOW)).toEqual({ text: 'Due in 4 days', tone: 'neutral' });
  });
  it('says how overdue a note is', () => {
    expect(describeDue({ dueAt: h(-50), overdue: true, status: 'pending_cosign' }, NOW)).toEqual({ text: 'Overdue by 2 days', tone: 'negative' });
    // The server's flag wins even when the clocks differ by a little.
    expect(describeDue({ dueAt: h(0.01), overdue: true, status: 'draft' }, NOW)?.tone).toBe('negative');
    expect(describeDue({ dueAt: h(-0.5), overdue: false, status: 'draft' }, NOW)).toEqual({ text: 'Overdue by 30 min', tone: 'negative' });
  });
  it('says nothing for signed notes or notes without a due time', () => {
    expect(describeDue({ dueAt: h(-5), overdue: false, status: 'signed' }, NOW)).toBeNull();
    expect(describeDue({ dueAt: null, overdue: false, status: 'draft' }, NOW)).toBeNull();
  });
});

describe('waitingFor', () => {
  it('measures from the author’s signature', () => {
    expect(waitingFor(h(-3), NOW)).toBe('3 h');
    expect(waitingFor(h(-80), NOW)).toBe('3 days');
    expect(waitingFor(null, NOW)).toBe('');
  });
});

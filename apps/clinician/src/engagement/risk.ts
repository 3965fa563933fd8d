import type { TRiskLevel } from '@hearth/contracts';
import type { StatusTone } from '@hearth/ui';

// Words for the dropout-risk score and outreach. The level's word always carries the meaning;
// its colour only repeats it.

export const RISK_LEVEL: Record<TRiskLevel, { label: string; tone: StatusTone }> = {
  low: { label: 'Low risk', tone: 'positive' },
  moderate: { label: 'Moderate risk', tone: 'caution' },
  high: { label: 'High risk', tone: 'negative' },
};

export const OUTREACH_CHANNELS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'Text message' },
  { value: 'letter', label: 'Letter' },
  { value: 'in_person', label: 'In person' },
  { value: 'portal', label: 'Patient portal' },
] as const;

export const OUTREACH_OUTCOMES = [
  { value: 'reached', label: 'Reached the patient' },
  { value: 'left_message', label: 'Left a message' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'sent', label: 'Message sent' },
  { value: 'scheduled', label: 'Appointment scheduled' },
  { value: 'declined', label: 'Declined further care' },
  { value: 'wrong_number', label: 'Wrong number or address' },
] as const;

export const channelLabel = (v: string) => OUTREACH_CHANNELS.find((c) => c.value === v)?.label ?? v;
export const outcomeLabel = (v: string) => OUTREACH_OUTCOMES.find((c) => c.value === v)?.label ?? v;

/** "3 days ago", "today", "in 2 days" relative to today, for dates ('YYYY-MM-DD'). */
export function daysAgo(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

import type { TWaitlistEntry } from '@hearth/contracts';

// Words for waitlist entries: what is wanted and when, in plain terms.

export const WEEKDAYS = [
  { value: '1', label: 'Monday', short: 'Mon' },
  { value: '2', label: 'Tuesday', short: 'Tue' },
  { value: '3', label: 'Wednesday', short: 'Wed' },
  { value: '4', label: 'Thursday', short: 'Thu' },
  { value: '5', label: 'Friday', short: 'Fri' },
  { value: '6', label: 'Saturday', short: 'Sat' },
  { value: '7', label: 'Sunday', short: 'Sun' },
] as const;

export const PRIORITIES = [
  { value: '1', label: '1 – Most urgent' },
  { value: '2', label: '2 – Normal' },
  { value: '3', label: '3 – Flexible' },
] as const;

export const STATUS_LABEL: Record<TWaitlistEntry['status'], string> = {
  open: 'Waiting',
  scheduled: 'Scheduled',
  removed: 'Removed',
};

/** "Tue 14:00–18:00, Thu 09:00–12:00", or "Any time". */
export function describeTimes(times: TWaitlistEntry['preferredTimes']): string {
  if (!times.length) return 'Any time';
  return [...times]
    .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))
    .map((t) => `${WEEKDAYS[t.weekday - 1]?.short ?? t.weekday} ${t.from}–${t.to}`)
    .join(', ');
}

/** "Dana Reyes · Individual therapy · Main office · telehealth OK" (what the entry asks for). */
export function describeWishes(e: TWaitlistEntry): string {
  return [
    e.clinician?.name ?? 'Any clinician',
    e.appointmentType?.name ?? 'any type',
    e.location?.name ?? 'any location',
    e.telehealthOk ? 'telehealth OK' : 'in person only',
  ].join(' · ');
}

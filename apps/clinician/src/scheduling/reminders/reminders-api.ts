import type {
  TCreateReminderRuleRequest,
  TReminderRule,
  TReminderRunResult,
  TReminderSettings,
  TSmsSandbox,
  TUpdateReminderRuleRequest,
} from '@hearth/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

// Reminder rules, "send due reminders now" and the SMS sandbox (admin, scheduling.manage).

export const reminderKeys = { rules: ['reminder-rules'] as const, settings: ['reminder-settings'] as const, sandbox: ['sms-sandbox'] as const };

export const listReminderRules = () => api<TReminderRule[]>('/api/reminder-rules');
export const createReminderRule = (body: TCreateReminderRuleRequest) =>
  api<TReminderRule>('/api/reminder-rules', { method: 'POST', body });
export const updateReminderRule = (id: string, body: TUpdateReminderRuleRequest) =>
  api<TReminderRule>(`/api/reminder-rules/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteReminderRule = (id: string) =>
  api<unknown>(`/api/reminder-rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const runDueReminders = () => api<TReminderRunResult>('/api/reminders/run-due', { method: 'POST' });
export const getReminderSettings = () => api<TReminderSettings>('/api/reminders/settings');
// Reading the sandbox is audited (numbers and first names): fetched when the page opens or on Refresh, not polled.
export const getSmsSandbox = () => api<TSmsSandbox>('/api/reminders/sms-sandbox');

export const useReminderRules = () => useQuery({ queryKey: reminderKeys.rules, queryFn: listReminderRules });
export const useReminderSettings = () => useQuery({ queryKey: reminderKeys.settings, queryFn: getReminderSettings });
export const useSmsSandbox = () => useQuery({ queryKey: reminderKeys.sandbox, queryFn: getSmsSandbox });

export const CHANNEL_LABEL: Record<TReminderRule['channel'], string> = { email: 'E-mail', sms: 'Text message (SMS)' };

/** 2880 → "2 days before", 90 → "1 hour 30 minutes before". */
export function timingLabel(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return `${[part(days, 'day'), part(hours, 'hour'), part(mins, 'minute')].filter(Boolean).join(' ')} before`;
}

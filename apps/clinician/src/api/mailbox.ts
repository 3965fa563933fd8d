import { api, ApiError } from './client';
import type { TMailMessage, TMailSummary } from './types';

/** The demo mailbox (only present in demo mode). Returns null when the server has none. */
export async function probeMailbox(): Promise<TMailSummary[] | null> {
  try {
    return await api<TMailSummary[]>('/api/dev/mailbox', { background: true, allowUnauthenticated: true });
  } catch (e) {
    if (e instanceof ApiError) return null;
    throw e;
  }
}

export const listMail = () =>
  api<TMailSummary[]>('/api/dev/mailbox', { background: true, allowUnauthenticated: true });
export const getMail = (id: string) =>
  api<TMailMessage>(`/api/dev/mailbox/${encodeURIComponent(id)}`, { allowUnauthenticated: true });

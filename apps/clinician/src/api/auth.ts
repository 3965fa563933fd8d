import type { TSessionInfo } from '@hearth/contracts';
import { api, ApiError } from './client';
import type { TMfaEnrollConfirm, TMfaEnrollStart, TSignInResponse } from './types';

/** The current session, or null when nobody is signed in. */
export async function fetchSession(opts: { background?: boolean } = {}): Promise<TSessionInfo | null> {
  try {
    return await api<TSessionInfo>('/api/auth/session', {
      allowUnauthenticated: true,
      background: opts.background,
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const signIn = (email: string, password: string) =>
  api<TSignInResponse>('/api/auth/sign-in', {
    method: 'POST',
    body: { email, password },
    allowUnauthenticated: true,
  });

export const verifyMfa = (code: string) =>
  api<{ status: 'signed_in' }>('/api/auth/mfa/verify', {
    method: 'POST',
    body: { code },
    allowUnauthenticated: true,
  });

export const startMfaEnrollment = () =>
  api<TMfaEnrollStart>('/api/auth/mfa/enroll/start', { method: 'POST', allowUnauthenticated: true });

export const confirmMfaEnrollment = (code: string) =>
  api<TMfaEnrollConfirm>('/api/auth/mfa/enroll/confirm', {
    method: 'POST',
    body: { code },
    allowUnauthenticated: true,
  });

export const signOutRequest = () =>
  api<unknown>('/api/auth/sign-out', { method: 'POST', allowUnauthenticated: true });

export const requestPasswordReset = (email: string) =>
  api<unknown>('/api/auth/password-reset/request', {
    method: 'POST',
    body: { email },
    allowUnauthenticated: true,
  });

export const completePasswordReset = (token: string, newPassword: string) =>
  api<unknown>('/api/auth/password-reset/complete', {
    method: 'POST',
    body: { token, newPassword },
    allowUnauthenticated: true,
  });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<unknown>('/api/auth/change-password', { method: 'POST', body: { currentPassword, newPassword } });

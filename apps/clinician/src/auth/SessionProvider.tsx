import type { TSessionInfo } from '@hearth/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { fetchSession, signOutRequest } from '../api/auth';
import { clearLocalDrafts } from '../notes/editor/draft-store';
import { onUnauthorized, setCsrfToken } from '../api/client';
import { bypassNavigationGuards } from '../lib/navigation-bypass';
import { setSignInNotice } from '../lib/sign-in-notice';
import { clearSessionScopedStorage } from '../lib/storage';
import { SessionContext, type SessionContextValue, type SignOutOptions } from './session-context';

/**
 * Owns "who is signed in". The session lives in React state (not the query cache) so that clearing
 * the cache on sign-out cannot resurrect it. Any 401 from an authenticated call lands here.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<TSessionInfo | null | undefined>(undefined);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signingOut = useRef(false);

  const apply = useCallback((s: TSessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
    return s;
  }, []);

  const refresh = useCallback(async () => apply(await fetchSession({ background: true })), [apply]);

  const signOut = useCallback(
    async ({ notice, callServer = true, keepDrafts = false }: SignOutOptions = {}) => {
      if (signingOut.current) return;
      signingOut.current = true;
      try {
        if (callServer) await signOutRequest().catch(() => undefined);
        setSignInNotice(notice ?? null);
        bypassNavigationGuards();
        apply(null);
        navigate('/sign-in', { replace: true, state: notice ? { notice } : undefined });
        // Drop every cached record (patients, staff, audit...) from memory.
        await queryClient.cancelQueries();
        queryClient.clear();
        clearSessionScopedStorage();
        if (!keepDrafts) clearLocalDrafts();
      } finally {
        signingOut.current = false;
      }
    },
    [apply, navigate, queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    fetchSession({ background: true })
      .then((s) => !cancelled && apply(s))
      .catch(() => !cancelled && apply(null));
    return () => {
      cancelled = true;
    };
  }, [apply]);

  useEffect(() => {
    onUnauthorized(() => {
      void signOut({ callServer: false, keepDrafts: true, notice: 'Your session has ended. Please sign in again.' });
    });
    return () => onUnauthorized(null);
  }, [signOut]);

  const value = useMemo<SessionContextValue>(
    () => ({ session, refresh, signOut }),
    [session, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

import type { TPermission, TSessionInfo } from '@hearth/contracts';
import { createContext, useContext } from 'react';

export interface SignOutOptions {
  /** Shown on the sign-in page, e.g. "You were signed out after 15 minutes of inactivity". */
  notice?: string;
  /**
   * Keep unsaved note text on this device (an idle or expired session: the writer comes back to it).
   * A sign-out someone chooses removes it, so the next person at this computer cannot find it.
   */
  keepDrafts?: boolean;
  /** Also end the session on the server (false when the server already ended it). */
  callServer?: boolean;
}

export interface SessionContextValue {
  /** undefined while the first probe is in flight; null when nobody is signed in. */
  session: TSessionInfo | null | undefined;
  /** Re-reads the session from the server and returns it. */
  refresh: () => Promise<TSessionInfo | null>;
  /** Ends the session, clears every cached record from memory and goes to the sign-in page. */
  signOut: (opts?: SignOutOptions) => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSessionContext(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSessionContext must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in session; only call below <RequireAuth>, where it is always present. */
export function useSession(): TSessionInfo {
  const { session } = useSessionContext();
  if (!session) throw new Error('useSession used without a session');
  return session;
}

/** Whether the signed-in user holds a permission (the server enforces it regardless). */
export function useCan(permission: TPermission): boolean {
  const { session } = useSessionContext();
  return !!session?.user.permissions.includes(permission);
}

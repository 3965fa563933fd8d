import { LoadingState } from '@hearth/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { navigationGuardsBypassed } from '../lib/navigation-bypass';
import { useSessionContext } from './session-context';

/** Renders its children only for a fully signed-in session; otherwise sends to the right sign-in step. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useSessionContext();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (session === undefined) {
    return (
      <main>
        <LoadingState label="Checking your session" />
      </main>
    );
  }
  // Signing out (menu, idle timeout, ended session) forgets the page: the next person to sign in on
  // this screen must not land on the previous user's chart. A deep link opened while signed out keeps it.
  if (!session) {
    return <Navigate to="/sign-in" replace state={navigationGuardsBypassed() ? undefined : { from }} />;
  }
  if (session.stage === 'mfa') return <Navigate to="/sign-in/mfa" replace state={{ from }} />;
  if (session.stage === 'mfa_enroll') return <Navigate to="/sign-in/enroll-mfa" replace state={{ from }} />;
  return <>{children}</>;
}

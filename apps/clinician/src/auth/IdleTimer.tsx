import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchSession } from '../api/auth';
import { getLastUserRequestAt } from '../api/client';
import { describeIdle, idleTimeoutMs, keepAliveMs, SHARED_ACTIVITY_KEY, warningLeadMs } from './idle-config';
import { IdleWarningModal } from './IdleWarningModal';
import { useSession, useSessionContext } from './session-context';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

function readSharedActivity(): number {
  try {
    return Number(localStorage.getItem(SHARED_ACTIVITY_KEY)) || 0;
  } catch {
    return 0;
  }
}

/**
 * Signs the person out after the practice's idle timeout. Mouse, keyboard and touch count as activity
 * (shared between tabs through localStorage); a minute before the end a modal offers "Stay signed in".
 * Activity without requests (reading a chart, typing) also refreshes the server's idle timer now and then.
 */
export function IdleTimer() {
  const session = useSession();
  const { signOut } = useSessionContext();
  const idleMs = useMemo(() => idleTimeoutMs(session.idleMinutes), [session.idleMinutes]);
  const leadMs = warningLeadMs(idleMs);

  const lastActivity = useRef(Date.now());
  const lastShared = useRef(0);
  const warningOpen = useRef(false);
  const touching = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const [staying, setStaying] = useState(false);

  const markActive = useCallback((now: number) => {
    lastActivity.current = now;
    if (now - lastShared.current > 2000) {
      lastShared.current = now;
      try {
        localStorage.setItem(SHARED_ACTIVITY_KEY, String(now));
      } catch {
        /* ignore */
      }
    }
  }, []);

  /** A normal (non-background) request, so the server extends the session. */
  const touchServer = useCallback(async () => {
    if (touching.current) return true;
    touching.current = true;
    try {
      const s = await fetchSession();
      if (!s) {
        await signOut({ callServer: false, keepDrafts: true, notice: 'Your session has ended. Please sign in again.' });
        return false;
      }
      return true;
    } catch {
      return true; // offline for a moment: the next request will tell
    } finally {
      touching.current = false;
    }
  }, [signOut]);

  useEffect(() => {
    markActive(Date.now());
    const onActivity = () => {
      if (warningOpen.current) return; // only "Stay signed in" dismisses the warning
      const now = Date.now();
      markActive(now);
      if (now - getLastUserRequestAt() > keepAliveMs(idleMs)) void touchServer();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [idleMs, markActive, touchServer]);

  useEffect(() => {
    const tick = () => {
      const last = Math.max(lastActivity.current, readSharedActivity());
      const idle = Date.now() - last;
      if (idle >= idleMs) {
        window.clearInterval(timer);
        warningOpen.current = false;
        setSecondsLeft(null);
        void signOut({ keepDrafts: true, notice: `You were signed out after ${describeIdle(idleMs)} of inactivity.` });
      } else if (idle >= idleMs - leadMs) {
        warningOpen.current = true;
        setSecondsLeft(Math.max(1, Math.ceil((idleMs - idle) / 1000)));
      } else if (warningOpen.current) {
        // Activity in another tab.
        warningOpen.current = false;
        setSecondsLeft(null);
      }
    };
    const timer = window.setInterval(tick, 500);
    return () => window.clearInterval(timer);
  }, [idleMs, leadMs, signOut]);

  const stay = async () => {
    setStaying(true);
    const ok = await touchServer();
    setStaying(false);
    if (!ok) return;
    warningOpen.current = false;
    lastShared.current = 0;
    markActive(Date.now());
    setSecondsLeft(null);
  };

  return (
    <IdleWarningModal
      opened={secondsLeft !== null}
      secondsLeft={secondsLeft ?? 0}
      staying={staying}
      onStay={() => void stay()}
      onSignOut={() => void signOut()}
    />
  );
}

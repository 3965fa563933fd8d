import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (so "due in 5 h" keeps counting while the page is open). */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(t);
  }, [everyMs]);
  return now;
}

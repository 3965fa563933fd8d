import { useEffect, useState } from 'react';

/** The practice's public name (GET /api/public/practice); null until known or if unavailable. */
export function usePracticeName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    fetch('/api/public/practice', {
      credentials: 'same-origin',
      signal: ctrl.signal,
      headers: { accept: 'application/json' },
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: unknown) => {
        const n =
          body && typeof body === 'object' && 'name' in body ? (body as { name: unknown }).name : null;
        if (typeof n === 'string' && n.trim()) setName(n.trim());
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  return name;
}

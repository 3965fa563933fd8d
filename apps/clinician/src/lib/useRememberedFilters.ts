import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { readSession, writeSession } from './storage';

/**
 * A paged list's filters, remembered for the browser tab under `key` (sessionStorage), with a
 * debounced copy for querying. Changing any filter goes back to page 1.
 */
export function useRememberedFilters<F extends { page: number }>(key: string, defaults: F) {
  const [filters, setFilters] = useState<F>(() => readSession(key, defaults));
  const [debounced] = useDebouncedValue(filters, 300);
  useEffect(() => writeSession(key, filters), [key, filters]);
  const set = (patch: Partial<F>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const setPage = (page: number) => setFilters((f) => ({ ...f, page }));
  return { filters, debounced, set, setPage, setFilters };
}

import { useEffect } from 'react';

/** Sets "<page> — Hearth". Never pass a patient's name: titles end up in history and screenshots. */
export function useDocumentTitle(page: string) {
  useEffect(() => {
    document.title = page ? `${page} — Hearth` : 'Hearth';
  }, [page]);
}

import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

const URL_RE = /(https?:\/\/[^\s<>"')\]]+)/g;

/** Plain text with http(s) links made clickable; everything else stays text (no HTML is rendered). */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const start = m.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={start} href={url}>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

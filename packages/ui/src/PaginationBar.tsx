import { Group, Pagination, Text, type PaginationProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PaginationBarProps extends Pick<PaginationProps, 'getControlProps' | 'getItemProps'> {
  /** Total number of items across all pages. */
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  /** A dimmed line on the left, e.g. "120 events"; given the page count. */
  summary: (pages: number) => ReactNode;
}

const CONTROL_LABELS: Record<string, string> = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

/** The number of pages needed for `total` items (at least one). */
export function pageCount(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A summary and page picker under a paged list; renders nothing when everything fits on one page. */
export function PaginationBar({ total, pageSize, page, onChange, summary, ...rest }: PaginationBarProps) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" p="sm">
      <Text c="dimmed">{summary(pages)}</Text>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        // Every button gets a name: screen readers (and axe) need more than a bare number or arrow.
        getItemProps={(p) => ({ 'aria-label': `Page ${p}`, ...rest.getItemProps?.(p) })}
        getControlProps={(c) => ({ 'aria-label': CONTROL_LABELS[c] ?? c, ...rest.getControlProps?.(c) })}
      />
    </Group>
  );
}

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
      <Pagination total={pages} value={page} onChange={onChange} {...rest} />
    </Group>
  );
}

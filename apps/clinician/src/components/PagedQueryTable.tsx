import { DataTable, PaginationBar, type DataTableProps, type PaginationBarProps } from '@hearth/ui';
import { Card } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryError } from './QueryError';

interface Page<T> {
  items: T[];
  total: number;
  pageSize: number;
  page: number;
}

interface Props<T>
  extends
    Omit<DataTableProps<T>, 'items' | 'error'>,
    Pick<PaginationBarProps, 'getControlProps' | 'getItemProps'> {
  /** A query for one page of results. */
  query: { isPending: boolean; isError: boolean; error: unknown; data?: Page<T> };
  /** The page asked for (the filters' page, which may run ahead of the data's). */
  page: number;
  onPageChange: (page: number) => void;
  /** The dimmed line beside the page picker, given the loaded page and the page count. */
  pageSummary: (data: Page<T>, pages: number) => ReactNode;
}

/** A failed-load alert above a card holding a paged table with its loading and empty states and pager. */
export function PagedQueryTable<T>({
  query,
  page,
  onPageChange,
  pageSummary,
  getControlProps,
  getItemProps,
  loading = query.isPending,
  ...tableProps
}: Props<T>) {
  const data = query.data;
  return (
    <>
      <QueryError query={query} role="alert" mb="md" />
      <Card p={0}>
        <DataTable items={data?.items} loading={loading} {...tableProps} />
        {data ? (
          <PaginationBar
            total={data.total}
            pageSize={data.pageSize}
            page={page}
            onChange={onPageChange}
            summary={(pages) => pageSummary(data, pages)}
            getControlProps={getControlProps}
            getItemProps={getItemProps}
          />
        ) : null}
      </Card>
    </>
  );
}

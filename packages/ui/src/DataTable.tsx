import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadingState } from './LoadingState';

export interface DataTableProps<T> extends Omit<TableProps, 'children'> {
  /** Undefined until the first load finishes. */
  items: readonly T[] | undefined;
  /** Column headings, in order. */
  columns: readonly string[];
  renderRow: (item: T) => ReactNode;
  /** Shows the spinner, labelled with `loadingLabel`. */
  loading?: boolean;
  loadingLabel?: string;
  /** Rendered after the spinner, e.g. an alert for a failed load. */
  error?: ReactNode;
  /** Rendered when there are no items. */
  empty: ReactNode;
  /** Wraps the table in a horizontal scroll container this wide; omit for no scrolling. */
  minWidth?: number;
}

/** A table with its loading, error and empty states; the rows come from `renderRow`. */
export function DataTable<T>({
  items,
  columns,
  renderRow,
  loading,
  loadingLabel,
  error,
  empty,
  minWidth,
  ...tableProps
}: DataTableProps<T>) {
  const table =
    items && items.length > 0 ? (
      <Table {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(renderRow)}</Table.Tbody>
      </Table>
    ) : null;
  return (
    <>
      {loading ? <LoadingState label={loadingLabel} /> : null}
      {error}
      {items && items.length === 0 ? empty : null}
      {table && minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table}
    </>
  );
}

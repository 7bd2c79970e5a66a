import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './feedback';

/** One column: its header (an i18n key, also the label a cell shows when the table stacks on a narrow screen) and its cell. */
export interface DataColumn<Row> {
  /** i18n key of the header. */
  labelKey: string;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned figures (`num` on the header and the cells). */
  numeric?: boolean;
  /** Further classes on each cell (`mono`, `small`, `nowrap`…), or a function of the row. */
  className?: string | ((row: Row) => string | undefined);
}

/** Attributes for one row (`data-*`, `aria-selected`, a class). */
export type RowProps = ComponentPropsWithoutRef<'tr'> & { [data: `data-${string}`]: string | number | boolean | undefined };

export interface DataTableProps<Row> {
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  /** A stable key per row; rows without one are keyed by position (for lists that never reorder). */
  rowKey?: (row: Row, index: number) => string | number;
  /** Shown instead of the table when there are no rows (already translated); without it an empty table is drawn. */
  empty?: ReactNode;
  /** A caption for screen readers (already translated); or name the table by a heading with `labelledBy`. */
  caption?: string;
  labelledBy?: string;
  /** Tighter cells, kept as a table on narrow screens (`table-compact`). */
  compact?: boolean;
  /** Makes the whole row clickable; keep a link or button in the row for the keyboard. */
  onRowClick?: (row: Row) => void;
  testId?: string;
  rowTestId?: string;
  rowProps?: (row: Row, index: number) => RowProps;
}

function classes(...names: (string | false | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * A table of rows under column headers: `<th scope="col">` headers from i18n keys, each cell
 * labelled with its header for the stacked narrow-screen layout, an empty state, clickable rows.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  caption,
  labelledBy,
  compact = false,
  onRowClick,
  testId,
  rowTestId,
  rowProps,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  const labels = columns.map((column) => t(column.labelKey));
  return (
    <div className="table-wrap">
      <table
        className={classes('table', onRowClick && 'table-clickable', compact && 'table-compact')}
        aria-labelledby={labelledBy}
        data-testid={testId}
      >
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, c) => (
              <th key={column.labelKey} scope="col" className={column.numeric ? 'num' : undefined}>
                {labels[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={rowKey ? rowKey(row, index) : index}
              data-testid={rowTestId}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
              {...rowProps?.(row, index)}
            >
              {columns.map((column, c) => (
                <td
                  key={column.labelKey}
                  data-label={labels[c]}
                  className={classes(
                    column.numeric && 'num',
                    typeof column.className === 'function' ? column.className(row) : column.className,
                  )}
                >
                  {column.cell(row, index)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

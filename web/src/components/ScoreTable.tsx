/**
 * The one score table of the app: a row header per area or subarea, number columns, an optional
 * total row. Used for the subarea tables and the score entry grid, the area overview, the data
 * tables behind the charts, the comparison and the import preview, so all of them share markup,
 * alignment and accessibility (screen-reader caption, `scope` on every header, a labelled
 * scrolling region on narrow screens).
 */
import type { ReactNode, TdHTMLAttributes } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { TableRegion } from './TableRegion.tsx';

type DataAttributes = { [key: `data-${string}`]: string | number | undefined };
export type CellAttributes = TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;

export interface ScoreColumn<Row> {
  key: string;
  header: ReactNode;
  /** Numbers are right-aligned (the default); a text or decoration column sets false. */
  num?: boolean;
  /** Header attributes (e.g. an invisible header for a decoration column). */
  headerClassName?: string;
  cell: (row: Row, index: number) => ReactNode;
  /** Extra attributes of each cell (`data-cell` for tests, `aria-hidden` for decoration). */
  cellProps?: (row: Row) => CellAttributes;
  /** The cell of this column in the total row; a column without one leaves it empty. */
  total?: ReactNode;
  totalProps?: CellAttributes;
}

export interface ScoreTableProps<Row> {
  /** Caption for screen readers, and the label of the scrolling region. */
  caption: string;
  /** Header of the first column, the row headers ("Område", "Delområde"). */
  rowHeaderTitle: ReactNode;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowHeader: (row: Row) => ReactNode;
  rowProps?: (row: Row) => DataAttributes;
  /** Columns after the row header; `false` leaves a column out (a conditional column). */
  columns: ReadonlyArray<ScoreColumn<Row> | false>;
  /** Header of the total row; without it there is no total row. */
  totalHeader?: ReactNode;
  className?: string;
  testId?: string;
  /** `region` (default): a labelled, focusable scrolling region; `plain`: a scrolling wrapper; `none`: the bare table, for a container that scrolls itself. */
  wrap?: 'region' | 'plain' | 'none';
}

const numClass = (num: boolean | undefined, extra?: string): string | undefined => [num === false ? '' : 'num', extra ?? ''].filter(Boolean).join(' ') || undefined;

export function ScoreTable<Row>({ caption, rowHeaderTitle, rows, rowKey, rowHeader, rowProps, columns, totalHeader, className, testId, wrap = 'region' }: ScoreTableProps<Row>) {
  const cols = columns.filter((c): c is ScoreColumn<Row> => c !== false);
  const table = (
    <table className={className} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeaderTitle}</th>
          {cols.map((c) => (
            <th scope="col" key={c.key} className={numClass(c.num, c.headerClassName)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            <th scope="row">{rowHeader(row)}</th>
            {cols.map((c) => {
              const props = c.cellProps?.(row);
              return (
                <td key={c.key} {...props} className={numClass(c.num, props?.className)}>
                  {c.cell(row, i)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {totalHeader !== undefined && (
        <tfoot>
          <tr>
            <th scope="row">{totalHeader}</th>
            {cols.map((c) => (
              <td key={c.key} {...c.totalProps} className={numClass(c.num, c.totalProps?.className)}>
                {c.total}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
  if (wrap === 'none') return table;
  if (wrap === 'plain') return <div className="table-wrap">{table}</div>;
  return <TableRegion label={caption}>{table}</TableRegion>;
}

/** A score table whose rows are areas, headed "Område", each row "3. Styrning och kontroll" unless `rowHeader` says otherwise. */
export function AreaScoreTable<Row extends { number: number; title: string }>(props: Omit<ScoreTableProps<Row>, 'rowHeaderTitle' | 'rowKey' | 'rowHeader'> & { rowHeader?: (row: Row) => ReactNode }) {
  const t = useT();
  const { rowHeader = (a: Row) => `${a.number}. ${a.title}`, ...rest } = props;
  return <ScoreTable rowHeaderTitle={t('common.area')} rowKey={(a) => a.number} rowHeader={rowHeader} {...rest} />;
}

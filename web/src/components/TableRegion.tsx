/**
 * The container of a table that may be wider than a phone screen: it scrolls sideways inside itself
 * (never the page), and is a labelled, keyboard-focusable region so it can be scrolled without a mouse.
 * `DataTable` is the common case of a plain table in it: column headers, then the rows given.
 */
import type { ReactNode } from 'react';

export function TableRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    // A scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1).
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A table in its region: one `scope="col"` header per column (a `false` column is left out, for a
 * column only some viewers see), `children` the body rows; with `caption` the label is also the
 * table's screen-reader caption.
 */
export function DataTable({
  label,
  caption = false,
  columns,
  className,
  testId,
  children,
}: {
  label: string;
  caption?: boolean;
  columns: ReadonlyArray<ReactNode | false>;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableRegion label={label}>
      <table className={className} data-testid={testId}>
        {caption && <caption className="sr-only">{label}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) =>
              c === false ? null : (
                <th key={i} scope="col">
                  {c}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}

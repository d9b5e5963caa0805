import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { useLocalTitle } from '../../../lib/frameworkTitles.ts';

interface SubareaRow {
  id: string;
  title: string;
}
interface AreaRow {
  number: number;
  title: string;
  subareas: readonly SubareaRow[];
}

/**
 * A benchmark table by area: each area's row with its subareas indented below it, the total in the
 * footer. The figures of a row (one cell per column after the area) come from `cells`.
 */
export function AreaTable<A extends AreaRow>({
  testId,
  caption,
  frameworkId,
  columns,
  areas,
  cells,
}: {
  testId?: string | undefined;
  caption: string;
  frameworkId: string;
  /** The headers of the numeric columns. */
  columns: readonly string[];
  areas: readonly A[];
  cells: { area: (a: A) => ReactNode; subarea: (s: A['subareas'][number]) => ReactNode; total: ReactNode };
}) {
  const t = useT();
  const title = useLocalTitle();
  return (
    <table data-testid={testId} className="table-compact">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.area')}</th>
          {columns.map((c) => (
            <th key={c} scope="col" className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {areas.flatMap((a) => [
          <tr key={a.number} className="area-row" data-key={a.number}>
            <th scope="row">
              {a.number}. {title(frameworkId, a.number, a.title)}
            </th>
            {cells.area(a)}
          </tr>,
          ...a.subareas.map((s) => (
            <tr key={s.id} className="subarea-row" data-key={s.id}>
              <th scope="row" className="indent">
                {s.id} {title(frameworkId, s.id, s.title)}
              </th>
              {cells.subarea(s)}
            </tr>
          )),
        ])}
      </tbody>
      <tfoot>
        <tr data-key="total">
          <th scope="row">{t('common.total')}</th>
          {cells.total}
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * Across all municipalities with a plan and two comparable evaluations: per subarea, the mean score
 * change where actions tied to it were done against where none were, with n, as a chart and a table.
 * Worded as an association, never as proof.
 */
import { useMemo, useState } from 'react';
import { associationOption } from '../../../../src/charts/definitions.ts';
import { Chart } from '../../components/Chart.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNarrow } from '../../lib/useNarrow.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import { fetchAssociations } from './api/follow-up.ts';

export default function AssociationsPage() {
  const t = useT();
  const f = useFormat();
  const narrow = useNarrow();
  const [framework, setFramework] = useState('kk2020');
  usePageTitle(t('assoc.title'));
  const res = useResource(`assoc-${framework}`, (signal) => fetchAssociations(framework, signal));
  const data = res.data;
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => r.withDone.n + r.withoutDone.n > 0), [data]);
  const option = useMemo(
    () =>
      associationOption({
        rows: rows.map((r) => ({ subareaId: r.subareaId, title: r.title, withDone: r.withDone.meanDelta, withoutDone: r.withoutDone.meanDelta, nDone: r.withDone.n, nWithout: r.withoutDone.n })),
        words: { withDone: t('assoc.withDone'), withoutDone: t('assoc.withoutDone'), description: t('assoc.chart'), unknown: t('common.unknown') },
        style: { compact: narrow },
      }),
    [rows, t, narrow],
  );
  return (
    <article>
      <h1>{t('assoc.title')}</h1>
      <p>{t('assoc.intro')}</p>
      <label>
        {t('common.framework')}{' '}
        <select value={framework} onChange={(e) => setFramework(e.target.value)}>
          <option value="kk2020">Kommunkompassen 2020</option>
          <option value="kk2010">Kommunkompassen 2010</option>
        </select>
      </label>
      {res.loading && <p>{t('common.loading')}</p>}
      {res.error ? <p role="alert">{t('common.error')}</p> : null}
      {data && (
        <>
          <p className="notice">{t('assoc.caveat', { n: data.pairs })}</p>
          {rows.length === 0 ? (
            <p>{t('assoc.none')}</p>
          ) : (
            <Chart
              option={option}
              label={t('assoc.chart')}
              height={Math.max(200, rows.length * 44 + 60)}
              tableOpen
              table={
                <table data-testid="associations">
                  <caption>{t('assoc.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('common.subarea')}</th>
                      <th scope="col">{t('assoc.withDone')}</th>
                      <th scope="col">{t('assoc.withoutDone')}</th>
                      <th scope="col">{t('assoc.difference')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.subareaId}>
                        <th scope="row">
                          {r.subareaId} <span lang="sv">{r.title}</span>
                        </th>
                        <td>{t('assoc.cell', { delta: f.delta(r.withDone.meanDelta), n: r.withDone.n })}</td>
                        <td>{t('assoc.cell', { delta: f.delta(r.withoutDone.meanDelta), n: r.withoutDone.n })}</td>
                        <td>{f.delta(r.difference)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          )}
        </>
      )}
    </article>
  );
}

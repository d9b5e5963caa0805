import { useId } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useFrameworkAdminList } from './api/frameworks.ts';
import { OriginLabel } from './OriginLabel.tsx';

/** Administrators: every framework version with the evaluations that use it; variants from imports first. */
export default function FrameworksPage() {
  const t = useT();
  const uid = useId();
  usePageTitle(t('fwadmin.title'));
  const list = useFrameworkAdminList();
  if (list.error) return <ErrorPanel error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const items = list.data.items;
  const waiting = items.filter((f) => f.needsReview);
  return (
    <div className="page" data-testid="frameworks-page">
      <Breadcrumbs trail={[{ label: t('fwadmin.title') }]} />
      <header className="page-header">
        <h1>{t('fwadmin.title')}</h1>
        <p className="lead">{t('fwadmin.intro')}</p>
      </header>
      {waiting.length > 0 && (
        <Notice tone="warning" title={t('fwadmin.waitingTitle', { n: waiting.length })}>
          <ul>
            {waiting.map((f) => (
              <li key={f.id}>
                <Link to={paths.framework(f.id)}>{f.name}</Link> ({t('fwadmin.evaluationCount', { n: f.evaluationCount })})
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <section className="section" aria-labelledby={`${uid}-h`}>
        <h2 id={`${uid}-h`}>{t('fwadmin.versions')}</h2>
        <TableRegion label={t('fwadmin.versions')}>
          <table data-testid="frameworks-table">
            <caption className="sr-only">{t('fwadmin.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fwadmin.col.name')}</th>
                <th scope="col">{t('fwadmin.col.year')}</th>
                <th scope="col">{t('fwadmin.col.origin')}</th>
                <th scope="col" className="num">{t('fwadmin.col.subareas')}</th>
                <th scope="col" className="num">{t('fwadmin.col.evaluations')}</th>
                <th scope="col" className="num">{t('fwadmin.col.published')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <Link to={paths.framework(f.id)}>{f.name}</Link>
                    <br />
                    <span className="muted small">{f.id}</span>
                  </th>
                  <td>{f.year}</td>
                  <td>
                    <OriginLabel origin={f.origin} needsReview={f.needsReview} />
                  </td>
                  <td className="num">{f.subareaCount}</td>
                  <td className="num">{f.evaluationCount}</td>
                  <td className="num">{f.publishedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
      <p>
        <Link to={paths.concordance()}>{t('fwadmin.concordanceLink')}</Link>
      </p>
    </div>
  );
}

import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { paths } from '../paths.ts';

export function NotFound() {
  const t = useT();
  usePageTitle(t('common.notFound'));
  return (
    <div className="page narrow">
      <h1>{t('common.notFound')}</h1>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to={paths.start()}>{t('common.toStart')}</Link>
      </p>
    </div>
  );
}

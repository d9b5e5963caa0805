/** Where the page sits: the start page first, then the given steps; the last step is the current page. */
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';

export interface Crumb {
  label: string | number;
  /** Link of the step; the current page (the last step) has none. */
  to?: string;
}

export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  const t = useT();
  const steps: Crumb[] = [{ label: t('nav.start'), to: paths.start() }, ...trail];
  return (
    <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {steps.map((c, i) =>
          i === steps.length - 1 ? (
            <li key={i} aria-current="page">
              {c.label}
            </li>
          ) : (
            <li key={i}>{c.to ? <Link to={c.to}>{c.label}</Link> : c.label}</li>
          ),
        )}
      </ol>
    </nav>
  );
}

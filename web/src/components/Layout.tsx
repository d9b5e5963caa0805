import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { LANGS, useLang, useT } from '../i18n/i18n.tsx';
import { canCreateEvaluations } from '../lib/access.ts';
import { useAuth } from '../lib/auth.tsx';
import { paths } from '../paths.ts';
import { Loading } from './Status.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Layout() {
  const t = useT();
  const [lang, setLang] = useLang();
  const { user } = useAuth();
  const editor = canCreateEvaluations(user);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Move focus to the content after client-side navigation, so keyboard and screen-reader users start at the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to={paths.start()} className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="15" fill="currentColor" />
              <path d="M16 5 L20 16 L16 27 L12 16 Z" fill="#fff" />
              <path d="M16 5 L20 16 L12 16 Z" fill="#f2b134" />
            </svg>
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <div className="lang-switch" role="group" aria-label={t('lang.label')}>
              {LANGS.map((l) => (
                <button key={l} type="button" className="link-button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
                  {t(`lang.${l}`)}
                </button>
              ))}
            </div>
            <NotificationBell />
            <UserMenu />
          </div>
        </div>
        <nav className="container main-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to={paths.start()} end className={navClass}>
                {t('nav.start')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.compare()} className={navClass}>
                {t('nav.compare')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.goodExamples()} className={navClass}>
                {t('nav.goodExamples')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.benchmarks()} className={navClass}>
                {t('nav.benchmarks')}
              </NavLink>
            </li>
            {editor && (
              <li>
                <NavLink to={paths.newEvaluation()} className={navClass}>
                  {t('nav.new')}
                </NavLink>
              </li>
            )}
            {editor && (
              <li>
                <NavLink to={paths.import()} className={navClass}>
                  {t('nav.import')}
                </NavLink>
              </li>
            )}
            {user && (
              <li>
                <NavLink to={paths.questionnaires()} className={navClass}>
                  {t('nav.questionnaires')}
                </NavLink>
              </li>
            )}
            {user?.role === 'admin' && (
              <li>
                <NavLink to={paths.users()} className={navClass}>
                  {t('nav.users')}
                </NavLink>
              </li>
            )}
            {user?.role === 'admin' && (
              <li>
                <NavLink to={paths.frameworks()} className={navClass}>
                  {t('nav.frameworks')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <p>
            <a href="/api/docs">{t('app.apiDocs')}</a>
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}

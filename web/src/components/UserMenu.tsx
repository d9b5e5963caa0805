import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { useAuth } from '../lib/auth.tsx';
import { paths } from '../paths.ts';

/** The header's account area: a sign-in link, or the signed-in user's name and role with a small menu. */
export function UserMenu() {
  const t = useT();
  const { user, ready, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close on navigation, on Escape (focus back on the button) and on a click outside.
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!ready) return <div className="account-slot" data-slot="account" />;
  if (!user) {
    const here = `${location.pathname}${location.search}`;
    const onSignInPage = location.pathname === paths.signIn();
    return (
      <div className="account-slot" data-slot="account">
        {!onSignInPage && (
          <Link className="header-link" to={paths.signIn(here)} data-testid="sign-in-link">
            {t('account.signIn')}
          </Link>
        )}
      </div>
    );
  }

  const role = t(`role.${user.role}`);
  const doSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      setOpen(false);
      void navigate(paths.start());
    }
  };

  return (
    <div className="account-slot user-menu" data-slot="account" ref={rootRef}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((o) => !o)}
        ref={buttonRef}
        data-testid="user-menu"
      >
        <span className="user-menu-name">{user.name}</span>
        <span className="sr-only">, </span>
        <span className="user-menu-role">{role}</span>
        <span className="user-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={`${id}-menu`} className="user-menu-panel" hidden={!open}>
        <p className="small muted">
          {t('account.signedInAs')} <strong>{user.email}</strong>
        </p>
        <ul className="plain-list">
          <li>
            <Link to={paths.changePassword()}>{t('account.changePassword')}</Link>
          </li>
          {user.role === 'admin' && (
            <li>
              <Link to={paths.users()}>{t('nav.users')}</Link>
            </li>
          )}
        </ul>
        <button type="button" className="button secondary small" onClick={() => void doSignOut()} disabled={busy} data-testid="sign-out">
          {busy ? t('account.signingOut') : t('account.signOut')}
        </button>
      </div>
    </div>
  );
}

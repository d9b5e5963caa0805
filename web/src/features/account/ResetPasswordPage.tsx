import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { resetPassword } from './api/account.ts';
import { NewPasswordFields, validateNewPassword, type NewPassword, type NewPasswordErrors } from './components/NewPasswordFields.tsx';

function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** /aterstall-losenord#token=…: the token is in the fragment so it never reaches server logs or Referer headers. */
export default function ResetPasswordPage() {
  const t = useT();
  usePageTitle(t('reset.title'));
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const { user, refresh } = useAuth();
  const [token] = useState(() => tokenFromHash(location.hash));
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  // Take the token out of the address bar (and history) once it is read.
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateNewPassword(value, t);
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      document.getElementById(errs.password ? `${id}-new` : `${id}-repeat`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, value.password);
      setDone(true);
      // The reset ends the account's sessions; if this browser had one, it is gone now.
      if (user) void refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow" data-testid="reset-password-page">
      <header className="page-header">
        <h1>{t('reset.title')}</h1>
        <p className="lead">{t('reset.intro')}</p>
      </header>
      {done ? (
        <div role="status">
          <Notice tone="success">
            <p>{t('reset.done')}</p>
            <Link className="button" to={paths.signIn()}>
              {t('account.signIn')}
            </Link>
          </Notice>
        </div>
      ) : !token ? (
        <Notice tone="warning">
          <p>{t('reset.missingToken')}</p>
        </Notice>
      ) : (
        <>
          {error !== null && <ErrorPanel error={error} />}
          <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('reset.title')}>
            <NewPasswordFields idPrefix={id} value={value} errors={errors} onChange={setValue} />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('password.saving') : t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

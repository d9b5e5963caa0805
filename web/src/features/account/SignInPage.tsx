import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Notice, errorText } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import { safeReturnPath, useAuth } from '../../lib/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';

export default function SignInPage() {
  const t = useT();
  usePageTitle(t('signIn.title'));
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('till'));
  const { user, sso, signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const errorRef = useRef<HTMLDivElement>(null);
  // Focus the message once React has rendered it. (Focusing from a requestAnimationFrame after
  // setError raced React's own scheduling: when the frame came first, the alert was not mounted yet
  // and focus stayed on the button — the cause of the flaky wrong-password focus check.)
  useEffect(() => {
    if (error !== null) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: { email?: string; password?: string } = {};
    if (!email.trim()) errs.email = t('edit.required', { field: t('signIn.email') });
    if (!password) errs.password = t('edit.required', { field: t('signIn.password') });
    setFieldErrors(errs);
    if (errs.email || errs.password) {
      document.getElementById(errs.email ? `${id}-email` : `${id}-password`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      void navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const ssoLabel = sso.label ?? t('signIn.ssoDefault');
  // The server keeps the return target with the pending sign-in and checks it again (app paths only).
  const ssoHref = sso.loginUrl && next !== '/' ? `${sso.loginUrl}${sso.loginUrl.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}` : sso.loginUrl;

  return (
    <div className="page narrow sign-in-page" data-testid="sign-in-page">
      <header className="page-header">
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
      </header>
      {user && (
        <Notice tone="info">
          <p>{t('signIn.already', { name: user.name, role: t(`role.${user.role}`) })}</p>
          <Link className="button secondary small" to={next}>
            {t('signIn.continue')}
          </Link>
        </Notice>
      )}
      {error !== null && (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={errorRef} data-testid="sign-in-error">
          <p className="alert-title">{isApiError(error, 429) ? t('signIn.rateLimited') : t('signIn.failed')}</p>
          <p>{errorText(error)}</p>
        </div>
      )}
      <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} className="sr-only">
          {t('signIn.title')}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? `${id}-email-fel` : undefined}
            required
          />
          {fieldErrors.email && (
            <p className="field-error" id={`${id}-email-fel`}>
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? `${id}-password-fel` : undefined}
            required
          />
          {fieldErrors.password && (
            <p className="field-error" id={`${id}-password-fel`}>
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <p className="small muted form-note">{t('signIn.forgot')}</p>
      </form>
      {sso.enabled && ssoHref && (
        <div className="sso-box">
          <p className="muted small">{t('signIn.or')}</p>
          {/* A full page load: the identity provider's pages are not part of this app. */}
          <a className="button secondary" href={ssoHref} data-testid="sso-login">
            {t('signIn.sso', { label: ssoLabel })}
          </a>
        </div>
      )}
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { changePassword } from './api/account.ts';
import { NewPasswordFields, validateNewPassword, type NewPassword, type NewPasswordErrors } from './components/NewPasswordFields.tsx';

export default function ChangePasswordPage() {
  const t = useT();
  usePageTitle(t('password.title'));
  const id = useId();
  const { user } = useAuth();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [errors, setErrors] = useState<NewPasswordErrors & { current?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: NewPasswordErrors & { current?: string } = validateNewPassword(value, t);
    if (!current) errs.current = t('edit.required', { field: t('password.current') });
    setErrors(errs);
    setDone(false);
    if (Object.keys(errs).length > 0) {
      document.getElementById(errs.current ? `${id}-current` : errs.password ? `${id}-new` : `${id}-repeat`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, value.password);
      setDone(true);
      setCurrent('');
      setValue({ password: '', repeat: '' });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow" data-testid="change-password-page">
      <header className="page-header">
        <h1>{t('password.title')}</h1>
        {user && <p className="lead">{t('signIn.already', { name: user.name, role: t(`role.${user.role}`) })}</p>}
      </header>
      {done && (
        <div role="status">
          <Notice tone="success">
            <p>{t('password.changed')}</p>
          </Notice>
        </div>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('password.title')}>
        <input type="email" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('password.current')}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            aria-invalid={errors.current ? true : undefined}
            aria-describedby={errors.current ? `${id}-current-fel` : undefined}
            required
          />
          {errors.current && (
            <p className="field-error" id={`${id}-current-fel`}>
              {errors.current}
            </p>
          )}
        </div>
        <NewPasswordFields idPrefix={id} value={value} errors={errors} onChange={setValue} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('password.saving') : t('password.submit')}
        </button>
      </form>
    </div>
  );
}

import { useT } from '../../../i18n/i18n.tsx';
import type { TFunction } from '../../../i18n/i18n.tsx';
import { PASSWORD_MIN_LENGTH } from '../api/account.ts';

export interface NewPassword {
  password: string;
  repeat: string;
}

export type NewPasswordErrors = Partial<Record<keyof NewPassword, string>>;

export function validateNewPassword(v: NewPassword, t: TFunction): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (v.password.length < PASSWORD_MIN_LENGTH) errors.password = t('password.tooShort', { n: PASSWORD_MIN_LENGTH });
  else if (v.password !== v.repeat) errors.repeat = t('password.mismatch');
  return errors;
}

/** New password twice, with the length rule as a hint and errors tied to the fields. */
export function NewPasswordFields({ idPrefix, value, errors, onChange }: { idPrefix: string; value: NewPassword; errors: NewPasswordErrors; onChange: (v: NewPassword) => void }) {
  const t = useT();
  const pid = `${idPrefix}-new`;
  const rid = `${idPrefix}-repeat`;
  return (
    <>
      <div className="field">
        <label htmlFor={pid}>{t('password.new')}</label>
        <p className="hint" id={`${pid}-hint`}>
          {t('password.hint', { n: PASSWORD_MIN_LENGTH })}
        </p>
        <input
          id={pid}
          type="password"
          autoComplete="new-password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={`${pid}-hint${errors.password ? ` ${pid}-fel` : ''}`}
          required
        />
        {errors.password && (
          <p className="field-error" id={`${pid}-fel`}>
            {errors.password}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={rid}>{t('password.repeat')}</label>
        <input
          id={rid}
          type="password"
          autoComplete="new-password"
          value={value.repeat}
          onChange={(e) => onChange({ ...value, repeat: e.target.value })}
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={errors.repeat ? `${rid}-fel` : undefined}
          required
        />
        {errors.repeat && (
          <p className="field-error" id={`${rid}-fel`}>
            {errors.repeat}
          </p>
        )}
      </div>
    </>
  );
}

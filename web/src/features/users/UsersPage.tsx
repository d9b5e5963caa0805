import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Actions } from '../../components/Actions.tsx';
import { MunicipalityPicker } from '../../components/MunicipalityPicker.tsx';
import { ErrorPanel, Loading, Notice, useWordProblem } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import { ACCOUNT_ROLES, useAuth, type AccountRole } from '../../lib/auth.tsx';
import { useFormat } from '../../lib/format.ts';
import type { MunicipalityItem } from '../../lib/types.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSubmit } from '../../lib/useSubmit.ts';
import { createUser, issueResetLink, updateUser, useUsers, type ResetLink, type UserItem } from './api/users.ts';
import { DataTable } from '../../components/TableRegion.tsx';

interface Shown {
  name: string;
  link: ResetLink;
}

export default function UsersPage() {
  const t = useT();
  usePageTitle(t('users.title'));
  const users = useUsers();
  const [link, setLink] = useState<Shown | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const linkRef = useRef<HTMLDivElement>(null);

  const showLink = (shown: Shown) => {
    setLink(shown);
    window.requestAnimationFrame(() => linkRef.current?.focus());
  };

  const run = async (work: () => Promise<string | null>) => {
    setError(null);
    setMessage(null);
    try {
      const done = await work();
      if (done) setMessage(done);
      users.reload();
    } catch (err) {
      setError(err);
      // Someone else changed the user first: show the current copy (the message says to redo the change).
      if (isApiError(err, 409)) users.reload();
    }
  };

  return (
    <div className="page" data-testid="users-page">
      <header className="page-header">
        <h1>{t('users.title')}</h1>
        <p className="lead">{t('users.intro')}</p>
      </header>
      <div role="status" aria-live="polite">
        {message && (
          <Notice tone="success">
            <p>{message}</p>
          </Notice>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
      {link && <LinkPanel shown={link} panelRef={linkRef} onClose={() => setLink(null)} />}
      <CreateUserForm
        onCreated={(user, resetLink) => {
          setError(null);
          setMessage(t('users.created', { name: user.name }));
          users.reload();
          showLink({ name: user.name, link: resetLink });
        }}
      />
      <section className="section" aria-labelledby="alla-anvandare">
        <h2 id="alla-anvandare">{t('users.list')}</h2>
        {users.error !== undefined && <ErrorPanel error={users.error} onRetry={users.reload} />}
        {!users.data && users.error === undefined && <Loading />}
        {users.data && (
          <UserTable
            items={users.data.items}
            onRole={(u, role) => void run(async () => (await updateUser(u, { role }), t('users.updated', { name: u.name })))}
            onToggle={(u) => void run(async () => (await updateUser(u, { disabled: !u.disabled }), t('users.updated', { name: u.name })))}
            onResetLink={(u) =>
              void run(async () => {
                showLink({ name: u.name, link: await issueResetLink(u.id) });
                return null;
              })
            }
          />
        )}
      </section>
    </div>
  );
}

function UserTable({ items, onRole, onToggle, onResetLink }: { items: UserItem[]; onRole: (u: UserItem, role: AccountRole) => void; onToggle: (u: UserItem) => void; onResetLink: (u: UserItem) => void }) {
  const t = useT();
  const { user: me } = useAuth();
  return (
    <DataTable
      label={t('users.count', { n: items.length })}
      caption
      testId="users-table"
      columns={[t('users.name'), t('users.email'), t('users.role'), t('users.municipality'), t('users.state'), t('users.actions')]}
    >
      {items.map((u) => (
        <tr key={u.id} data-user={u.email} className={u.disabled ? 'row-disabled' : undefined}>
          <th scope="row">
            {u.name} {me?.id === u.id && <span className="muted small">{t('users.you')}</span>}
          </th>
          <td>{u.email}</td>
          <td>
            <select aria-label={t('users.roleFor', { name: u.name })} value={u.role} onChange={(e) => onRole(u, e.target.value as AccountRole)}>
              {ACCOUNT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </td>
          <td>{u.municipalityCode ?? t('users.none')}</td>
          <td>
            {u.disabled ? t('users.disabled') : t('users.active')}
            {u.sso && <span className="muted small"> · {t('users.sso')}</span>}
            {!u.hasPassword && !u.sso && <span className="muted small"> · {t('users.noPassword')}</span>}
          </td>
          <td className="row-actions">
            <button type="button" className="button secondary small" aria-label={t(u.disabled ? 'users.enable' : 'users.disable', { name: u.name })} onClick={() => onToggle(u)}>
              {u.disabled ? t('users.enableShort') : t('users.disableShort')}
            </button>
            <button type="button" className="button secondary small" aria-label={t('users.resetLink', { name: u.name })} onClick={() => onResetLink(u)}>
              {t('users.resetLinkShort')}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserItem, link: ResetLink) => void }) {
  const t = useT();
  const word = useWordProblem();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccountRole>('evaluator');
  const [municipality, setMunicipality] = useState<MunicipalityItem | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs[`${id}-name`] = t('edit.required', { field: t('users.name') });
    if (!email.trim()) errs[`${id}-email`] = t('edit.required', { field: t('users.email') });
    if (role === 'municipality' && !municipality) errs[`${id}-muni`] = t('users.municipalityRequired');
    setErrors(errs);
    const first = Object.keys(errs)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    await run(async () => {
      try {
        const created = await createUser({ name: name.trim(), email: email.trim(), role, municipalityCode: role === 'municipality' ? (municipality?.code ?? null) : null });
        const link = await issueResetLink(created.id);
        setName('');
        setEmail('');
        setMunicipality(null);
        setPickerKey((k) => k + 1);
        onCreated(created, link);
      } catch (err) {
        // The server's field problems also stand at their fields; the error panel shows them all.
        if (isApiError(err)) {
          const fe: Record<string, string> = {};
          for (const x of err.errors) {
            if (x.path.includes('email')) fe[`${id}-email`] = word(x).text;
            else if (x.path.includes('name')) fe[`${id}-name`] = word(x).text;
            else if (x.path.includes('municipality')) fe[`${id}-muni`] = word(x).text;
          }
          setErrors(fe);
        }
        throw err;
      }
    });
  };

  const err = (fid: string) => errors[fid];
  const described = (fid: string) => (err(fid) ? `${fid}-fel` : undefined);

  return (
    <section className="section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('users.create')}</h2>
      {error !== null && <ErrorPanel error={error} />}
      <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="create-user">
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('users.name')}</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={err(`${id}-name`) ? true : undefined} aria-describedby={described(`${id}-name`)} />
            {err(`${id}-name`) && (
              <p className="field-error" id={`${id}-name-fel`}>
                {err(`${id}-name`)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('users.email')}</label>
            <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" aria-invalid={err(`${id}-email`) ? true : undefined} aria-describedby={described(`${id}-email`)} />
            {err(`${id}-email`) && (
              <p className="field-error" id={`${id}-email-fel`}>
                {err(`${id}-email`)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('users.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
              {ACCOUNT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {role === 'municipality' && <MunicipalityPicker key={pickerKey} id={`${id}-muni`} label={t('users.municipality')} value={municipality} onChange={setMunicipality} error={err(`${id}-muni`)} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('users.creating') : t('users.createSubmit')}
        </button>
      </form>
    </section>
  );
}

function LinkPanel({ shown, panelRef, onClose }: { shown: Shown; panelRef: RefObject<HTMLDivElement | null>; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.link.url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): select the text so it can be copied by hand.
      const input = document.getElementById(`${id}-url`);
      if (input instanceof HTMLInputElement) input.select();
    }
  };
  return (
    <div className="alert alert-success reset-link" tabIndex={-1} ref={panelRef} data-testid="reset-link" aria-labelledby={`${id}-h`} role="region">
      <p className="alert-title" id={`${id}-h`}>
        {t('users.linkTitle', { name: shown.name })}
      </p>
      <p>{t('users.linkText', { expires: f.dateTime(shown.link.expiresAt) })}</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('users.linkLabel')}</label>
        <input id={`${id}-url`} type="text" readOnly value={shown.link.url} onFocus={(e) => e.target.select()} data-testid="reset-link-url" />
      </div>
      <Actions status={copied ? t('users.copied') : ''}>
        <button type="button" className="button small" onClick={() => void copy()}>
          {t('users.copy')}
        </button>
        <button type="button" className="button secondary small" onClick={onClose}>
          {t('common.close')}
        </button>
      </Actions>
    </div>
  );
}

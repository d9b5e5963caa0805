import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { paths } from '../../paths.ts';
import { fetchNotifications, markRead } from './api/notifications.ts';

/** The signed-in user's notifications in the app: the same events that are sent by e-mail, newest first. */
export default function NotificationsPage() {
  const t = useT();
  usePageTitle(t('notifications.title'));
  const res = useResource('notifications', (signal) => fetchNotifications(signal));
  const [error, setError] = useState<unknown>(null);
  if (res.error) return <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const mark = async (ids?: string[]) => {
    setError(null);
    try {
      await markRead(ids);
      res.reload();
    } catch (e) {
      setError(e);
    }
  };
  const { items, unread } = res.data;
  return (
    <article className="page" data-testid="notifications-page">
      <h1>{t('notifications.title')}</h1>
      <p data-testid="notifications-unread">{t('notifications.unread', { count: String(unread) })}</p>
      {error !== null && <ErrorPanel error={error} />}
      {unread > 0 && (
        <p>
          <button type="button" className="button secondary" onClick={() => void mark()}>
            {t('notifications.markAll')}
          </button>
        </p>
      )}
      {items.length === 0 ? (
        <Notice tone="info">
          <p>{t('notifications.none')}</p>
        </Notice>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} data-testid="notification" className={n.read ? 'read' : 'unread'}>
              <p>
                <strong lang="sv">{n.subject}</strong> {!n.read && <span className="badge">{t('notifications.new')}</span>}
              </p>
              <p className="muted small">{new Date(n.createdAt).toLocaleString()}</p>
              <p>
                {n.evaluationId && <Link to={paths.evaluation(n.evaluationId)}>{t('notifications.open')}</Link>}
                {!n.read && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => void mark([n.id])}>
                      {t('notifications.markOne')}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

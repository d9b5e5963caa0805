import { Link, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { apiFetch } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { useResource } from '../lib/useResource.ts';
import { paths } from '../paths.ts';

/** The header's bell for a signed-in user: a link to the notifications with the unread count (read again on every page change). */
export function NotificationBell() {
  const t = useT();
  const { user } = useAuth();
  const location = useLocation();
  const res = useResource(user ? `notifications-bell:${user.id}:${location.pathname}${location.search}` : null, (signal) => apiFetch('/api/me/notifications', { contract: 'notifications.list', signal }));
  if (!user) return null;
  const unread = res.data?.unread ?? 0;
  return (
    <Link to={paths.notifications()} className="notification-bell" data-testid="notification-bell" aria-label={unread > 0 ? t('notifications.bellUnread', { count: String(unread) }) : t('notifications.bell')}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}

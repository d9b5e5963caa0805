import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { useAuth, type AccountRole } from '../lib/auth.tsx';
import { paths } from '../paths.ts';
import { Loading, Notice } from './Status.tsx';

/**
 * Pages for signed-in users: anonymous visitors are sent to the sign-in page (and back afterwards);
 * signed-in users whose role may not use the page get an explanation instead of a form the server would refuse.
 */
export function RequireAuth({ roles, children }: { roles?: readonly AccountRole[]; children: ReactNode }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  const t = useT();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to={paths.signIn(`${location.pathname}${location.search}${location.hash}`)} replace />;
  if (roles && !roles.includes(user.role)) {
    return (
      <div className="page narrow">
        <h1>{t('auth.forbiddenTitle')}</h1>
        <Notice tone="warning">
          <p>{t('auth.forbidden', { role: t(`role.${user.role}`) })}</p>
        </Notice>
      </div>
    );
  }
  return <>{children}</>;
}

/** For a signed-in municipality user: overdue actions and report-backs in the municipality's action plans. */
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { apiFetch } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useResource } from '../../lib/useResource.ts';
import { paths } from '../../paths.ts';

interface OverviewEntry {
  planId: string;
  evaluationId: string;
  year: number;
  followUp: { nextDue: string; overdue: boolean };
  overdueActions: unknown[];
}

export function FollowUpNotice() {
  const t = useT();
  const { user } = useAuth();
  const key = user?.role === 'municipality' ? `overview-${user.id}` : null;
  const res = useResource(key, (signal) => apiFetch<{ items: OverviewEntry[] }>('/api/follow-up/overview', { signal }));
  const late = (res.data?.items ?? []).filter((p) => p.followUp.overdue || p.overdueActions.length > 0);
  if (!key || late.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="follow-up-notice">
      <h2 id="follow-up-notice">{t('plan.startOverdue', { n: late.reduce((s, p) => s + p.overdueActions.length + (p.followUp.overdue ? 1 : 0), 0) })}</h2>
      <ul>
        {late.map((p) => (
          <li key={p.planId}>
            <Link to={paths.actionPlan(p.evaluationId)}>{t('plan.startOpen', { year: p.year })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
